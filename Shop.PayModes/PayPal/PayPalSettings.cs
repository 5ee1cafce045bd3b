using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>PayPal settings (<c>PayModes:paypal:*</c>). Empty URLs mean PayPal live, or, in test mode with every URL of the chosen
/// integration empty and none live, the built-in sandbox (<see cref="ProviderWorld"/>).</summary>
public sealed class PayPalSettings : PayModeSettings, IProviderSettings
{
    public const string Orders = "Orders";
    public const string Standard = "Standard";

    [Required]
    [RegularExpression("^(Orders|Standard)$", ErrorMessage = "Choose Orders (PayPal Checkout) or Standard (legacy IPN).")]
    [Display(Name = "Integration")]
    public string Integration { get; set; } = Orders;

    [StringLength(200)]
    [Display(Name = "REST client id")]
    public string? ClientId { get; set; }

    [Secret]
    [StringLength(200)]
    [Display(Name = "REST client secret")]
    public string? ClientSecret { get; set; }

    [StringLength(100)]
    [Display(Name = "Webhook id")]
    public string? WebhookId { get; set; }

    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Give an absolute http(s) URL, or leave empty.")]
    [Display(Name = "REST API base URL")]
    public string? ApiBaseUrl { get; set; }

    /// <summary>The merchant's PayPal e-mail (or its merchant/receiver id): the receiver every payment must name.</summary>
    [StringLength(200)]
    [Display(Name = "Business (receiver e-mail or id)")]
    public string? Business { get; set; }

    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Give an absolute http(s) URL, or leave empty.")]
    [Display(Name = "Payments Standard page URL")]
    public string? PaymentUrl { get; set; }

    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Give an absolute http(s) URL, or leave empty.")]
    [Display(Name = "IPN verification URL")]
    public string? IpnVerifyUrl { get; set; }

    public bool UsesOrders => Integration == Orders;

    /// <summary>The URLs the chosen integration calls (the others are never used), with their names and live defaults.</summary>
    private IEnumerable<(string Name, string? Url, string Live)> IntegrationUrls => UsesOrders
        ? [("REST API base URL", ApiBaseUrl, PayPalUrls.LiveApi)]
        : [("Payments Standard page URL", PaymentUrl, PayPalUrls.LivePayment), ("IPN verification URL", IpnVerifyUrl, PayPalUrls.LiveIpnVerify)];

    IEnumerable<string?> IProviderSettings.ProviderUrls => IntegrationUrls.Select(u => u.Url);

    /// <summary>A URL on PayPal's live hosts, or an empty one next to a set one: once any URL is set, an empty one means PayPal's live default.</summary>
    string? IProviderSettings.ProductionReason
    {
        get
        {
            var urls = IntegrationUrls.ToList();
            if (urls.All(u => string.IsNullOrWhiteSpace(u.Url)))
                return null;
            foreach (var (name, url, live) in urls)
            {
                if (string.IsNullOrWhiteSpace(url))
                    return $"its {name} is empty, which means PayPal's live {live}";
                if (PayPalUrls.IsLive(url))
                    return $"its {name} is on PayPal's live {ProductionUrls.Host(url)}";
            }
            return null;
        }
    }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
            yield return result;
        if (UsesOrders)
        {
            if (string.IsNullOrWhiteSpace(ClientId))
                yield return new ValidationResult("PayPal Checkout needs the REST client id.", [nameof(ClientId)]);
            if (string.IsNullOrWhiteSpace(ClientSecret))
                yield return new ValidationResult("PayPal Checkout needs the REST client secret.", [nameof(ClientSecret)]);
            if (string.IsNullOrWhiteSpace(WebhookId))
                yield return new ValidationResult("PayPal Checkout needs the id of the webhook pointing at /paymodes/paypal/notify.", [nameof(WebhookId)]);
        }
        else if (string.IsNullOrWhiteSpace(Business))
            yield return new ValidationResult("Payments Standard needs the business e-mail that receives the payments.", [nameof(Business)]);
    }
}
