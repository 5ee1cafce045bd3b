using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>The SHA-IN / SHA-OUT hash configured in the Ogone back office.</summary>
public enum OgoneHashAlgorithm { Sha1, Sha256, Sha512 }

/// <summary>Setting strings of <see cref="OgoneHashAlgorithm"/>: <c>SHA-1</c>, <c>SHA-256</c>, <c>SHA-512</c>.</summary>
public static class OgoneHashAlgorithmNames
{
    public const string Sha1 = "SHA-1";
    public const string Sha256 = "SHA-256";
    public const string Sha512 = "SHA-512";

    private static readonly SettingNames<OgoneHashAlgorithm> Names = new("Ogone hash algorithm", (OgoneHashAlgorithm.Sha1, Sha1), (OgoneHashAlgorithm.Sha256, Sha256), (OgoneHashAlgorithm.Sha512, Sha512));

    public static IReadOnlyList<string> All => Names.All;

    public static string Format(OgoneHashAlgorithm algorithm) => Names.Format(algorithm);

    public static bool TryParse(string? text, out OgoneHashAlgorithm algorithm) => Names.TryParse(text, out algorithm);

    /// <exception cref="FormatException">Not one of <see cref="All"/>.</exception>
    public static OgoneHashAlgorithm Parse(string text) => Names.Parse(text);
}
