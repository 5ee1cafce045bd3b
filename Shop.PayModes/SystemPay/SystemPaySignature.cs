using System.Security.Cryptography;
using System.Text;
using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>
/// Lyra form signature: the values of every <c>vads_*</c> field (empty ones included), sorted by
/// name (ordinal), joined by <c>+</c>, then <c>+key</c>. HMAC-SHA-256 gives Base64, SHA-1 lowercase hex.
/// </summary>
public static class SystemPaySignature
{
    public const string FieldPrefix = "vads_";
    public const string SignatureField = "signature";

    /// <exception cref="ArgumentException">A <c>vads_</c> field appears more than once.</exception>
    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> fields, string key)
    {
        var signed = fields.Where(f => f.Key.StartsWith(FieldPrefix, StringComparison.Ordinal)).ToList();
        if (FormFields.HasDuplicateNames(signed, StringComparer.Ordinal))
            throw new ArgumentException("A vads_ field appears more than once.", nameof(fields));
        var values = signed.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value);
        return string.Join('+', values.Append(key));
    }

    public static string Compute(IEnumerable<KeyValuePair<string, string>> fields, string key, SystemPayAlgorithm algorithm)
    {
        var message = Encoding.UTF8.GetBytes(StringToSign(fields, key));
        return algorithm switch
        {
            SystemPayAlgorithm.HmacSha256 => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), message)),
            SystemPayAlgorithm.Sha1 => Convert.ToHexStringLower(SHA1.HashData(message)),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
    }

    /// <summary>Constant-time check: Base64 compared exactly, hex case-insensitively.</summary>
    public static bool Matches(string computed, string received, SystemPayAlgorithm algorithm) =>
        algorithm == SystemPayAlgorithm.Sha1
            ? SignatureCompare.HexEquals(computed, received)
            : SignatureCompare.ExactEquals(computed, received);
}
