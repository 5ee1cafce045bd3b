using System.Globalization;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>
/// Stripe's form encoding of nested parameters, read back into a tree: <c>line_items[0][price_data][unit_amount]=1999</c>
/// is the value 1999 under <c>line_items</c> → item 0 → <c>price_data</c> → <c>unit_amount</c>. A list is a node whose
/// keys are indexes; an empty value of a list or hash (<c>metadata=</c>) is the empty one, as Stripe's clients send it.
/// </summary>
internal sealed class StripeParams
{
    private readonly SortedDictionary<string, object> _children = new(StringComparer.Ordinal);

    /// <summary>The full bracketed name of this node, as Stripe's errors name a parameter.</summary>
    public string Path { get; }

    private StripeParams(string path) => Path = path;

    /// <summary>The tree of a form's fields; null with the offending name when a name is malformed or given twice.</summary>
    public static StripeParams? Read(IEnumerable<KeyValuePair<string, string>> fields, out string? error)
    {
        var root = new StripeParams("");
        foreach (var (name, value) in fields)
        {
            if (Segments(name) is not { Count: > 0 } segments)
            {
                error = $"Invalid parameter name: {name}";
                return null;
            }
            if (!root.Set(segments, 0, value))
            {
                error = $"Received the parameter {name} more than once, or as both a value and a hash.";
                return null;
            }
        }
        error = null;
        return root;
    }

    public IEnumerable<string> Keys => _children.Keys;

    public bool Has(string key) => _children.ContainsKey(key);

    public string Name(string key) => Path.Length == 0 ? key : $"{Path}[{key}]";

    /// <summary>The text of <paramref name="key"/>; null when absent or a hash.</summary>
    public string? Text(string key) => _children.TryGetValue(key, out var value) ? value as string : null;

    /// <summary>The hash under <paramref name="key"/>; null when absent, and an empty hash for an empty value (<c>metadata=</c>).</summary>
    public StripeParams? Hash(string key) => _children.TryGetValue(key, out var value)
        ? value as StripeParams ?? (value is "" ? new StripeParams(Name(key)) : null)
        : null;

    /// <summary>Whether <paramref name="key"/> holds text where a hash or list is expected (or the reverse).</summary>
    public bool IsText(string key) => _children.TryGetValue(key, out var value) && value is string;

    /// <summary>A list's items in index order; null when the indexes are not 0, 1, 2…</summary>
    public IReadOnlyList<StripeParams>? Items()
    {
        var items = new List<StripeParams>();
        for (var i = 0; i < _children.Count; i++)
        {
            if (!_children.TryGetValue(i.ToString(CultureInfo.InvariantCulture), out var item) || item is not StripeParams hash)
                return null;
            items.Add(hash);
        }
        return items;
    }

    /// <summary>The text values of a hash (metadata), in key order.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Texts() =>
        _children.Select(c => new KeyValuePair<string, string?>(c.Key, c.Value as string));

    private bool Set(IReadOnlyList<string> segments, int at, string value)
    {
        var key = segments[at];
        if (at == segments.Count - 1)
            return _children.TryAdd(key, value);
        if (!_children.TryGetValue(key, out var child))
            _children[key] = child = new StripeParams(Name(key));
        return child is StripeParams hash && hash.Set(segments, at + 1, value);
    }

    /// <summary><c>a[b][0]</c> → a, b, 0; null for anything else (an unclosed bracket, text after one, an empty name).</summary>
    private static List<string>? Segments(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        var segments = new List<string> { open < 0 ? name : name[..open] };
        if (segments[0].Length == 0)
            return null;
        while (open >= 0 && open < name.Length)
        {
            if (name[open] != '[')
                return null;
            var close = name.IndexOf(']', open);
            if (close < 0 || close == open + 1)
                return null;
            segments.Add(name[(open + 1)..close]);
            open = close + 1;
        }
        return segments;
    }
}
