using System.Security.Cryptography;
using System.Text;
using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>
/// SHA-IN / SHA-OUT: parameters of the direction's list (names upper-cased, empty values dropped),
/// sorted by name (ordinal), each rendered <c>NAME=value</c> followed by the passphrase; uppercase hex.
/// </summary>
public static class OgoneSignature
{
    public const string SignatureParameter = "SHASIGN";

    /// <exception cref="ArgumentException">A signed name appears twice (in any letter case).</exception>
    public static string StringToSign(
        IEnumerable<KeyValuePair<string, string>> parameters, string passphrase, OgoneDirection direction)
    {
        var signedNames = OgoneShaParameters.For(direction);
        var signed = parameters
            .Select(p => new KeyValuePair<string, string>(p.Key.ToUpperInvariant(), p.Value))
            .Where(p => p.Value.Length > 0 && signedNames.Contains(p.Key))
            .ToList();
        if (FormFields.HasDuplicateNames(signed, StringComparer.Ordinal))
            throw new ArgumentException("A signed Ogone parameter appears more than once.", nameof(parameters));
        return string.Concat(signed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}{passphrase}"));
    }

    public static string Compute(
        IEnumerable<KeyValuePair<string, string>> parameters, string passphrase, OgoneDirection direction, OgoneHashAlgorithm algorithm)
    {
        var message = Encoding.UTF8.GetBytes(StringToSign(parameters, passphrase, direction));
        var hash = algorithm switch
        {
            OgoneHashAlgorithm.Sha1 => SHA1.HashData(message),
            OgoneHashAlgorithm.Sha256 => SHA256.HashData(message),
            OgoneHashAlgorithm.Sha512 => SHA512.HashData(message),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return Convert.ToHexString(hash);
    }
}
