using System.Diagnostics.CodeAnalysis;

namespace Shop.PayModes.Core;

/// <summary>
/// How a write-only secret (docs/pay-modes.md, rule 8) is shown and kept. A settings form never receives a stored
/// secret: it receives a "kept" marker that carries only the description ("set · ending in 1a2b"), satisfies
/// validation like a real value, and tells the settings store to keep what it has.
/// </summary>
public static class SecretValues
{
    private const string KeptPrefix = "\u0001kept\u0001";

    /// <summary>"not set", "set", or "set · ending in 1a2b" (the last four only when the secret is long enough that they give little away).</summary>
    public static string Describe(string? secret) => secret switch
    {
        null or "" => "not set",
        _ when IsKept(secret) => secret[KeptPrefix.Length..],
        { Length: > 8 } => $"set · ending in {secret[^4..]}",
        _ => "set",
    };

    /// <summary>The marker that stands for a stored secret in a form, or null when none is stored.</summary>
    public static string? Kept(string? secret) => string.IsNullOrEmpty(secret) ? null : IsKept(secret) ? secret : KeptPrefix + Describe(secret);

    public static bool IsKept([NotNullWhen(true)] string? value) => value is not null && value.StartsWith(KeptPrefix, StringComparison.Ordinal);

    /// <summary>True when saving this value must keep the stored secret: left blank, or still the marker.</summary>
    public static bool KeepsStored([NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value) || IsKept(value);
}
