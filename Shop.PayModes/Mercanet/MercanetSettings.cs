using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>A Mercanet (Sips 2.0) merchant account. Empty <see cref="PaymentUrl"/> means the built-in sandbox in test mode.</summary>
public sealed class MercanetSettings : PayModeSettings, IProviderSettings
{
    /// <summary>
    /// Hosts of a production Paypage: Mercanet's own (docs/providers/mercanet.md,
    /// <c>https://payment-webinit.mercanet.bnpparibas.net/paymentInit</c>) and Worldline Sips' generic production
    /// hosts (<c>https://payment-webinit.sips-services.com/paymentInit</c>, formerly <c>sips-atos.com</c>). The customer
    /// test (<c>payment-webinit-mercanet.test.sips-services.com</c>) and simulation
    /// (<c>payment-webinit.simu.mercanet.bnpparibas.net</c>) hosts take no real money.
    /// </summary>
    public static readonly IReadOnlyList<string> ProductionHosts =
        ["payment-webinit.mercanet.bnpparibas.net", "payment-webinit.sips-services.com", "payment-webinit.sips-atos.com"];

    [Required(ErrorMessage = "Give the Mercanet merchant id.")]
    [RegularExpression("^[0-9A-Za-z]{1,30}$", ErrorMessage = "The merchant id is letters and digits only.")]
    [Display(Name = "Merchant id")]
    public string? MerchantId { get; set; }

    [Secret]
    [Required(ErrorMessage = "Give the secret key from the Mercanet download area.")]
    [Display(Name = "Secret key")]
    public string? SecretKey { get; set; }

    [Required(ErrorMessage = "Give the version of the secret key.")]
    [RegularExpression("^[0-9]{1,5}$", ErrorMessage = "The key version is a number.")]
    [Display(Name = "Key version")]
    public string? KeyVersion { get; set; } = "1";

    [Required]
    [RegularExpression("^(HMAC-SHA-256|SHA-256)$", ErrorMessage = "Choose HMAC-SHA-256 or SHA-256.")]
    [Display(Name = "Seal algorithm")]
    public string SealAlgorithm { get; set; } = MercanetSealAlgorithmNames.HmacSha256;

    /// <summary>The <c>Encode</c> field (docs/providers/mercanet.md): empty posts Data as plain text, <c>base64</c> posts it Base64-encoded (sealed as posted).</summary>
    [RegularExpression("^(base64)?$", ErrorMessage = "Choose base64, or leave empty for plain Data.")]
    [Display(Name = "Data encoding")]
    public string? Encode { get; set; } = "";

    [RegularExpression(@"^(https?://\S+)?$", ErrorMessage = "Give an http(s) URL, or leave empty for the sandbox.")]
    [Display(Name = "Payment page URL")]
    public string? PaymentUrl { get; set; }

    IEnumerable<string?> IProviderSettings.ProviderUrls => [PaymentUrl];

    string? IProviderSettings.ProductionReason => ProductionUrls.OnHost(PaymentUrl, ProductionHosts)
        ? $"its payment page is Mercanet's production page on {ProductionUrls.Host(PaymentUrl)}"
        : null;

    internal MercanetAccount Account() =>
        new(MerchantId ?? "", KeyVersion ?? "1", SecretKey ?? "", MercanetSealAlgorithmNames.Parse(SealAlgorithm),
            EncodeBase64: Encode == MercanetData.Base64Encoding);
}
