using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>Signs the published vector with <see cref="SystemPaySignature"/> (both modes) and checks the shop settings.</summary>
public static class SystemPaySelfCheck
{
    public static SelfCheckResult Run(SystemPaySettings settings, bool shopTestMode)
    {
        var production = settings.CtxMode == SystemPayCtxMode.Production;
        return SelfCheckResult.From(
        [
            SelfChecks.Vector("HMAC-SHA-256 vector (§4.2)",
                () => SystemPaySignature.Compute(SystemPayPublishedVectors.Fields, SystemPayPublishedVectors.Key, SystemPayAlgorithm.HmacSha256),
                SystemPayPublishedVectors.HmacSignature, SignatureCompare.ExactEquals),
            SelfChecks.Vector("SHA-1 vector (§4.2)",
                () => SystemPaySignature.Compute(SystemPayPublishedVectors.Fields, SystemPayPublishedVectors.Key, SystemPayAlgorithm.Sha1),
                SystemPayPublishedVectors.Sha1Signature, SignatureCompare.HexEquals),
            SelfChecks.Present("Shop id", settings.SiteId),
            SelfChecks.Known("Mode", settings.CtxMode, [SystemPayCtxMode.Test, SystemPayCtxMode.Production]),
            production ? SelfChecks.Secret("Production key", settings.ProductionKey) : SelfChecks.Secret("Test key", settings.TestKey),
            SelfChecks.Known("Signature algorithm", settings.Algorithm, SystemPayAlgorithmNames.All),
            SelfChecks.PaymentUrl(settings.PaymentUrl, shopTestMode),
        ]);
    }
}
