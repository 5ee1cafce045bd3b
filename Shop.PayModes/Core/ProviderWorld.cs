namespace Shop.PayModes.Core;

/// <summary>
/// Settings of a pay mode that hands buyers to an external provider. Each provider declares, in its own folder,
/// which settings point at the provider and what makes its configuration a production one; the rule that
/// decides between the sandbox and the provider (<see cref="ProviderWorld.Of(IProviderSettings, bool)"/>) is the core's.
/// </summary>
public interface IProviderSettings
{
    /// <summary>Every setting that points the mode at its provider (payment page, API base, IPN verification), set or not.</summary>
    IEnumerable<string?> ProviderUrls { get; }

    /// <summary>
    /// Why these settings would take real money (a production context, a URL on the provider's production hosts),
    /// or null. Judged as for test mode, where all provider URLs empty together mean the sandbox.
    /// </summary>
    string? ProductionReason { get; }
}

/// <summary>Who a provider pay mode talks to.</summary>
public enum PaymentWorld
{
    /// <summary>The shop's own built-in sandbox, with sandbox credentials only.</summary>
    Sandbox,
    /// <summary>The provider at its configured (or default live) URLs, with the configured credentials.</summary>
    Provider,
}

/// <summary>
/// The one rule for where a provider pay mode's payments go: the built-in sandbox when the shop is in test mode
/// AND every provider URL of the mode is empty AND its configuration is not a production one; otherwise the
/// provider. In test mode a production configuration is not offered at all (<see cref="TestModeRefusal"/>), so
/// test mode never hands a buyer to a production page.
/// </summary>
/// <param name="Label">A few words for the dashboard ("Sandbox", "Live", ...).</param>
/// <param name="Description">Where payments go, completing "Payments go to ...".</param>
/// <param name="TestModeRefusal">Why the mode is not offered in test mode (a production configuration), or null.</param>
public sealed record ProviderWorld(PaymentWorld World, string Label, string Description, string? TestModeRefusal = null)
{
    public bool IsSandbox => World == PaymentWorld.Sandbox;

    /// <summary>The world of a provider mode's settings; null for a mode that has no provider (test, check, ...).</summary>
    public static ProviderWorld? OfAny(PayModeSettings settings, bool shopTestMode) =>
        settings is IProviderSettings provider ? Of(provider, shopTestMode) : null;

    public static ProviderWorld Of(IProviderSettings settings, bool shopTestMode)
    {
        if (!shopTestMode)
            return new(PaymentWorld.Provider, "Live", "the provider, for real money (the shop is not in test mode)");
        if (settings.ProductionReason is { } production)
            return new(PaymentWorld.Provider, "Not offered in test mode",
                $"nowhere while the shop is in test mode: {production}",
                $"This payment method is set up for real payments ({production}) while the shop is in test mode, which never takes real money.");
        return settings.ProviderUrls.All(string.IsNullOrWhiteSpace)
            ? new(PaymentWorld.Sandbox, "Sandbox", "the built-in sandbox, with its own keys, never the configured ones (test mode, every provider URL empty)")
            : new(PaymentWorld.Provider, "Provider test platform", "the provider's test platform at the configured URL (test mode, no production setting)");
    }
}

/// <summary>How providers recognise their production addresses from a URL setting.</summary>
public static class ProductionUrls
{
    /// <summary>Whether <paramref name="url"/> is an absolute URL on one of <paramref name="hosts"/> (case-insensitive).</summary>
    public static bool OnHost(string? url, IEnumerable<string> hosts) =>
        Host(url) is { } host && hosts.Contains(host, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="url"/> is an absolute URL whose path holds <paramref name="segment"/> (case-insensitive),
    /// percent-decoded as the provider's server reads it (<c>/ncol%2Fprod/</c> is <c>/ncol/prod/</c>).
    /// </summary>
    public static bool PathContains(string? url, string segment) =>
        Parse(url) is { } uri && Uri.UnescapeDataString(uri.AbsolutePath).Contains(segment, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The host of an absolute URL setting, as DNS resolves it: without the trailing dot of a fully qualified name
    /// (<c>example.com.</c> is <c>example.com</c>), so a production host cannot pass for another by it.
    /// </summary>
    public static string? Host(string? url) => Parse(url)?.IdnHost.TrimEnd('.');

    private static Uri? Parse(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
