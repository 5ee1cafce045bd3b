using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;

namespace Shop.Web.Admin;

/// <summary>
/// Makes raw provider data safe to show: values of fields whose name speaks of a key, secret, password,
/// signature (SIG, SEAL), card or token are replaced, and card-number-like digit runs keep only their last four digits.
/// </summary>
public static partial class NotificationRedactor
{
    public const string Hidden = "[redacted]";

    private static readonly string[] SensitiveNameParts = ["KEY", "SECRET", "PASS", "SIG", "SEAL", "CARD", "CVC", "CVV", "TOKEN"];

    public static bool IsSensitiveName(string name) =>
        SensitiveNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs of 13 to 19 digits (optionally grouped by spaces or dashes), as card numbers are written.</summary>
    [GeneratedRegex(@"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")]
    private static partial Regex DigitRun();

    public static string MaskDigits(string text) => DigitRun().Replace(text, m =>
    {
        var digits = new string([.. m.Value.Where(char.IsAsciiDigit)]);
        return new string('•', digits.Length - 4) + digits[^4..];
    });

    public static string Redact(string? body, string? contentType = null)
    {
        if (string.IsNullOrEmpty(body))
            return "";
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('[') || (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
            return RedactJson(body) ?? MaskDigits(body);
        if (body.Contains('=') && !body.Contains('\n'))
            return RedactForm(body);
        return MaskDigits(body);
    }

    /// <summary>A form body, pair by pair, kept readable (decoded) for the admin.</summary>
    private static string RedactForm(string body) => string.Join('&', body.Split('&').Select(pair =>
    {
        var eq = pair.IndexOf('=');
        if (eq < 0)
            return MaskDigits(Decode(pair));
        var name = Decode(pair[..eq]);
        return IsSensitiveName(name) ? $"{name}={Hidden}" : $"{name}={MaskDigits(Decode(pair[(eq + 1)..]))}";
    }));

    private static string Decode(string text)
    {
        try { return HttpUtility.UrlDecode(text); }
        catch (ArgumentException) { return text; }
    }

    private static string? RedactJson(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            // Relaxed escaping: the text is shown through Razor, which encodes it for HTML.
            return node is null ? "null" : Walk(node)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                    obj[name] = IsSensitiveName(name) && child is not JsonObject and not JsonArray
                        ? JsonValue.Create(Hidden)
                        : child is null ? null : Walk(child.DeepClone());
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } item)
                        array[i] = Walk(item.DeepClone());
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(MaskDigits(text));
            default:
                return node;
        }
    }
}
