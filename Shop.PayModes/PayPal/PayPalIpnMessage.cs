using System.Text;

namespace Shop.PayModes.PayPal;

/// <summary>
/// Payments Standard IPN, pure: the postback is the received bytes untouched behind <c>cmd=_notify-validate&amp;</c>,
/// and fields are decoded with the charset the message declares (PayPal's default is windows-1252).
/// </summary>
public static class PayPalIpnMessage
{
    public static readonly byte[] ValidatePrefix = "cmd=_notify-validate&"u8.ToArray();

    /// <summary>The body to post back: the prefix followed by exactly the bytes received.</summary>
    public static byte[] PostbackBody(byte[] received)
    {
        var body = new byte[ValidatePrefix.Length + received.Length];
        ValidatePrefix.CopyTo(body, 0);
        received.CopyTo(body, ValidatePrefix.Length);
        return body;
    }

    /// <summary>Field name → value; the first occurrence wins. Names and values are form-decoded in the declared charset.</summary>
    public static IReadOnlyDictionary<string, string> Parse(byte[] body)
    {
        var ascii = Encoding.ASCII.GetString(body);
        var pairs = ascii.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: parts[0], Value: parts.Length > 1 ? parts[1] : ""))
            .ToList();
        var charset = pairs.FirstOrDefault(p => p.Name == "charset").Value is { Length: > 0 } declared
            ? Decode(declared, Encoding.ASCII)
            : "windows-1252";
        var encoding = EncodingFor(charset);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
            fields.TryAdd(Decode(name, encoding), Decode(value, encoding));
        return fields;
    }

    public static Encoding EncodingFor(string charset)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    /// <summary>Form decoding: <c>+</c> is a space, <c>%XX</c> a byte; the bytes are then read in <paramref name="encoding"/>.</summary>
    public static string Decode(string text, Encoding encoding)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
                bytes.Add((byte)' ');
            else if (c == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.Add((byte)c);
        }
        return encoding.GetString(bytes.ToArray());
    }
}
