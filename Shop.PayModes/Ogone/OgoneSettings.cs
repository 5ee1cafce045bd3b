using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.Ogone;

/// <summary>An Ogone (Ingenico / Worldline e-Commerce) PSPID. Empty <see cref="PaymentUrl"/> means the built-in sandbox in test mode.</summary>
public sealed class OgoneSettings : PayModeSettings, IProviderSettings
{
    /// <summary>
    /// The path of every production e-Commerce page, whatever the host (docs/providers/ogone.md:
    /// <c>https://secure.ogone.com/ncol/prod/orderstandard_utf8.asp</c>); the test pages live under <c>/ncol/test/</c>.
    /// </summary>
    public const string ProductionPath = "/ncol/prod/";

    [Required(ErrorMessage = "Give the PSPID.")]
    [StringLength(30)]
    [Display(Name = "PSPID")]
    public string? PspId { get; set; }

    [Secret]
    [Required(ErrorMessage = "Give the SHA-IN passphrase (Technical information › Data and origin verification).")]
    [Display(Name = "SHA-IN passphrase")]
    public string? ShaInPassphrase { get; set; }

    [Secret]
    [Required(ErrorMessage = "Give the SHA-OUT passphrase (Technical information › Transaction feedback).")]
    [Display(Name = "SHA-OUT passphrase")]
    public string? ShaOutPassphrase { get; set; }

    [Required]
    [RegularExpression("^(SHA-1|SHA-256|SHA-512)$", ErrorMessage = "Choose SHA-1, SHA-256 or SHA-512.")]
    [Display(Name = "Hash algorithm")]
    public string HashAlgorithm { get; set; } = OgoneHashAlgorithmNames.Sha1;

    [Required]
    [RegularExpression("^[a-z]{2}_[A-Z]{2}$", ErrorMessage = "Give a language such as fr_FR or en_US.")]
    [Display(Name = "Page language")]
    public string Language { get; set; } = "fr_FR";

    [RegularExpression(@"^(https?://\S+)?$", ErrorMessage = "Give an http(s) URL, or leave empty for the sandbox.")]
    [Display(Name = "Payment page URL")]
    public string? PaymentUrl { get; set; }

    IEnumerable<string?> IProviderSettings.ProviderUrls => [PaymentUrl];

    string? IProviderSettings.ProductionReason => ProductionUrls.PathContains(PaymentUrl, ProductionPath)
        ? $"its payment page is Ogone's production page ({ProductionPath})"
        : null;

    internal OgoneAccount Account() =>
        new(PspId ?? "", ShaInPassphrase ?? "", ShaOutPassphrase ?? "", OgoneHashAlgorithmNames.Parse(HashAlgorithm), Language);
}
