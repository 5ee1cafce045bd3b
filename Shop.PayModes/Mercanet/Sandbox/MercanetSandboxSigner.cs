using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.Mercanet.Sandbox;

/// <summary>
/// The sandbox's own Sips seal, written from docs/providers/mercanet.md independently of <see cref="MercanetSeal"/>
/// so that the sandbox and the pay mode cannot agree on a shared mistake.
/// </summary>
public static class MercanetSandboxSigner
{
    /// <param name="postedData">Data exactly as posted (Base64 text when Encode=base64).</param>
    /// <param name="hmac">true for HMAC-SHA-256, false for legacy SHA-256(Data + secret).</param>
    public static string Seal(string postedData, string secretKey, bool hmac)
    {
        byte[] digest;
        if (hmac)
        {
            using var mac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
            digest = mac.ComputeHash(Encoding.UTF8.GetBytes(postedData));
        }
        else
        {
            digest = SHA256.HashData(Encoding.UTF8.GetBytes(postedData + secretKey));
        }
        var hex = new StringBuilder(digest.Length * 2);
        foreach (var b in digest)
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    /// <summary>Renders response Data the way Sips does: <c>key=value</c> joined by <c>|</c>.</summary>
    public static string Data(IEnumerable<(string Name, string Value)> pairs) =>
        string.Join("|", pairs.Select(p => p.Name + "=" + p.Value));
}
