using Shop.PayModes.Core;
using Shop.PayModes.Ogone.Sandbox;

namespace Shop.PayModes.Ogone;

/// <summary>Ingenico / Worldline e-Commerce hosted page with SHA-IN / SHA-OUT (docs/providers/ogone.md).</summary>
public sealed class OgonePayMode
    : SignedFormPayMode<OgoneSettings, OgoneSelector, OgoneSettingsForm, OgoneNotificationProtocol>, IPayModeRegistration
{
    public const string ModeCode = "ogone";

    public static void Register(PayModeBuilder mode) =>
        mode.NotificationProtocol<OgoneNotificationProtocol>().SignatureLab<OgoneSignatureLab>().Sandbox<OgoneSandbox>();

    public override string Code => ModeCode;

    public override string Name => "Card (Ogone)";

    public override string Description => "Pay by card on Worldline's secure Ogone page.";

    protected override SelfCheckResult SelfCheck(OgoneSettings settings, bool shopInTestMode) => OgoneSelfCheck.Run(settings, shopInTestMode);

    protected override string ProviderName => "Ogone";

    /// <summary>Ogone's post-sale request is a POST or a GET, as configured in its back office.</summary>
    protected override string[] NotifyMethods => ["GET", "POST"];

    protected override string? PaymentUrl(OgoneSettings settings) => settings.PaymentUrl;

    protected override ReturnCheck VerifyReturn(IReadOnlyList<KeyValuePair<string, string>> form, OgoneSettings settings) =>
        ReturnCheck.From(OgoneNotificationProtocol.Verify(form, settings), n => n.OrderId);

    protected override IReadOnlyList<KeyValuePair<string, string>> BuildRequest(OgoneSettings settings, ProviderPaymentRequest request, PreparedAttempt prepared) =>
        OgoneRequestBuilder.Build(settings.Account(), request);
}
