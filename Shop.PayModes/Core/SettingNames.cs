namespace Shop.PayModes.Core;

/// <summary>
/// The setting strings of an enum (<c>HMAC-SHA-256</c>, <c>SHA-1</c>, ...): formatting, and parsing that
/// ignores case and surrounding spaces. The first name is the default a failed parse leaves behind.
/// </summary>
public sealed class SettingNames<TEnum>(string what, params (TEnum Value, string Name)[] names) where TEnum : struct, Enum
{
    public IReadOnlyList<string> All { get; } = [.. names.Select(n => n.Name)];

    public string Format(TEnum value) =>
        names.FirstOrDefault(n => EqualityComparer<TEnum>.Default.Equals(n.Value, value)).Name
        ?? throw new ArgumentOutOfRangeException(nameof(value));

    public bool TryParse(string? text, out TEnum value)
    {
        var wanted = text?.Trim();
        foreach (var (candidate, name) in names)
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        value = names[0].Value;
        return false;
    }

    /// <exception cref="FormatException">Not one of <see cref="All"/>.</exception>
    public TEnum Parse(string text) => TryParse(text, out var value) ? value : throw new FormatException($"Unknown {what} '{text}'.");
}
