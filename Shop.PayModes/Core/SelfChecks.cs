namespace Shop.PayModes.Core;

/// <summary>
/// The lines provider self-checks share. None prints a secret: a key is only ever "set" or "missing",
/// and a vector line shows the published signature, never the computed one from the shop's own key.
/// </summary>
public static class SelfChecks
{
    /// <summary>Signs a published vector with the pay mode's own code; a failure means the algorithm is broken here.</summary>
    public static SelfCheckLine Vector(string name, Func<string> sign, string expected, Func<string, string, bool> equals)
    {
        try
        {
            return equals(sign(), expected)
                ? new(name, true, $"the published signature {expected} is reproduced")
                : new(name, false, $"the pay mode's code does not reproduce the published signature {expected}");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            return new(name, false, $"signing failed: {e.GetType().Name}");
        }
    }

    public static SelfCheckLine Present(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? new(name, false, "missing") : new(name, true, value.Trim());

    /// <summary>Whether a secret is set, without a single character of it.</summary>
    public static SelfCheckLine Secret(string name, string? value) =>
        string.IsNullOrEmpty(value) ? new(name, false, "missing") : new(name, true, "set");

    public static SelfCheckLine Known(string name, string? value, IReadOnlyList<string> accepted) =>
        value is not null && accepted.Contains(value, StringComparer.Ordinal)
            ? new(name, true, value)
            : new(name, false, $"'{value}' is not one of {string.Join(", ", accepted)}");

    /// <summary>An absolute http(s) URL, or empty while the shop is in test mode (the built-in sandbox stands in).</summary>
    public static SelfCheckLine PaymentUrl(string? url, bool shopTestMode)
    {
        const string name = "Payment page URL";
        if (string.IsNullOrWhiteSpace(url))
            return shopTestMode
                ? new(name, true, "empty: the built-in sandbox while the shop is in test mode, unless another setting is a production one (see \"Payments go to\")")
                : new(name, false, "empty, and the built-in sandbox only exists in test mode");
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return new(name, false, "not an absolute http(s) URL");
        return IsBuiltInSandbox(uri)
            ? new(name, false, $"{uri.GetLeftPart(UriPartial.Path)} is the built-in sandbox, which only serves a mode whose URL is empty: leave it empty")
            : new(name, true, uri.GetLeftPart(UriPartial.Path));
    }

    /// <summary>The payment page of the shop's own sandbox (<c>.../sandbox/{code}/pay</c>): never a provider URL setting.</summary>
    private static bool IsBuiltInSandbox(Uri uri) =>
        uri.AbsolutePath.TrimEnd('/').Split('/') is [.., "sandbox", _, "pay"];

    public const string WorldCheck = "Payments go to";

    /// <summary>The result and a line saying where payments go (<see cref="ProviderWorld"/>), failed for a production configuration in test mode.</summary>
    public static SelfCheckResult WithWorld(SelfCheckResult result, IProviderSettings settings, ShopSettings shop)
    {
        var world = ProviderWorld.Of(settings, shop.TestMode);
        return SelfCheckResult.From([.. result.Lines, new(WorldCheck, world.TestModeRefusal is null, world.Description)]);
    }

    public static SelfCheckResult WrongSettings(PayModeSettings settings) =>
        SelfCheckResult.From([new("Settings", false, $"unexpected settings type {settings.GetType().Name}")]);
}
