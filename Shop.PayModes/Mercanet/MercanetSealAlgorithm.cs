namespace Shop.PayModes.Mercanet;

/// <summary>How the Data seal is computed. <see cref="Sha256"/> is the legacy mode (no SealAlgorithm field).</summary>
public enum MercanetSealAlgorithm { HmacSha256, Sha256 }

/// <summary>Setting strings of <see cref="MercanetSealAlgorithm"/>: <c>HMAC-SHA-256</c>, <c>SHA-256</c>.</summary>
public static class MercanetSealAlgorithmNames
{
    public const string HmacSha256 = "HMAC-SHA-256";
    public const string Sha256 = "SHA-256";

    public static IReadOnlyList<string> All { get; } = [HmacSha256, Sha256];

    public static string Format(MercanetSealAlgorithm algorithm) => algorithm switch
    {
        MercanetSealAlgorithm.HmacSha256 => HmacSha256,
        MercanetSealAlgorithm.Sha256 => Sha256,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static bool TryParse(string? text, out MercanetSealAlgorithm algorithm)
    {
        algorithm = MercanetSealAlgorithm.HmacSha256;
        switch (text?.Trim().ToUpperInvariant())
        {
            case HmacSha256: return true;
            case Sha256: algorithm = MercanetSealAlgorithm.Sha256; return true;
            default: return false;
        }
    }

    /// <exception cref="FormatException">Not one of <see cref="All"/>.</exception>
    public static MercanetSealAlgorithm Parse(string text) =>
        TryParse(text, out var algorithm) ? algorithm : throw new FormatException($"Unknown Mercanet seal algorithm '{text}'.");
}
