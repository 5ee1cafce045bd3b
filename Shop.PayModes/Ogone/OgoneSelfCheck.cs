using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>Signs the published SHA-IN and SHA-OUT vectors with <see cref="OgoneSignature"/> and checks the PSPID settings.</summary>
public static class OgoneSelfCheck
{
    public static SelfCheckResult Run(OgoneSettings settings, bool shopTestMode) => SelfCheckResult.From(
    [
        SelfChecks.Vector("SHA-IN vector (§4.3)",
            () => OgoneSignature.Compute(OgonePublishedVectors.ShaInParameters, OgonePublishedVectors.Passphrase, OgoneDirection.In, OgoneHashAlgorithm.Sha1),
            OgonePublishedVectors.ShaInSha1, SignatureCompare.HexEquals),
        SelfChecks.Vector("SHA-OUT vector (§4.3)",
            () => OgoneSignature.Compute(OgonePublishedVectors.ShaOutParameters, OgonePublishedVectors.Passphrase, OgoneDirection.Out, OgoneHashAlgorithm.Sha1),
            OgonePublishedVectors.ShaOutSha1, SignatureCompare.HexEquals),
        SelfChecks.Present("PSPID", settings.PspId),
        SelfChecks.Secret("SHA-IN passphrase", settings.ShaInPassphrase),
        SelfChecks.Secret("SHA-OUT passphrase", settings.ShaOutPassphrase),
        SelfChecks.Known("Hash algorithm", settings.HashAlgorithm, OgoneHashAlgorithmNames.All),
        SelfChecks.PaymentUrl(settings.PaymentUrl, shopTestMode),
    ]);
}
