using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>Where the PayPal calls go: the settings, else production, else (in test mode) the built-in sandbox.</summary>
public sealed record PayPalUrls(string ShopBaseUrl, string ApiBaseUrl, string PaymentUrl, string IpnVerifyUrl, bool Sandbox)
{
    public const string SandboxPrefix = "/sandbox/paypal";
    public const string LiveApi = "https://api-m.paypal.com";
    public const string LivePayment = "https://www.paypal.com/cgi-bin/webscr";
    public const string LiveIpnVerify = "https://ipnpb.paypal.com/cgi-bin/webscr";

    public static PayPalUrls Resolve(PayPalSettings settings, bool shopTestMode, string shopBaseUrl)
    {
        var sandbox = shopBaseUrl.TrimEnd('/') + SandboxPrefix;
        string Pick(string? configured, string sandboxUrl, string live) =>
            configured is { Length: > 0 } ? configured.TrimEnd('/') : shopTestMode ? sandboxUrl : live;
        return new PayPalUrls(shopBaseUrl.TrimEnd('/'),
            Pick(settings.ApiBaseUrl, sandbox, LiveApi),
            Pick(settings.PaymentUrl, sandbox + "/webscr", LivePayment),
            Pick(settings.IpnVerifyUrl, sandbox + "/ipn", LiveIpnVerify),
            shopTestMode && string.IsNullOrEmpty(settings.ApiBaseUrl));
    }
}
