using System.Security.Cryptography;
using System.Text;

namespace Shop.PayModes.Core;

/// <summary>Constant-time signature comparisons (docs/providers/README.md: hex is case-insensitive, Base64 exact).</summary>
public static class SignatureCompare
{
    public static bool HexEquals(string a, string b)
    {
        if (a.Length != b.Length)
            return false;
        return CryptographicOperations.FixedTimeEquals(LowerAsciiBytes(a), LowerAsciiBytes(b));
    }

    public static bool ExactEquals(string a, string b)
    {
        var left = Encoding.UTF8.GetBytes(a);
        var right = Encoding.UTF8.GetBytes(b);
        return left.Length == right.Length && CryptographicOperations.FixedTimeEquals(left, right);
    }

    // Only A-Z are folded, so distinct non-ASCII characters can never collapse into equal bytes.
    private static byte[] LowerAsciiBytes(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] is >= 'A' and <= 'Z')
                chars[i] = (char)(chars[i] + ('a' - 'A'));
        return Encoding.UTF8.GetBytes(chars);
    }
}
