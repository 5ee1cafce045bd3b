namespace Shop.PayModes.Core;

/// <summary>ISO 4217 facts the providers need: numeric code and number of minor digits.</summary>
public static class CurrencyInfo
{
    private static readonly Dictionary<string, (string Numeric, int Digits)> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = ("978", 2),
        ["USD"] = ("840", 2),
        ["GBP"] = ("826", 2),
        ["CHF"] = ("756", 2),
        ["JPY"] = ("392", 0),
        ["CAD"] = ("124", 2),
        ["AUD"] = ("036", 2),
        ["SEK"] = ("752", 2),
        ["DKK"] = ("208", 2),
        ["NOK"] = ("578", 2),
        ["PLN"] = ("985", 2),
        ["CZK"] = ("203", 2),
    };

    public static IReadOnlyCollection<string> Known => Table.Keys;

    public static bool IsKnown(string? alpha) => alpha is not null && Table.ContainsKey(alpha);

    public static int MinorDigits(string alpha) => Lookup(alpha).Digits;

    public static string Numeric(string alpha) => Lookup(alpha).Numeric;

    public static string? AlphaFromNumeric(string numeric) =>
        Table.FirstOrDefault(kv => kv.Value.Numeric == numeric).Key;

    private static (string Numeric, int Digits) Lookup(string alpha) =>
        Table.TryGetValue(alpha, out var info) ? info : throw new ArgumentException($"Unsupported currency '{alpha}'.", nameof(alpha));
}
