using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.PayModes.Core;

/// <summary>
/// A provider reached by an auto-posted, signed form, that answers with signed browser returns and signed
/// server-to-server notifications (the banks' hosted payment pages). The hand-over, the verified returns, the
/// notify endpoint and the "payment URL or sandbox" rule are the same for all of them; each provider gives
/// its request builder, its return verification and its notification protocol. Every signature is made and
/// checked with <see cref="EffectiveSettings"/>: sandbox credentials in the sandbox world, configured keys otherwise.
/// </summary>
public abstract class SignedFormPayMode<TSettings, TSelector, TSettingsForm, TProtocol> : PayMode<TSettings, TSelector, TSettingsForm>, IPayModeSelfCheck
    where TSettings : PayModeSettings, IProviderSettings, new()
    where TSelector : Components.PayModeSelector<TSettings>
    where TSettingsForm : Components.PayModeSettingsForm<TSettings>
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

    /// <summary>Allocates the provider's ids for a new attempt; the hand-over calls it only for a bill that may pay now.
    /// Throws <see cref="ProviderIdsExhaustedException"/> when the provider's id space is used up.</summary>
    protected virtual Task<PreparedAttempt> PrepareAsync(IBillGateway bills, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult(PreparedAttempt.None);

    /// <summary>Test or production at the provider: by default the shop's test mode decides.</summary>
    protected virtual PaymentEnvironment EnvironmentOf(TSettings settings, ShopSettings shop) =>
        shop.TestMode ? PaymentEnvironment.Test : PaymentEnvironment.Production;

    /// <summary>Signs the provider's published vectors with the mode's own code and checks its settings.</summary>
    protected abstract SelfCheckResult SelfCheck(TSettings settings, bool shopInTestMode);

    public SelfCheckResult Run(PayModeSettings settings, ShopSettings shop) =>
        settings is TSettings own ? SelfChecks.WithWorld(SelfCheck(own, shop.TestMode), own, shop) : SelfChecks.WrongSettings(settings);

    protected override Availability IsOffered(OfferContext context, TSettings settings) =>
        ProviderLinks.Unconfigured(PaymentUrl(settings), context, Name) ?? base.IsOffered(context, settings);

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet(PayModeRoutes.Send, SendAsync);
        group.MapNotify(this, NotifyMethods);
        group.MapVerifiedReturns(Code, async (form, services, ct) =>
            VerifyReturn(form, (await services.GetRequiredService<EffectiveSettings>().GetAsync<TSettings>(Code, ct)).Settings));
    }

    public override INotificationProtocol NotificationProtocol(RawNotification raw, IServiceProvider services) =>
        services.GetRequiredService<TProtocol>();

    private async Task<Results<AutoPostPage, ContentHttpResult, HandoverRefusal>> SendAsync(string reference, HttpContext http, PaymentHandover handover,
        IBillGateway bills, EffectiveSettings effective, IShopSettings shop, ShopAddress address, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var (started, refusal) = await handover.BeginAsync(http, this, reference, ct => PrepareAsync(bills, now, ct));
        if (started is null)
            return refusal!;
        var (settings, world) = await effective.GetAsync<TSettings>(Code, http.RequestAborted);
        var bill = started.Bill;
        var request = new ProviderPaymentRequest(bill.Total, bill.Currency, started.Attempt.Reference, bill.Reference,
            new Buyer(bill.CustomerEmail, bill.CustomerFirstName, bill.CustomerLastName),
            ProviderLinks.For(address, Code, bill.Reference),
            EnvironmentOf(settings, shop.Current), now);
        // Checked again on the settings that sign: they may have changed since the hand-over's availability check.
        if (world.TestModeRefusal is not null || ProviderLinks.PaymentUrl(world, PaymentUrl(settings), address, Code) is not { } url)
            return PayModePages.Message(StatusCodes.Status400BadRequest, "Payment method not available",
                world.TestModeRefusal ?? $"{Name} has no payment page URL.", PaymentHandover.StatusPath(bill.Reference), "Back to your order");
        return PayModePages.AutoPost(ProviderName, url, BuildRequest(settings, request, started.Prepared));
    }
}
