using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>Signs the published vectors with <see cref="MercanetSeal"/> and checks the account settings.</summary>
public static class MercanetSelfCheck
{
    public static SelfCheckResult Run(MercanetSettings settings, bool shopTestMode) => SelfCheckResult.From(
    [
        SelfChecks.Vector("HMAC-SHA-256 vector (§4.1)",
            () => MercanetSeal.Compute(MercanetPublishedVectors.HmacMessage, MercanetPublishedVectors.HmacKey, MercanetSealAlgorithm.HmacSha256),
            MercanetPublishedVectors.HmacSeal, SignatureCompare.HexEquals),
        SelfChecks.Vector("Legacy SHA-256 vector (§4.1)",
            () => MercanetSeal.Compute(MercanetPublishedVectors.LegacyData, MercanetPublishedVectors.LegacyKey, MercanetSealAlgorithm.Sha256),
            MercanetPublishedVectors.LegacySeal, SignatureCompare.HexEquals),
        SelfChecks.Present("Merchant id", settings.MerchantId),
        SelfChecks.Secret("Secret key", settings.SecretKey),
        SelfChecks.Present("Key version", settings.KeyVersion),
        SelfChecks.Known("Seal algorithm", settings.SealAlgorithm, MercanetSealAlgorithmNames.All),
        Encoding(settings.Encode),
        SelfChecks.PaymentUrl(settings.PaymentUrl, shopTestMode),
    ]);

    private static SelfCheckLine Encoding(string? encode) => encode switch
    {
        null or "" => new("Data encoding", true, "none: Data is posted as plain text"),
        MercanetData.Base64Encoding => new("Data encoding", true, "base64: Data is posted Base64-encoded and sealed as posted"),
        _ => new("Data encoding", false, $"'{encode}' is neither empty nor {MercanetData.Base64Encoding}"),
    };
}
