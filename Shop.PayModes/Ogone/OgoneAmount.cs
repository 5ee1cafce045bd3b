using System.Globalization;

namespace Shop.PayModes.Ogone;

/// <summary>
/// Ogone amounts without floating point: requests carry the amount × 100 as an integer,
/// feedback carries a plain decimal (<c>15</c>, <c>15.1</c>, <c>15.12</c>).
/// </summary>
public static class OgoneAmount
{
    /// <summary>The request AMOUNT: the major amount × 100 (for a 0-decimal currency, minor units × 100).</summary>
    public static string ToRequestAmount(long minorUnits, int minorDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minorUnits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minorDigits, 2);
        return checked(minorUnits * Pow10(2 - minorDigits)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a feedback amount into minor units; false for signs, exponents or excess decimals.</summary>
    public static bool TryParseMinorUnits(string text, int minorDigits, out long minorUnits)
    {
        minorUnits = 0;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        if (whole.Length == 0 || (dot >= 0 && fraction.Length == 0) || fraction.Length > minorDigits
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
            return false;
        if (!long.TryParse(whole + fraction.PadRight(minorDigits, '0'), NumberStyles.None, CultureInfo.InvariantCulture, out minorUnits))
            return false;
        return true;
    }

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 1 => 10, _ => 100 };
}
