using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.Mercanet;

/// <summary>A Mercanet (Sips 2.0) merchant account. Empty <see cref="PaymentUrl"/> means the built-in sandbox in test mode.</summary>
public sealed class MercanetSettings : PayModeSettings
{
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

    /// <summary>The <c>Encode</c> field (§4.1): empty posts Data as plain text, <c>base64</c> posts it Base64-encoded (sealed as posted).</summary>
    [RegularExpression("^(base64)?$", ErrorMessage = "Choose base64, or leave empty for plain Data.")]
    [Display(Name = "Data encoding")]
    public string? Encode { get; set; } = "";

    [RegularExpression(@"^(https?://\S+)?$", ErrorMessage = "Give an http(s) URL, or leave empty for the sandbox.")]
    [Display(Name = "Payment page URL")]
    public string? PaymentUrl { get; set; }

    internal MercanetAccount Account() =>
        new(MerchantId ?? "", KeyVersion ?? "1", SecretKey ?? "", MercanetSealAlgorithmNames.Parse(SealAlgorithm),
            EncodeBase64: Encode == MercanetData.Base64Encoding);
}
