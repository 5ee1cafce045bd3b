using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.Mercanet;

/// <summary>
/// The Sips 2.0 seal over <c>Data</c> exactly as posted (the Base64 text when <c>Encode=base64</c>):
/// HMAC-SHA-256 keyed by the secret, or legacy SHA-256 over Data followed by the secret; lowercase hex.
/// </summary>
public static class MercanetSeal
{
    /// <summary>The text that is hashed (HMAC: Data alone, the key being the HMAC key).</summary>
    public static string StringToSign(string data, string secretKey, MercanetSealAlgorithm algorithm) =>
        algorithm == MercanetSealAlgorithm.Sha256 ? data + secretKey : data;

    public static string Compute(string data, string secretKey, MercanetSealAlgorithm algorithm)
    {
        var message = Encoding.UTF8.GetBytes(StringToSign(data, secretKey, algorithm));
        var hash = algorithm switch
        {
            MercanetSealAlgorithm.HmacSha256 => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), message),
            MercanetSealAlgorithm.Sha256 => SHA256.HashData(message),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
        };
        return Convert.ToHexStringLower(hash);
    }
}
