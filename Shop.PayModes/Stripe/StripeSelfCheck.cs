using Shop.PayModes.Core;

namespace Shop.PayModes.Stripe;

/// <summary>
/// Checks the settings offline. Stripe publishes no signature vectors, so the webhook signature is checked by signing a
/// fixed event with Stripe.net and verifying it with the same path the notify endpoint takes. Secrets are only ever
/// "set" or "missing", with the kind of key (test or live), never a character of it.
/// </summary>
public static class StripeSelfCheck
{
    public const string ApiBaseUrl = "API base URL";

    public static SelfCheckResult Run(StripeSettings settings, bool shopTestMode) => SelfCheckResult.From(
    [
        Key(settings.SecretKey),
        WebhookSecret(settings.WebhookSecret),
        Url(settings.ApiBaseUrl, shopTestMode),
        SelfChecks.Vector("Webhook signature (Stripe.net)", () => StripeSignatureLab.SelfTestHeader, StripeSignatureLab.SelfTestSignature,
            (computed, expected) => computed.EndsWith("v1=" + expected, StringComparison.Ordinal)),
    ]);

    private static SelfCheckLine Key(string? key)
    {
        const string name = "Secret key";
        var value = key?.Trim();
        if (string.IsNullOrEmpty(value))
            return new(name, false, "missing");
        if (StripeSettings.IsLiveKey(value))
            return new(name, true, "set (live key)");
        return value.StartsWith("sk_test_", StringComparison.Ordinal) || value.StartsWith("rk_test_", StringComparison.Ordinal)
            ? new(name, true, "set (test key)")
            : new(name, false, "set, but not a Stripe secret key (sk_test_..., sk_live_...)");
    }

    private static SelfCheckLine WebhookSecret(string? secret)
    {
        const string name = "Webhook signing secret";
        var value = secret?.Trim();
        if (string.IsNullOrEmpty(value))
            return new(name, false, "missing: webhooks cannot be verified, so no payment completes");
        return value.StartsWith("whsec_", StringComparison.Ordinal) ? new(name, true, "set") : new(name, false, "set, but not a signing secret (whsec_...)");
    }

    private static SelfCheckLine Url(string? configured, bool shopTestMode)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return new(ApiBaseUrl, true, shopTestMode
                ? $"empty: the built-in sandbox while the shop is in test mode with a test key, else Stripe's {StripeGateway.LiveApiBase}"
                : $"empty: Stripe's {StripeGateway.LiveApiBase}");
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return new(ApiBaseUrl, false, "not an absolute URL");
        var shown = uri.GetLeftPart(UriPartial.Path);
        if (uri.AbsolutePath.TrimEnd('/').EndsWith(StripeGateway.SandboxPrefix, StringComparison.Ordinal))
            return new(ApiBaseUrl, false, $"{shown} is the built-in sandbox, which only serves Stripe when this URL is empty: leave it empty");
        return uri.Scheme == Uri.UriSchemeHttps ? new(ApiBaseUrl, true, shown) : new(ApiBaseUrl, false, $"{shown} is not https: Stripe only answers https");
    }
}
