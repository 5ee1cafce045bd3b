using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>
/// Checks the settings the chosen integration uses, offline. PayPal publishes no signature vectors (PayPal verifies
/// its own messages), so there is nothing to sign here; the secret is only ever "set" or "missing".
/// </summary>
public static class PayPalSelfCheck
{
    public const string ApiBaseUrl = "REST API base URL";
    public const string PaymentUrl = "Payments Standard page URL";
    public const string IpnVerifyUrl = "IPN verification URL";

    public static SelfCheckResult Run(PayPalSettings settings, bool shopTestMode)
    {
        var lines = new List<SelfCheckLine> { SelfChecks.Known("Integration", settings.Integration, [PayPalSettings.Orders, PayPalSettings.Standard]) };
        if (settings.UsesOrders)
            lines.AddRange(
            [
                SelfChecks.Present("REST client id", settings.ClientId),
                SelfChecks.Secret("REST client secret", settings.ClientSecret),
                SelfChecks.Present("Webhook id", settings.WebhookId),
                Url(ApiBaseUrl, settings.ApiBaseUrl, PayPalUrls.LiveApi, "", shopTestMode),
            ]);
        else
            lines.AddRange(
            [
                Receiver(settings.Business),
                Url(PaymentUrl, settings.PaymentUrl, PayPalUrls.LivePayment, "/webscr", shopTestMode),
                Url(IpnVerifyUrl, settings.IpnVerifyUrl, PayPalUrls.LiveIpnVerify, "/ipn", shopTestMode),
            ]);
        return SelfCheckResult.From(lines);
    }

    /// <summary>The receiver every IPN must name: an e-mail address or a merchant id (no spaces either way).</summary>
    private static SelfCheckLine Receiver(string? business)
    {
        const string name = "Business (receiver e-mail or id)";
        var value = business?.Trim();
        if (string.IsNullOrEmpty(value))
            return new(name, false, "missing: an IPN cannot be checked against the receiver it names");
        if (value.Any(char.IsWhiteSpace))
            return new(name, false, "contains spaces: neither an e-mail address nor a merchant id");
        if (value.Contains('@') && !(System.Net.Mail.MailAddress.TryCreate(value, out var mail) && mail.Address == value))
            return new(name, false, $"'{value}' is not an e-mail address");
        return new(name, true, value.Contains('@') ? $"e-mail {value}" : $"merchant id {value}");
    }

    /// <summary>Absolute https (PayPal answers nothing else), or empty. Empty means the built-in sandbox while the shop is in
    /// test mode and the integration's URLs are all empty, else PayPal's live endpoint (<see cref="PayPalUrls.Resolve"/>).</summary>
    private static SelfCheckLine Url(string name, string? configured, string live, string sandboxPath, bool shopTestMode)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return new(name, true, shopTestMode ? $"empty: the built-in sandbox when every PayPal URL is empty, else PayPal's live {live}" : $"empty: PayPal's live {live}");
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return new(name, false, "not an absolute URL");
        var shown = uri.GetLeftPart(UriPartial.Path);
        if (uri.AbsolutePath.TrimEnd('/').EndsWith(PayPalUrls.SandboxPrefix + sandboxPath, StringComparison.Ordinal))
            return new(name, false, $"{shown} is the built-in sandbox, which only serves PayPal when its URLs are empty: leave it empty");
        return uri.Scheme == Uri.UriSchemeHttps
            ? new(name, true, shown)
            : new(name, false, $"{shown} is not https: PayPal only answers https");
    }
}
