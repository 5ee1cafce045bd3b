namespace Shop.PayModes.Core;

/// <summary>Small helpers over received form fields, shared by the response parsers.</summary>
public static class FormFields
{
    /// <summary>The single value of <paramref name="name"/>; false when absent or sent more than once.</summary>
    public static bool TrySingle(
        IEnumerable<KeyValuePair<string, string>> fields, string name, StringComparison comparison, out string value)
    {
        value = "";
        var found = 0;
        foreach (var field in fields)
        {
            if (!string.Equals(field.Key, name, comparison))
                continue;
            value = field.Value;
            found++;
        }
        if (found != 1)
            value = "";
        return found == 1;
    }

    public static bool HasDuplicateNames(IEnumerable<KeyValuePair<string, string>> fields, StringComparer comparer)
    {
        var seen = new HashSet<string>(comparer);
        return fields.Any(field => !seen.Add(field.Key));
    }
}
