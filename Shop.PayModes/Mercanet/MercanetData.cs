using System.Text;

namespace Shop.PayModes.Mercanet;

/// <summary>The <c>Data</c> field: <c>key=value</c> pairs joined by <c>|</c>, optionally Base64-encoded.</summary>
public static class MercanetData
{
    public const string Base64Encoding = "base64";

    /// <summary>Between the pairs of Data; no value may contain it.</summary>
    public const char Separator = '|';

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <exception cref="ArgumentException">A value contains <c>|</c>, which Sips cannot carry.</exception>
    public static string Join(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('|', pairs.Select(pair => pair.Value.Contains('|') || pair.Key.Contains('|') || pair.Key.Contains('=')
            ? throw new ArgumentException($"Mercanet field '{pair.Key}' contains '|' (or '=' in its name).", nameof(pairs))
            : $"{pair.Key}={pair.Value}"));

    /// <summary>Splits on <c>|</c> then on the first <c>=</c>; the value <c>null</c> means absent.</summary>
    /// <exception cref="FormatException">A pair has no <c>=</c> or a name repeats.</exception>
    public static IReadOnlyDictionary<string, string> Split(string data)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in data.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
                throw new FormatException("Data pair without a name.");
            var name = pair[..equals];
            if (!seen.Add(name))
                throw new FormatException($"Data field '{name}' repeats.");
            var value = pair[(equals + 1)..];
            if (value != "null")
                fields[name] = value;
        }
        return fields;
    }

    public static string EncodeBase64(string data) => Convert.ToBase64String(Encoding.UTF8.GetBytes(data));

    /// <exception cref="FormatException">Not Base64 or not UTF-8.</exception>
    public static string DecodeBase64(string posted)
    {
        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(posted));
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("Base64 Data is not UTF-8.", e);
        }
    }
}
