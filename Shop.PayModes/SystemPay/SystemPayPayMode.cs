using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.SystemPay.Sandbox;

namespace Shop.PayModes.SystemPay;

/// <summary>Lyra's payment form (<c>vads_*</c> + signature): Systempay, Sogecommerce, PayZen (PAYMODES.md §4.2).</summary>
public sealed class SystemPayPayMode : PayMode<SystemPaySettings, SystemPaySelector, SystemPaySettingsForm>, IPayMode, IPayModeSelfCheck
{
    public const string ModeCode = "systempay";

    private readonly IShopSettings? _shop;

    /// <summary>Built by hand (tests, reflection): the self-check then treats the shop as not in test mode.</summary>
    public SystemPayPayMode()
    {
    }

    /// <param name="shop">Read only by the self-check: an empty payment URL is fine while the shop is in test mode.</param>
    public SystemPayPayMode(IShopSettings shop) => _shop = shop;

    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<SystemPayNotificationProtocol>();
        services.AddProviderSandbox<SystemPaySandbox>();
    }

    public override string Code => ModeCode;

    public override string Name => "Card (Systempay)";

    public override string Description => "Pay by card on the bank's secure Systempay page.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public SelfCheckResult Run(PayModeSettings settings) => settings is SystemPaySettings own
        ? SystemPaySelfCheck.Run(own, _shop?.Current.TestMode ?? false)
        : SelfChecks.WrongSettings(settings);

    protected override Availability IsOffered(OfferContext context, SystemPaySettings settings) =>
        ProviderLinks.Unconfigured(settings.PaymentUrl, context, Name) ?? base.IsOffered(context, settings);

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet("/send/{reference}", SendAsync);
        group.MapPost("/notify", (HttpContext http, NotificationPipeline pipeline, SystemPayNotificationProtocol protocol) =>
            pipeline.HandleAsync(http, protocol));
        group.MapVerifiedReturns(Code, async (form, services, ct) =>
        {
            var settings = await services.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<SystemPaySettings>(Code, ct);
            return ReturnCheck.From(SystemPayResponse.Verify(form, settings.Account()), SystemPayNotificationProtocol.ProviderReference);
        });
    }

    private async Task<IResult> SendAsync(string reference, HttpContext http, PaymentHandover handover,
        IBillGateway bills, IPayModeSettingsStore store, IShopSettings shop, TimeProvider clock)
    {
        // vads_trans_id: 6 characters unique per shop and UTC day, drawn from a per-day counter.
        var now = clock.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var transId = SystemPayTransId.Format(await bills.NextSequenceAsync($"systempay:{day}", http.RequestAborted));
        var (started, refusal) = await handover.BeginAsync(http, this, reference,
            SystemPayNotificationProtocol.ProviderReference(now.UtcDateTime, transId));
        if (started is null)
            return refusal!;
        var settings = await store.GetSettingsAsync<SystemPaySettings>(Code, http.RequestAborted);
        var bill = started.Bill;
        var request = new ProviderPaymentRequest(bill.Total, bill.Currency, started.Attempt.Reference, bill.Reference,
            new Buyer(bill.CustomerEmail, bill.CustomerFirstName, bill.CustomerLastName),
            ProviderLinks.For(http.Request, shop, Code, bill.Reference), settings.Environment, now);
        var url = ProviderLinks.PaymentUrl(settings.PaymentUrl, http.Request, shop, Code)!;
        return PayModePages.AutoPost("Systempay", url, SystemPayRequestBuilder.Build(settings.Account(), request, transId));
    }
}
