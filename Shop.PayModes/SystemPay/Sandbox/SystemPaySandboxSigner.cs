using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.SystemPay.Sandbox;

/// <summary>
/// The sandbox's own Lyra signature, written from docs/providers/systempay.md independently of
/// <see cref="SystemPaySignature"/> so that the sandbox and the pay mode cannot share a mistake.
/// </summary>
public static class SystemPaySandboxSigner
{
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string key, bool hmac)
    {
        var text = SignedText(fields, key);
        if (hmac)
        {
            using var mac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
            return Convert.ToBase64String(mac.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }
        var sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(text));
        return string.Concat(sha1.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static string SignedText(IEnumerable<KeyValuePair<string, string>> fields, string key)
    {
        var sorted = new SortedList<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
            if (name.StartsWith("vads_", StringComparison.Ordinal))
                sorted.Add(name, value);
        var text = new StringBuilder();
        foreach (var value in sorted.Values)
            text.Append(value).Append('+');
        return text.Append(key).ToString();
    }
}
