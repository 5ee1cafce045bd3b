using System.Globalization;

namespace Shop.PayModes.SystemPay;

/// <summary>
/// <c>vads_trans_id</c>: 6 characters, unique per shop per UTC day (case-insensitive). The caller
/// draws it from a per-UTC-day sequence (a counter reset each UTC day), never at random, so two
/// attempts on the same day cannot collide. 900000-999999 are left out, as Lyra reserves them.
/// </summary>
public static class SystemPayTransId
{
    public const int MaxSequence = 899_999;

    public static string Format(int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return sequence.ToString("D6", CultureInfo.InvariantCulture);
    }

    public static bool IsValid(string? transId) =>
        transId is { Length: 6 } && transId.All(char.IsAsciiLetterOrDigit);
}
