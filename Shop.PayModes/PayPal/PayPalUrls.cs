using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>Where the PayPal calls go: the built-in sandbox in the sandbox world, else the settings, else PayPal's live endpoints.</summary>
public sealed record PayPalUrls(string ShopBaseUrl, string ApiBaseUrl, string PaymentUrl, string IpnVerifyUrl, bool Sandbox)
{
    public const string SandboxPrefix = "/sandbox/paypal";
    public const string LiveApi = "https://api-m.paypal.com";
    public const string LivePayment = "https://www.paypal.com/cgi-bin/webscr";
    public const string LiveIpnVerify = "https://ipnpb.paypal.com/cgi-bin/webscr";

    /// <summary>
    /// Whether a URL is on PayPal's live side: <c>paypal.com</c> and every host under it (<c>api-m.paypal.com</c>,
    /// <c>api.paypal.com</c>, <c>www.paypal.com</c>, <c>ipnpb.paypal.com</c>, <c>notify.paypal.com</c>, docs/providers/paypal.md)
    /// except PayPal's own sandbox, <c>sandbox.paypal.com</c> and the hosts under it (<c>api-m.sandbox.paypal.com</c>, ...).
    /// </summary>
    public static bool IsLive(string? url) => ProductionUrls.Host(url)?.ToLowerInvariant() is { } host
        && (host == "paypal.com" || host.EndsWith(".paypal.com", StringComparison.Ordinal))
        && !(host == "sandbox.paypal.com" || host.EndsWith(".sandbox.paypal.com", StringComparison.Ordinal));

    /// <param name="sandboxWorld">
    /// Whether the mode is in the sandbox world (<see cref="ProviderWorld"/>). Only the chosen integration's URLs decide the
    /// world, so a URL left over from the other integration may still be set: in the sandbox world every call goes to the
    /// sandbox all the same, never to an address a forged message for the other integration would make the shop call.
    /// </param>
    public static PayPalUrls Resolve(PayPalSettings settings, bool sandboxWorld, string shopBaseUrl)
    {
        var sandbox = shopBaseUrl.TrimEnd('/') + SandboxPrefix;
        string Pick(string? configured, string sandboxUrl, string live) =>
            sandboxWorld ? sandboxUrl : configured is { Length: > 0 } ? configured.TrimEnd('/') : live;
        return new PayPalUrls(shopBaseUrl.TrimEnd('/'),
            Pick(settings.ApiBaseUrl, sandbox, LiveApi),
            Pick(settings.PaymentUrl, sandbox + "/webscr", LivePayment),
            Pick(settings.IpnVerifyUrl, sandbox + "/ipn", LiveIpnVerify),
            sandboxWorld);
    }
}
