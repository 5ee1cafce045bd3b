using System.Text;

namespace Shop.PayModes.Core;

/// <summary>
/// Strict parser for an <c>application/x-www-form-urlencoded</c> body: keeps order and duplicates
/// (signatures are checked over exactly what was received) and rejects anything ambiguous.
/// </summary>
public static class FormBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="FormatException">Invalid percent-escape or invalid UTF-8.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var segment in raw.Split('&'))
        {
            if (segment.Length == 0)
                continue;
            var equals = segment.IndexOf('=');
            var name = equals < 0 ? segment : segment[..equals];
            var value = equals < 0 ? "" : segment[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }
        return pairs;
    }

    private static string Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        var literal = new StringBuilder();
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c != '%' && c != '+')
            {
                literal.Append(c);
                continue;
            }
            FlushLiteral(literal, bytes);
            if (c == '+')
            {
                bytes.Add((byte)' ');
                continue;
            }
            if (i + 2 >= encoded.Length)
                throw new FormatException($"Truncated percent-escape at position {i}.");
            bytes.Add(HexByte(encoded[i + 1], encoded[i + 2], i));
            i += 2;
        }
        FlushLiteral(literal, bytes);
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("Percent-decoded bytes are not valid UTF-8.", e);
        }
    }

    private static void FlushLiteral(StringBuilder literal, List<byte> bytes)
    {
        if (literal.Length == 0)
            return;
        try
        {
            bytes.AddRange(StrictUtf8.GetBytes(literal.ToString()));
        }
        catch (EncoderFallbackException e)
        {
            throw new FormatException("Body contains an unpaired surrogate.", e);
        }
        literal.Clear();
    }

    private static byte HexByte(char high, char low, int position)
    {
        if (!Uri.IsHexDigit(high) || !Uri.IsHexDigit(low))
            throw new FormatException($"Invalid percent-escape at position {position}.");
        return (byte)(Uri.FromHex(high) * 16 + Uri.FromHex(low));
    }
}
