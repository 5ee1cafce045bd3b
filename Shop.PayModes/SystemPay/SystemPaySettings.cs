using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.SystemPay;

/// <summary>A Lyra shop (Systempay, Sogecommerce, PayZen). Empty <see cref="PaymentUrl"/> means the built-in sandbox in test mode.</summary>
public sealed class SystemPaySettings : PayModeSettings, IProviderSettings
{
    [Required(ErrorMessage = "Give the 8-digit shop id.")]
    [RegularExpression("^[0-9]{8}$", ErrorMessage = "The shop id has 8 digits.")]
    [Display(Name = "Shop id")]
    public string? SiteId { get; set; }

    [Secret]
    [Display(Name = "Test key")]
    public string? TestKey { get; set; }

    [Secret]
    [Display(Name = "Production key")]
    public string? ProductionKey { get; set; }

    [Required]
    [RegularExpression("^(HMAC-SHA-256|SHA-1)$", ErrorMessage = "Choose HMAC-SHA-256 or SHA-1.")]
    [Display(Name = "Signature algorithm")]
    public string Algorithm { get; set; } = SystemPayAlgorithmNames.HmacSha256;

    /// <summary><c>vads_ctx_mode</c>: which of the two keys signs, and which platform the payment runs on.</summary>
    [Required]
    [RegularExpression("^(TEST|PRODUCTION)$", ErrorMessage = "Choose TEST or PRODUCTION.")]
    [Display(Name = "Mode")]
    public string CtxMode { get; set; } = SystemPayCtxMode.Test;

    [RegularExpression(@"^(https?://\S+)?$", ErrorMessage = "Give an http(s) URL, or leave empty for the sandbox.")]
    [Display(Name = "Payment page URL")]
    public string? PaymentUrl { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
            yield return result;
        if (CtxMode == SystemPayCtxMode.Test && string.IsNullOrEmpty(TestKey))
            yield return new ValidationResult("The test key is needed in TEST mode.", [nameof(TestKey)]);
        if (CtxMode == SystemPayCtxMode.Production && string.IsNullOrEmpty(ProductionKey))
            yield return new ValidationResult("The production key is needed in PRODUCTION mode.", [nameof(ProductionKey)]);
    }

    /// <summary>Lyra's test and production payments share one page (docs/providers/systempay.md): only <c>vads_ctx_mode</c> tells them apart.</summary>
    IEnumerable<string?> IProviderSettings.ProviderUrls => [PaymentUrl];

    string? IProviderSettings.ProductionReason =>
        CtxMode == SystemPayCtxMode.Production ? $"its mode (vads_ctx_mode) is {SystemPayCtxMode.Production}" : null;

    internal PaymentEnvironment Environment =>
        CtxMode == SystemPayCtxMode.Production ? PaymentEnvironment.Production : PaymentEnvironment.Test;

    internal SystemPayAccount Account() =>
        new(SiteId ?? "", TestKey ?? "", ProductionKey ?? "", SystemPayAlgorithmNames.Parse(Algorithm));
}
