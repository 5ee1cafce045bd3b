using Shop.PayModes.Core;
using Shop.PayModes.Mercanet.Sandbox;

namespace Shop.PayModes.Mercanet;

/// <summary>BNP Paribas Mercanet, i.e. Worldline Sips 2.0 Paypage POST (docs/providers/mercanet.md).</summary>
public sealed class MercanetPayMode
    : SignedFormPayMode<MercanetSettings, MercanetSelector, MercanetSettingsForm, MercanetNotificationProtocol>, IPayModeRegistration
{
    public const string ModeCode = "mercanet";

    public static void Register(PayModeBuilder mode) =>
        mode.NotificationProtocol<MercanetNotificationProtocol>().SignatureLab<MercanetSignatureLab>().Sandbox<MercanetSandbox>();

    public override string Code => ModeCode;

    public override string Name => "Card (Mercanet)";

    public override string Description => "Pay by card on BNP Paribas's secure Mercanet page.";

    protected override SelfCheckResult SelfCheck(MercanetSettings settings, bool shopInTestMode) => MercanetSelfCheck.Run(settings, shopInTestMode);

    protected override string ProviderName => "Mercanet";

    protected override string? PaymentUrl(MercanetSettings settings) => settings.PaymentUrl;

    protected override ReturnCheck VerifyReturn(IReadOnlyList<KeyValuePair<string, string>> form, MercanetSettings settings) =>
        ReturnCheck.From(MercanetNotificationProtocol.Verify(form, settings), n => n.TransactionReference);

    protected override IReadOnlyList<KeyValuePair<string, string>> BuildRequest(MercanetSettings settings, ProviderPaymentRequest request, PreparedAttempt prepared) =>
        MercanetRequestBuilder.Build(settings.Account(), request);
}
