using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.Stripe;

/// <summary>
/// Stripe settings (<c>PayModes:stripe:*</c>). Stripe has one API host for test and live payments: the secret key
/// decides (<c>sk_test_...</c> or <c>sk_live_...</c>). An empty API base URL means Stripe's own API, or, while the
/// shop is in test mode with a test key, the built-in sandbox (<see cref="ProviderWorld"/>).
/// </summary>
public sealed class StripeSettings : PayModeSettings, IProviderSettings
{
    [Secret]
    [StringLength(300)]
    [RegularExpression(@"^(sk|rk)_(test|live)_\S+$", ErrorMessage = "A Stripe secret key starts with sk_test_, sk_live_ (or a restricted rk_test_, rk_live_).")]
    [Display(Name = "Secret key")]
    public string? SecretKey { get; set; }

    [Secret]
    [StringLength(300)]
    [RegularExpression(@"^whsec_\S+$", ErrorMessage = "A webhook signing secret starts with whsec_.")]
    [Display(Name = "Webhook signing secret")]
    public string? WebhookSecret { get; set; }

    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Give an absolute http(s) URL, or leave empty.")]
    [Display(Name = "API base URL")]
    public string? ApiBaseUrl { get; set; }

    /// <summary>Whether the key takes real money: a live key, secret or restricted.</summary>
    public static bool IsLiveKey(string? key) =>
        key?.Trim() is { } k && (k.StartsWith("sk_live_", StringComparison.Ordinal) || k.StartsWith("rk_live_", StringComparison.Ordinal));

    IEnumerable<string?> IProviderSettings.ProviderUrls => [ApiBaseUrl];

    string? IProviderSettings.ProductionReason => IsLiveKey(SecretKey) ? "its secret key is a live key (sk_live_...)" : null;

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
            yield return result;
        if (string.IsNullOrWhiteSpace(SecretKey))
            yield return new ValidationResult("Stripe needs the secret key of your account (Developers → API keys).", [nameof(SecretKey)]);
        if (string.IsNullOrWhiteSpace(WebhookSecret))
            yield return new ValidationResult("Stripe needs the signing secret of the webhook pointing at /paymodes/stripe/notify.", [nameof(WebhookSecret)]);
    }
}
