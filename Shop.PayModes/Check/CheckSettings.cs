using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.PayModes.Check;

public sealed class CheckSettings : PayModeSettings
{
    [Required(ErrorMessage = "Say to whom cheques are payable.")]
    [StringLength(120)]
    [Display(Name = "Payable to")]
    public string? PayableTo { get; set; }

    [Required(ErrorMessage = "Give the address cheques are mailed to.")]
    [StringLength(500)]
    [Display(Name = "Mailing address")]
    public string? MailingAddress { get; set; }
}
