namespace Shop.PayModes.Core;

/// <summary>Why a typed-back creditor reference is not the one expected.</summary>
public enum CreditorReferenceProblem
{
    None,
    /// <summary>Not "RF", two digits and 1 to 21 letters or digits.</summary>
    Malformed,
    /// <summary>Well formed, but the mod-97 check fails: a character was mistyped.</summary>
    BadCheckDigits,
}

/// <summary>
/// ISO 11649 structured creditor reference: <c>RF</c>, two check digits, then 1 to 21 letters (A–Z) or digits, the
/// characters every SEPA bank carries. The check digits make the whole, with its first four characters moved to the
/// end and each letter replaced by its number (A = 10 … Z = 35), leave a remainder of 1 when divided by 97 (the
/// ISO 7064 MOD 97-10 check the IBAN also uses), so one mistyped character or two swapped ones are always caught.
/// Stored compact (upper case, no spaces); shown in groups of four.
/// </summary>
public static class CreditorReference
{
    public const int MaxBaseLength = 21;

    /// <summary>The reference for <paramref name="reference"/> (letters and digits, any case, spaces ignored).</summary>
    public static string Create(string reference)
    {
        var body = Compact(reference);
        if (body.Length is 0 or > MaxBaseLength || !body.All(IsAllowed))
            throw new ArgumentException($"A creditor reference's base is 1 to {MaxBaseLength} letters or digits.", nameof(reference));
        var check = 98 - Mod97(body + "RF00");
        return $"RF{check:00}{body}";
    }

    /// <summary>Upper case, spaces removed: the form to store and compare.</summary>
    public static string Compact(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);

    /// <summary>Groups of four, as printed and read aloud: <c>RF18 5390 0754 7034</c>.</summary>
    public static string Format(string reference) => string.Join(' ', Compact(reference).Chunk(4).Select(c => new string(c)));

    public static bool IsValid(string? text) => Check(text) == CreditorReferenceProblem.None;

    /// <summary>What is wrong with <paramref name="text"/> as typed (spaces and case do not matter).</summary>
    public static CreditorReferenceProblem Check(string? text)
    {
        var compact = Compact(text ?? "");
        if (compact.Length is < 5 or > 4 + MaxBaseLength || !compact.StartsWith("RF", StringComparison.Ordinal)
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.Skip(4).All(IsAllowed))
            return CreditorReferenceProblem.Malformed;
        return Mod97(compact[4..] + compact[..4]) == 1 ? CreditorReferenceProblem.None : CreditorReferenceProblem.BadCheckDigits;
    }

    /// <summary>The reference's own part, after <c>RF</c> and the check digits; null unless <paramref name="text"/> is valid.</summary>
    public static string? BaseOf(string? text) => IsValid(text) ? Compact(text!)[4..] : null;

    private static bool IsAllowed(char c) => char.IsAsciiDigit(c) || c is >= 'A' and <= 'Z';

    /// <summary>The remainder by 97 of the number the characters spell (letters as 10–35), digit by digit: no big integers.</summary>
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder;
    }
}
