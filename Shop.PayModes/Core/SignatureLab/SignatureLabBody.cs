namespace Shop.PayModes.Core.SignatureLab;

/// <summary>Reads a raw lab body, turning every format problem into a <see cref="SignatureLabException"/>.</summary>
public static class SignatureLabBody
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string rawBody)
    {
        try
        {
            return FormBody.Parse(rawBody);
        }
        catch (FormatException e)
        {
            throw new SignatureLabException($"malformed body: {e.Message}");
        }
    }

    /// <summary>The value of a field that may be absent but must not repeat.</summary>
    public static string? Optional(IEnumerable<KeyValuePair<string, string>> form, string name, StringComparison comparison)
    {
        var values = form.Where(f => string.Equals(f.Key, name, comparison)).Select(f => f.Value).ToList();
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new SignatureLabException($"field {name} appears {values.Count} times"),
        };
    }

    public static string Required(IEnumerable<KeyValuePair<string, string>> form, string name, StringComparison comparison) =>
        Optional(form, name, comparison) ?? throw new SignatureLabException($"body has no {name} field");

    public static void RejectDuplicates(IEnumerable<KeyValuePair<string, string>> form, StringComparer comparer)
    {
        var seen = new HashSet<string>(comparer);
        foreach (var field in form)
            if (!seen.Add(field.Key))
                throw new SignatureLabException($"field {field.Key} appears more than once");
    }
}
