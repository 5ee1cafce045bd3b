using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Mercanet.Sandbox;

namespace Shop.PayModes.Mercanet;

/// <summary>BNP Paribas Mercanet, i.e. Worldline Sips 2.0 Paypage POST (PAYMODES.md §4.1).</summary>
public sealed class MercanetPayMode : PayMode<MercanetSettings, MercanetSelector, MercanetSettingsForm>, IPayMode, IPayModeSelfCheck
{
    public const string ModeCode = "mercanet";

    private readonly IShopSettings? _shop;

    /// <summary>Built by hand (tests, reflection): the self-check then treats the shop as not in test mode.</summary>
    public MercanetPayMode()
    {
    }

    /// <param name="shop">Read only by the self-check: an empty payment URL is fine while the shop is in test mode.</param>
    public MercanetPayMode(IShopSettings shop) => _shop = shop;

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<MercanetNotificationProtocol>();
        services.AddProviderSandbox<MercanetSandbox>();
    }

    public override string Code => ModeCode;

    public override string Name => "Card (Mercanet)";

    public override string Description => "Pay by card on BNP Paribas's secure Mercanet page.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public SelfCheckResult Run(PayModeSettings settings) => settings is MercanetSettings own
        ? MercanetSelfCheck.Run(own, _shop?.Current.TestMode ?? false)
        : SelfChecks.WrongSettings(settings);

    protected override Availability IsOffered(OfferContext context, MercanetSettings settings) =>
        ProviderLinks.Unconfigured(settings.PaymentUrl, context, Name) ?? base.IsOffered(context, settings);

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet("/send/{reference}", SendAsync);
        group.MapPost("/notify", (HttpContext http, NotificationPipeline pipeline, MercanetNotificationProtocol protocol) =>
            pipeline.HandleAsync(http, protocol));
        group.MapVerifiedReturns(Code, async (form, services, ct) =>
        {
            var settings = await services.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<MercanetSettings>(Code, ct);
            return ReturnCheck.From(MercanetNotificationProtocol.Verify(form, settings), n => n.TransactionReference);
        });
    }

    private async Task<IResult> SendAsync(string reference, HttpContext http, PaymentHandover handover,
        IPayModeSettingsStore store, IShopSettings shop, TimeProvider clock)
    {
        var (started, refusal) = await handover.BeginAsync(http, this, reference);
        if (started is null)
            return refusal!;
        var settings = await store.GetSettingsAsync<MercanetSettings>(Code, http.RequestAborted);
        var bill = started.Bill;
        var request = new ProviderPaymentRequest(bill.Total, bill.Currency, started.Attempt.ProviderReference, bill.Reference,
            new Buyer(bill.CustomerEmail, bill.CustomerFirstName, bill.CustomerLastName),
            ProviderLinks.For(http.Request, shop, Code, bill.Reference),
            shop.Current.TestMode ? PaymentEnvironment.Test : PaymentEnvironment.Production,
            clock.GetUtcNow());
        var url = ProviderLinks.PaymentUrl(settings.PaymentUrl, http.Request, shop, Code)!;
        return PayModePages.AutoPost("Mercanet", url, MercanetRequestBuilder.Build(settings.Account(), request));
    }
}
