using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.Transfer;

public sealed class TransferSettings : PayModeSettings
{
    [Required(ErrorMessage = "Give the account holder's name.")]
    [StringLength(120)]
    [Display(Name = "Account holder")]
    public string? AccountHolder { get; set; }

    [Required(ErrorMessage = "Give the IBAN buyers wire to.")]
    [Iban]
    public string? Iban { get; set; }

    [Required(ErrorMessage = "Give the bank's BIC.")]
    [RegularExpression(@"^\s*[A-Za-z]{4}[A-Za-z]{2}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?\s*$", ErrorMessage = "A BIC has 8 or 11 characters, e.g. BNPAFRPPXXX.")]
    [Display(Name = "BIC")]
    public string? Bic { get; set; }

    [Required(ErrorMessage = "Give the bank's name.")]
    [StringLength(120)]
    [Display(Name = "Bank name")]
    public string? BankName { get; set; }
}
