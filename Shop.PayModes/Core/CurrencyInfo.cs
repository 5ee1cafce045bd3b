using System.Diagnostics.CodeAnalysis;

namespace Shop.PayModes.Core;

/// <summary>ISO 4217 data for the currencies the gateways are used with.</summary>
public sealed record CurrencyInfo(string Alpha, string Numeric, int MinorDigits)
{
    private static readonly CurrencyInfo[] Known =
    [
        new("EUR", "978", 2), new("USD", "840", 2), new("GBP", "826", 2), new("CHF", "756", 2),
        new("JPY", "392", 0), new("CAD", "124", 2), new("AUD", "036", 2), new("SEK", "752", 2),
        new("DKK", "208", 2), new("NOK", "578", 2), new("PLN", "985", 2), new("CZK", "203", 2),
    ];

    public static IReadOnlyList<CurrencyInfo> All => Known;

    public static bool IsKnown([NotNullWhen(true)] string? alpha) => TryFromAlpha(alpha, out _);

    public static bool TryFromAlpha(string? alpha, out CurrencyInfo currency) =>
        TryFind(c => string.Equals(c.Alpha, alpha, StringComparison.OrdinalIgnoreCase), out currency);

    public static bool TryFromNumeric(string? numeric, out CurrencyInfo currency) =>
        TryFind(c => c.Numeric == numeric, out currency);

    /// <exception cref="ArgumentException">The currency is not in the table.</exception>
    public static CurrencyInfo FromAlpha(string alpha) =>
        TryFromAlpha(alpha, out var currency)
            ? currency
            : throw new ArgumentException($"Unsupported currency '{alpha}'.", nameof(alpha));

    private static bool TryFind(Func<CurrencyInfo, bool> match, out CurrencyInfo currency)
    {
        currency = Known.FirstOrDefault(match)!;
        return currency is not null;
    }
}
