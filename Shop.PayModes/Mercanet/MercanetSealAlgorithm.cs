using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>How the Data seal is computed. <see cref="Sha256"/> is the legacy mode (no SealAlgorithm field).</summary>
public enum MercanetSealAlgorithm { HmacSha256, Sha256 }

/// <summary>Setting strings of <see cref="MercanetSealAlgorithm"/>: <c>HMAC-SHA-256</c>, <c>SHA-256</c>.</summary>
public static class MercanetSealAlgorithmNames
{
    public const string HmacSha256 = "HMAC-SHA-256";
    public const string Sha256 = "SHA-256";

    private static readonly SettingNames<MercanetSealAlgorithm> Names = new("Mercanet seal algorithm", (MercanetSealAlgorithm.HmacSha256, HmacSha256), (MercanetSealAlgorithm.Sha256, Sha256));

    public static IReadOnlyList<string> All => Names.All;

    public static string Format(MercanetSealAlgorithm algorithm) => Names.Format(algorithm);

    public static bool TryParse(string? text, out MercanetSealAlgorithm algorithm) => Names.TryParse(text, out algorithm);

    /// <exception cref="FormatException">Not one of <see cref="All"/>.</exception>
    public static MercanetSealAlgorithm Parse(string text) => Names.Parse(text);
}
