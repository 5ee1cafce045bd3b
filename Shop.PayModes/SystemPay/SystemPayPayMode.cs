using System.Globalization;
using Shop.PayModes.Core;
using Shop.PayModes.SystemPay.Sandbox;

namespace Shop.PayModes.SystemPay;

/// <summary>Lyra's payment form (<c>vads_*</c> + signature): Systempay, Sogecommerce, PayZen (docs/providers/systempay.md).</summary>
public sealed class SystemPayPayMode
    : SignedFormPayMode<SystemPaySettings, SystemPaySelector, SystemPaySettingsForm, SystemPayNotificationProtocol>, IPayModeRegistration
{
    public const string ModeCode = "systempay";

    public static void Register(PayModeBuilder mode) =>
        mode.NotificationProtocol<SystemPayNotificationProtocol>().SignatureLab<SystemPaySignatureLab>().Sandbox<SystemPaySandbox>();

    public override string Code => ModeCode;

    public override string Name => "Card (Systempay)";

    public override string Description => "Pay by card on the bank's secure Systempay page.";

    protected override SelfCheckResult SelfCheck(SystemPaySettings settings, bool shopInTestMode) => SystemPaySelfCheck.Run(settings, shopInTestMode);

    protected override string ProviderName => "Systempay";

    protected override string? PaymentUrl(SystemPaySettings settings) => settings.PaymentUrl;

    /// <summary>The shop's own TEST/PRODUCTION switch decides which key signs, not the shop's test mode.</summary>
    protected override PaymentEnvironment EnvironmentOf(SystemPaySettings settings, ShopSettings shop) => settings.Environment;

    /// <summary>vads_trans_id: 6 characters unique per shop and UTC day, drawn from a per-day counter; past the last one
    /// of the day, no SystemPay hand-over until the next UTC day.</summary>
    protected override async Task<PreparedAttempt> PrepareAsync(IBillGateway bills, DateTimeOffset now, CancellationToken ct)
    {
        var day = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var sequence = await bills.NextSequenceAsync($"systempay:{day}", ct);
        if (sequence > SystemPayTransId.MaxSequence)
            throw new ProviderIdsExhaustedException(Code, new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero));
        var transId = SystemPayTransId.Format(sequence);
        return new PreparedAttempt(SystemPayNotificationProtocol.ProviderReference(now.UtcDateTime, transId), transId);
    }

    protected override ReturnCheck VerifyReturn(IReadOnlyList<KeyValuePair<string, string>> form, SystemPaySettings settings) =>
        ReturnCheck.From(SystemPayResponse.Verify(form, settings.Account()), SystemPayNotificationProtocol.ProviderReference);

    protected override IReadOnlyList<KeyValuePair<string, string>> BuildRequest(SystemPaySettings settings, ProviderPaymentRequest request, PreparedAttempt prepared) =>
        SystemPayRequestBuilder.Build(settings.Account(), request, prepared.RequestId!);
}
