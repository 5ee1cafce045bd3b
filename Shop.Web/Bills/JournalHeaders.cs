using System.Text.Json;

namespace Shop.Web.Bills;

/// <summary>
/// The request headers a journal row keeps: enough to judge the notification again (a webhook's signature may travel in
/// headers), never a cookie or a credential, and bounded in size.
/// </summary>
public static class JournalHeaders
{
    /// <summary>All headers kept, as JSON. Real ones take 1–2 KB even behind a proxy; what does not fit is left out.</summary>
    public const int MaxChars = 8 * 1024;

    /// <summary>Kestrel reads no request line longer than 8 KB anyway.</summary>
    public const int MaxQueryChars = 8 * 1024;

    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cookie", "Authorization", "Proxy-Authorization", "Set-Cookie",
    };

    private static readonly string[] CredentialNameParts = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "API-KEY", "APIKEY", "SESSION"];

    // Stored, then shown through Razor (which encodes for HTML): only JSON's own escaping is needed.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsCredential(string name) =>
        Credentials.Contains(name) || CredentialNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    public static string? Serialize(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null || headers.Count == 0)
            return null;
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var size = 2;
        foreach (var (name, value) in headers)
        {
            var cost = name.Length + value.Length + 6;
            if (IsCredential(name) || size + cost > MaxChars)
                continue;
            kept[name] = value;
            size += cost;
        }
        return kept.Count == 0 ? null : JsonSerializer.Serialize(kept, Json);
    }

    public static IReadOnlyDictionary<string, string> Deserialize(string? json)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(json))
            return headers;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            headers[name] = value;
        return headers;
    }
}
