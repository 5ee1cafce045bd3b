using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.PayPal.Sandbox;

namespace Shop.PayModes.PayPal;

/// <summary>
/// PayPal (docs/providers/paypal.md): Checkout with Orders v2 and webhooks by default, or legacy Payments Standard
/// with IPN. Both notify at <c>/paymodes/paypal/notify</c> (JSON webhook or form-encoded IPN). In the sandbox
/// world (<see cref="ProviderWorld"/>: test mode, the integration's URLs all empty, none live) every call goes to
/// the built-in sandbox under <c>/sandbox/paypal</c>, with the sandbox's client secret.
/// </summary>
public sealed class PayPalPayMode : PayMode<PayPalSettings, PayPalSelector, PayPalSettingsForm>, IPayModeRegistration, IPayModeSandbox, IPayModeSelfCheck
{
    public const string ModeCode = "paypal";

    public static void Register(PayModeBuilder mode)
    {
        var services = mode.Services;
        PayPalHttp.AddClients(services);
        services.AddSingleton<PayPalTokenCache>();
        services.AddScoped<PayPalApi>();
        services.AddScoped<PayPalContext>();
        services.AddScoped<PayPalCheckout>();
        services.AddSingleton<PayPalSandbox>();
        mode.NotificationProtocol<PayPalWebhookProtocol>().NotificationProtocol<PayPalOrderProtocol>().NotificationProtocol<PayPalIpnProtocol>()
            .SandboxRoutes<PayPalPayMode>();
    }

    public override string Code => ModeCode;

    public override string Name => "PayPal";

    public override string Description => "Pay with your PayPal account or a card, on PayPal's secure pages.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet(PayModeRoutes.Send, SendAsync);
        group.MapMethods(PayModeRoutes.Return, ["GET", "POST"], ReturnAsync);
        group.MapMethods(PayModeRoutes.Cancel, ["GET", "POST"], CancelAsync);
        group.MapNotify(this);
    }

    private Task<Results<RedirectHttpResult, AutoPostPage, ContentHttpResult, HandoverRefusal>> SendAsync(
        string reference, HttpContext http, PayPalCheckout checkout) => checkout.SendAsync(http, this, reference);

    private static Task<Results<RedirectHttpResult, ContentHttpResult>> ReturnAsync(HttpContext http, PayPalCheckout checkout) =>
        checkout.ReturnAsync(http);

    private static Task<Results<RedirectHttpResult, ContentHttpResult>> CancelAsync(HttpContext http, PayPalCheckout checkout) =>
        checkout.CancelAsync(http);

    /// <summary>Orders webhooks are JSON; Payments Standard IPN is form-encoded; the order look-up after a buyer's return
    /// (journaled too, never an HTTP method a request can have) asks PayPal for the order.</summary>
    public override INotificationProtocol NotificationProtocol(RawNotification raw, IServiceProvider services) =>
        raw.Method == PayPalOrderProtocol.Method ? services.GetRequiredService<PayPalOrderProtocol>()
        : raw.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true ? services.GetRequiredService<PayPalWebhookProtocol>()
        : services.GetRequiredService<PayPalIpnProtocol>();

    public SelfCheckResult Run(PayModeSettings settings, ShopSettings shop) =>
        settings is PayPalSettings own ? SelfChecks.WithWorld(PayPalSelfCheck.Run(own, shop.TestMode), own, shop) : SelfChecks.WrongSettings(settings);

    public void MapSandbox(IEndpointRouteBuilder sandbox) => PayPalSandboxEndpoints.Map(sandbox);
}
