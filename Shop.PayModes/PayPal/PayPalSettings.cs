using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>PayPal settings (INTERFACES.md: <c>PayModes:paypal:*</c>). Empty URLs mean production, or the sandbox in test mode.</summary>
public sealed class PayPalSettings : PayModeSettings
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
