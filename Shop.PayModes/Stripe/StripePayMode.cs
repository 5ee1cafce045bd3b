using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Stripe.Sandbox;

namespace Shop.PayModes.Stripe;

/// <summary>
/// Stripe Checkout (docs/providers/stripe.md): the buyer pays on a Checkout Session's hosted page; the signed
/// webhook at <c>/paymodes/stripe/notify</c> pays the bill. Every call goes through the official Stripe.net client;
/// in the sandbox world (<see cref="ProviderWorld"/>: test mode, API base URL empty, a test key) it goes to the
/// built-in sandbox under <c>/sandbox/stripe</c>, with the sandbox's keys.
/// </summary>
public sealed class StripePayMode : PayMode<StripeSettings, StripeSelector, StripeSettingsForm>, IPayModeRegistration, IPayModeSelfCheck
{
    public const string ModeCode = "stripe";

    public static void Register(PayModeBuilder mode)
    {
        StripeGateway.AddClient(mode.Services);
        mode.Services.AddScoped<StripeGateway>();
        mode.Services.AddScoped<StripeCheckout>();
        mode.NotificationProtocol<StripeWebhookProtocol>().SignatureLab<StripeSignatureLab>();
        StripeSandbox.AddTo(mode);
    }

    public override string Code => ModeCode;

    public override string Name => "Card (Stripe)";

    public override string Description => "Pay by card, or another method Stripe offers, on Stripe's secure page.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet(PayModeRoutes.Send, SendAsync);
        group.MapGet(PayModeRoutes.Return, ReturnAsync);
        group.MapGet(PayModeRoutes.Cancel, CancelAsync);
        group.MapNotify(this);
    }

    private Task<Results<RedirectHttpResult, ContentHttpResult, HandoverRefusal>> SendAsync(string reference, HttpContext http, StripeCheckout checkout) =>
        checkout.SendAsync(http, this, reference);

    private static Task<Results<RedirectHttpResult, ContentHttpResult>> ReturnAsync(HttpContext http, StripeCheckout checkout) => checkout.ReturnAsync(http);

    private static Task<Results<RedirectHttpResult, ContentHttpResult>> CancelAsync(HttpContext http, StripeCheckout checkout) => checkout.CancelAsync(http);

    public override INotificationProtocol NotificationProtocol(RawNotification raw, IServiceProvider services) =>
        services.GetRequiredService<StripeWebhookProtocol>();

    public SelfCheckResult Run(PayModeSettings settings, ShopSettings shop) =>
        settings is StripeSettings own ? SelfChecks.WithWorld(StripeSelfCheck.Run(own, shop.TestMode), own, shop) : SelfChecks.WrongSettings(settings);
}
