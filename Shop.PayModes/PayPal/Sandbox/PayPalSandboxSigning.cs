using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>
/// The sandbox's webhook signature, written independently of the pay mode (which never signs, it only asks):
/// Base64(HMAC-SHA-256(sandbox key, "transmission id|transmission time|webhook id|CRC32 of the body")),
/// PayPal's own string-to-sign with an HMAC standing in for its RSA certificate.
/// </summary>
public static class PayPalSandboxSigning
{
    public const string AuthAlgo = "SANDBOX-HMAC-SHA256";

    public static string StringToSign(string transmissionId, string transmissionTime, string webhookId, ReadOnlySpan<byte> body) =>
        $"{transmissionId}|{transmissionTime}|{webhookId}|{Crc32(body)}";

    public static string Sign(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    public static bool Verify(byte[] key, string stringToSign, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, stringToSign)), Encoding.ASCII.GetBytes(signature));

    /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as PayPal prints it: unsigned decimal.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
