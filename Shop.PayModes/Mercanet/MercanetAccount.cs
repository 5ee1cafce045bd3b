namespace Shop.PayModes.Mercanet;

/// <summary>The merchant credentials a Mercanet request is built and verified with.</summary>
public sealed record MercanetAccount(
    string MerchantId,
    string KeyVersion,
    string SecretKey,
    MercanetSealAlgorithm Algorithm = MercanetSealAlgorithm.HmacSha256,
    bool EncodeBase64 = false);
