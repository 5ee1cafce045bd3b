using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Shop.PayModes.Core;

namespace Shop.Web.Data;

/// <summary>
/// The write-only settings of a pay mode (properties marked <see cref="SecretAttribute"/>, docs/pay-modes.md, rule 8):
/// what the dashboard may show of them, and copies of settings with them blanked for forms.
/// </summary>
public static class PayModeSecrets
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Cache = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<PropertyInfo> Of(Type settingsType) => Cache.GetOrAdd(settingsType, type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.CanWrite && p.IsDefined(typeof(SecretAttribute), inherit: true))]);

    /// <summary>"set · ending in 1a2b" (the last four only when the secret is long enough to keep them harmless), or "not set".</summary>
    public static string Describe(string? secret) => SecretValues.Describe(secret);

    /// <summary>Property name → description, for every secret of these settings.</summary>
    public static IReadOnlyDictionary<string, string> Describe(PayModeSettings settings) =>
        Of(settings.GetType()).ToDictionary(p => p.Name, p => Describe((string?)p.GetValue(settings)), StringComparer.Ordinal);

    /// <summary>A copy safe to hand to a form (and so to the browser): every stored secret replaced by its
    /// <see cref="SecretValues.Kept"/> marker, which validates like a value and which saving keeps.</summary>
    public static PayModeSettings Redacted(PayModeSettings settings)
    {
        var type = settings.GetType();
        var copy = (PayModeSettings)JsonSerializer.Deserialize(JsonSerializer.Serialize(settings, type, Json), type, Json)!;
        foreach (var property in Of(type))
            property.SetValue(copy, SecretValues.Kept((string?)property.GetValue(copy)));
        return copy;
    }
}
