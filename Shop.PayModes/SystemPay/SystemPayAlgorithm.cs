namespace Shop.PayModes.SystemPay;

/// <summary>Signature mode of the shop: HMAC-SHA-256 (default) or the legacy SHA-1.</summary>
public enum SystemPayAlgorithm { HmacSha256, Sha1 }

/// <summary>Setting strings of <see cref="SystemPayAlgorithm"/>: <c>HMAC-SHA-256</c>, <c>SHA-1</c>.</summary>
public static class SystemPayAlgorithmNames
{
    public const string HmacSha256 = "HMAC-SHA-256";
    public const string Sha1 = "SHA-1";

    public static IReadOnlyList<string> All { get; } = [HmacSha256, Sha1];

    public static string Format(SystemPayAlgorithm algorithm) => algorithm switch
    {
        SystemPayAlgorithm.HmacSha256 => HmacSha256,
        SystemPayAlgorithm.Sha1 => Sha1,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static bool TryParse(string? text, out SystemPayAlgorithm algorithm)
    {
        algorithm = SystemPayAlgorithm.HmacSha256;
        switch (text?.Trim().ToUpperInvariant())
        {
            case HmacSha256: return true;
            case Sha1: algorithm = SystemPayAlgorithm.Sha1; return true;
            default: return false;
        }
    }

    /// <exception cref="FormatException">Not one of <see cref="All"/>.</exception>
    public static SystemPayAlgorithm Parse(string text) =>
        TryParse(text, out var algorithm) ? algorithm : throw new FormatException($"Unknown SystemPay algorithm '{text}'.");
}
