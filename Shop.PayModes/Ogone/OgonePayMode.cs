using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Ogone.Sandbox;

namespace Shop.PayModes.Ogone;

/// <summary>Ingenico / Worldline e-Commerce hosted page with SHA-IN / SHA-OUT (PAYMODES.md §4.3).</summary>
public sealed class OgonePayMode : PayMode<OgoneSettings, OgoneSelector, OgoneSettingsForm>, IPayMode, IPayModeSelfCheck
{
    public const string ModeCode = "ogone";

    private readonly IShopSettings? _shop;

    /// <summary>Built by hand (tests, reflection): the self-check then treats the shop as not in test mode.</summary>
    public OgonePayMode()
    {
    }

    /// <param name="shop">Read only by the self-check: an empty payment URL is fine while the shop is in test mode.</param>
    public OgonePayMode(IShopSettings shop) => _shop = shop;

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<OgoneNotificationProtocol>();
        services.AddProviderSandbox<OgoneSandbox>();
    }

    public override string Code => ModeCode;

    public override string Name => "Card (Ogone)";

    public override string Description => "Pay by card on Worldline's secure Ogone page.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public SelfCheckResult Run(PayModeSettings settings) => settings is OgoneSettings own
        ? OgoneSelfCheck.Run(own, _shop?.Current.TestMode ?? false)
        : SelfChecks.WrongSettings(settings);

    protected override Availability IsOffered(OfferContext context, OgoneSettings settings) =>
        ProviderLinks.Unconfigured(settings.PaymentUrl, context, Name) ?? base.IsOffered(context, settings);

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet("/send/{reference}", SendAsync);
        // Ogone's post-sale request is a POST or a GET, as configured in its back office.
        group.MapMethods("/notify", ["GET", "POST"], (HttpContext http, NotificationPipeline pipeline, OgoneNotificationProtocol protocol) =>
            pipeline.HandleAsync(http, protocol));
        group.MapVerifiedReturns(Code, async (form, services, ct) =>
        {
            var settings = await services.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<OgoneSettings>(Code, ct);
            return ReturnCheck.From(OgoneNotificationProtocol.Verify(form, settings), n => n.OrderId);
        });
    }

    private async Task<IResult> SendAsync(string reference, HttpContext http, PaymentHandover handover,
        IPayModeSettingsStore store, IShopSettings shop, TimeProvider clock)
    {
        var (started, refusal) = await handover.BeginAsync(http, this, reference);
        if (started is null)
            return refusal!;
        var settings = await store.GetSettingsAsync<OgoneSettings>(Code, http.RequestAborted);
        var bill = started.Bill;
        var request = new ProviderPaymentRequest(bill.Total, bill.Currency, started.Attempt.ProviderReference, bill.Reference,
            new Buyer(bill.CustomerEmail, bill.CustomerFirstName, bill.CustomerLastName),
            ProviderLinks.For(http.Request, shop, Code, bill.Reference),
            shop.Current.TestMode ? PaymentEnvironment.Test : PaymentEnvironment.Production,
            clock.GetUtcNow());
        var url = ProviderLinks.PaymentUrl(settings.PaymentUrl, http.Request, shop, Code)!;
        return PayModePages.AutoPost("Ogone", url, OgoneRequestBuilder.Build(settings.Account(), request));
    }
}
