using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>
/// PayPal (PAYMODES.md §4.4): Checkout with Orders v2 and webhooks by default, or legacy Payments Standard
/// with IPN. Both notify at <c>/paymodes/paypal/notify</c> (JSON webhook or form-encoded IPN). In test mode,
/// empty provider URLs point at the built-in sandbox under <c>/sandbox/paypal</c>.
/// </summary>
public sealed class PayPalPayMode : PayMode<PayPalSettings, PayPalSelector, PayPalSettingsForm>, IPayMode, IPayModeSandbox, IPayModeSelfCheck
{
    public const string ModeCode = "paypal";

    public static void AddServices(IServiceCollection services)
    {
        PayPalHttp.AddClients(services);
        services.AddSingleton<PayPalTokenCache>();
        services.AddScoped<PayPalApi>();
        services.AddScoped<PayPalContext>();
        services.AddScoped<PayPalWebhookProtocol>();
        services.AddScoped<PayPalOrderProtocol>();
        services.AddScoped<PayPalIpnProtocol>();
        services.AddScoped<PayPalCheckout>();
        services.AddSingleton<PayPalSandbox>();
    }

    public override string Code => ModeCode;

    public override string Name => "PayPal";

    public override string Description => "Pay with your PayPal account or a card, on PayPal's secure pages.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet("/send/{reference}", (string reference, HttpContext http, PayPalCheckout checkout) =>
            checkout.SendAsync(http, this, reference));
        group.MapMethods("/return", ["GET", "POST"], (HttpContext http, PayPalCheckout checkout) => checkout.ReturnAsync(http));
        group.MapMethods("/cancel", ["GET", "POST"], (HttpContext http, PayPalCheckout checkout) => checkout.CancelAsync(http));
        group.MapPost("/notify", (HttpContext http, NotificationPipeline pipeline, IServiceProvider services) =>
        {
            // Orders webhooks are JSON; Payments Standard IPN is form-encoded.
            var json = http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
            INotificationProtocol protocol = json
                ? services.GetRequiredService<PayPalWebhookProtocol>()
                : services.GetRequiredService<PayPalIpnProtocol>();
            return pipeline.HandleAsync(http, protocol);
        });
    }

    public SelfCheckResult Run(PayModeSettings settings, ShopSettings shop) =>
        settings is PayPalSettings own ? PayPalSelfCheck.Run(own, shop.TestMode) : SelfChecks.WrongSettings(settings);

    public void MapSandbox(IEndpointRouteBuilder sandbox) =>
        sandbox.Map("/{**path}", (string? path, HttpContext http, PayPalSandbox paypal) => paypal.HandleAsync(http, path ?? ""));
}
