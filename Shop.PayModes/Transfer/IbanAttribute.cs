using System.ComponentModel.DataAnnotations;
using System.Numerics;

namespace Shop.PayModes.Transfer;

/// <summary>ISO 13616 check: country, check digits, and the mod-97 remainder of 1.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IbanAttribute : ValidationAttribute
{
    public IbanAttribute() : base("This is not a valid IBAN (check the digits).") { }

    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || Check(text);

    public static string Normalize(string iban) => new([.. iban.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);

    public static bool Check(string iban)
    {
        var compact = Normalize(iban);
        if (compact.Length is < 15 or > 34 || !compact.All(char.IsAsciiLetterOrDigit)
            || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
            return false;
        var rearranged = compact[4..] + compact[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        return BigInteger.Parse(digits) % 97 == 1;
    }

    /// <summary>Groups of four, as printed on a bank statement.</summary>
    public static string Format(string iban) => string.Join(' ', Normalize(iban).Chunk(4).Select(c => new string(c)));
}
