using System.Globalization;

namespace Shop.PayModes.Core;

/// <summary>
/// Amounts are <see cref="long"/> minor units everywhere; <see cref="decimal"/> only at the edges
/// (parsing a typed price, formatting a provider's decimal string). Never <see cref="double"/>.
/// </summary>
public static class Money
{
    /// <summary>19.99 EUR → 1999. Throws when the amount has more decimals than the currency allows.</summary>
    public static long ToMinor(decimal amount, string currency)
    {
        var factor = Factor(currency);
        var minor = amount * factor;
        if (minor != decimal.Truncate(minor))
            throw new ArgumentException($"{amount} has more decimals than {currency} allows.", nameof(amount));
        return decimal.ToInt64(minor);
    }

    /// <summary>1999 EUR → 19.99m.</summary>
    public static decimal FromMinor(long minor, string currency) => (decimal)minor / Factor(currency);

    /// <summary>Parses an invariant decimal string ("19.99", "15", "15.1") to minor units, or null.</summary>
    public static long? TryParseMinor(string? text, string currency)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return null;
        // Checked before multiplying: a decimal near its maximum overflows when scaled (a 5xx on a provider's absurd amount).
        var factor = Factor(currency);
        if (amount > long.MaxValue / factor)
            return null;
        var minor = amount * factor;
        return minor == decimal.Truncate(minor) ? decimal.ToInt64(minor) : null;
    }

    /// <summary>The provider-style decimal string: 1999 → "19.99", 0 → "0.00", JPY 500 → "500".</summary>
    public static string ToDecimalString(long minor, string currency) =>
        FromMinor(minor, currency).ToString("F" + CurrencyInfo.FromAlpha(currency).MinorDigits, CultureInfo.InvariantCulture);

    /// <summary>For people: "19.99 EUR" in the invariant style the shop uses on every page.</summary>
    public static string Format(long minor, string currency) =>
        $"{FromMinor(minor, currency).ToString("N" + CurrencyInfo.FromAlpha(currency).MinorDigits, CultureInfo.InvariantCulture)} {currency}";

    private static decimal Factor(string currency) => CurrencyInfo.FromAlpha(currency).MinorDigits switch
    {
        0 => 1m,
        3 => 1000m,
        _ => 100m,
    };
}
