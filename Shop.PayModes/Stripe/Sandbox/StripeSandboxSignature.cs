using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>
/// How Stripe signs a webhook: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(endpoint secret,
/// "&lt;t&gt;.&lt;raw body&gt;")&gt;</c>, the secret's UTF-8 bytes as the key. Written for the sandbox alone.
/// </summary>
internal static class StripeSandboxSignature
{
    public static string Header(string secret, long timestamp, string payload)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
