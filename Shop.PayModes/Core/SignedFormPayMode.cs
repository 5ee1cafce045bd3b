using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.PayModes.Core;

/// <summary>What a provider needs decided before the attempt opens: the id it will know the attempt by
/// (null: the attempt's own reference) and any value its request carries for it (SystemPay's trans id).</summary>
public sealed record PreparedAttempt(string? ProviderReference = null, string? RequestId = null);

/// <summary>
/// A provider reached by an auto-posted, signed form, that answers with signed browser returns and signed
/// server-to-server notifications (Mercanet, SystemPay, Ogone). The hand-over, the verified returns, the
/// notify endpoint and the "payment URL or sandbox" rule are the same for all of them; each provider gives
/// its request builder, its return verification and its notification protocol.
/// </summary>
public abstract class SignedFormPayMode<TSettings, TSelector, TSettingsForm, TProtocol> : PayMode<TSettings, TSelector, TSettingsForm>, IPayModeSelfCheck
    where TSettings : PayModeSettings, new()
    where TProtocol : INotificationProtocol
{
    public override PayModeKind Kind => PayModeKind.Redirect;

    /// <summary>The provider's name on the hand-over page.</summary>
    protected abstract string ProviderName { get; }

    /// <summary>The HTTP methods the provider notifies with.</summary>
    protected virtual string[] NotifyMethods => ["POST"];

    protected abstract string? PaymentUrl(TSettings settings);

    /// <summary>Checks a browser return's signature and names the attempt it is about.</summary>
    protected abstract ReturnCheck VerifyReturn(IReadOnlyList<KeyValuePair<string, string>> form, TSettings settings);

    protected abstract IReadOnlyList<KeyValuePair<string, string>> BuildRequest(TSettings settings, ProviderPaymentRequest request, PreparedAttempt prepared);

    protected virtual Task<PreparedAttempt> PrepareAsync(IBillGateway bills, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(new PreparedAttempt());

    /// <summary>Test or production at the provider: by default the shop's test mode decides.</summary>
    protected virtual PaymentEnvironment EnvironmentOf(TSettings settings, ShopSettings shop) =>
        shop.TestMode ? PaymentEnvironment.Test : PaymentEnvironment.Production;

    /// <summary>Signs the provider's published vectors with the mode's own code and checks its settings.</summary>
    protected abstract SelfCheckResult SelfCheck(TSettings settings, bool shopInTestMode);

    public SelfCheckResult Run(PayModeSettings settings, ShopSettings shop) =>
        settings is TSettings own ? SelfCheck(own, shop.TestMode) : SelfChecks.WrongSettings(settings);

    protected override Availability IsOffered(OfferContext context, TSettings settings) =>
        ProviderLinks.Unconfigured(PaymentUrl(settings), context, Name) ?? base.IsOffered(context, settings);

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet("/send/{reference}", SendAsync);
        group.MapMethods("/notify", NotifyMethods, (HttpContext http, NotificationPipeline pipeline, TProtocol protocol) =>
            pipeline.HandleAsync(http, protocol));
        group.MapVerifiedReturns(Code, async (form, services, ct) =>
            VerifyReturn(form, await services.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<TSettings>(Code, ct)));
    }

    private async Task<IResult> SendAsync(string reference, HttpContext http, PaymentHandover handover,
        IBillGateway bills, IPayModeSettingsStore store, IShopSettings shop, ShopAddress address, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var prepared = await PrepareAsync(bills, now, http.RequestAborted);
        var (started, refusal) = await handover.BeginAsync(http, this, reference, prepared.ProviderReference);
        if (started is null)
            return refusal!;
        var settings = await store.GetSettingsAsync<TSettings>(Code, http.RequestAborted);
        var bill = started.Bill;
        var request = new ProviderPaymentRequest(bill.Total, bill.Currency, started.Attempt.Reference, bill.Reference,
            new Buyer(bill.CustomerEmail, bill.CustomerFirstName, bill.CustomerLastName),
            ProviderLinks.For(address, Code, bill.Reference),
            EnvironmentOf(settings, shop.Current), now);
        var url = ProviderLinks.PaymentUrl(PaymentUrl(settings), address, shop, Code)!;
        return PayModePages.AutoPost(ProviderName, url, BuildRequest(settings, request, prepared));
    }
}
