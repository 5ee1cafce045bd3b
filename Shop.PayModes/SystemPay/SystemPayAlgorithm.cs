using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>Signature mode of the shop: HMAC-SHA-256 (default) or the legacy SHA-1.</summary>
public enum SystemPayAlgorithm { HmacSha256, Sha1 }

/// <summary>Setting strings of <see cref="SystemPayAlgorithm"/>: <c>HMAC-SHA-256</c>, <c>SHA-1</c>.</summary>
public static class SystemPayAlgorithmNames
{
    public const string HmacSha256 = "HMAC-SHA-256";
    public const string Sha1 = "SHA-1";

    private static readonly SettingNames<SystemPayAlgorithm> Names = new("SystemPay algorithm", (SystemPayAlgorithm.HmacSha256, HmacSha256), (SystemPayAlgorithm.Sha1, Sha1));

    public static IReadOnlyList<string> All => Names.All;

    public static string Format(SystemPayAlgorithm algorithm) => Names.Format(algorithm);

    public static bool TryParse(string? text, out SystemPayAlgorithm algorithm) => Names.TryParse(text, out algorithm);

    /// <exception cref="FormatException">Not one of <see cref="All"/>.</exception>
    public static SystemPayAlgorithm Parse(string text) => Names.Parse(text);
}
