using System.ComponentModel.DataAnnotations;

namespace Shop.PayModes.Core;

/// <summary>
/// Base of every pay mode's settings. Plain mutable properties with data annotations, so the
/// same object binds to a settings form and validates on the server.
/// Secret properties carry <see cref="SecretAttribute"/>.
/// </summary>
public abstract class PayModeSettings : IValidatableObject
{
    /// <summary>Smallest order total (minor units) this mode accepts; empty for no minimum.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The minimum amount cannot be negative.")]
    [Display(Name = "Minimum order amount (cents)")]
    public long? MinimumAmount { get; set; }

    /// <summary>Largest order total (minor units) this mode accepts; empty for no maximum.</summary>
    [Range(0, long.MaxValue, ErrorMessage = "The maximum amount cannot be negative.")]
    [Display(Name = "Maximum order amount (cents)")]
    public long? MaximumAmount { get; set; }

    /// <summary>Comma-separated ISO codes; empty means every currency.</summary>
    [Display(Name = "Allowed currencies")]
    [RegularExpression(@"^\s*([A-Za-z]{3}\s*(,\s*[A-Za-z]{3}\s*)*)?$", ErrorMessage = "Give ISO codes separated by commas, e.g. EUR, CHF.")]
    public string? AllowedCurrencies { get; set; }

    public IReadOnlyList<ValidationResult> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return results;
    }

    public bool IsValid => Validate().Count == 0;

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinimumAmount is { } min && MaximumAmount is { } max && min > max)
            yield return new ValidationResult("The minimum amount is above the maximum.", [nameof(MinimumAmount), nameof(MaximumAmount)]);
    }

    /// <summary>The refusal of the amount and currency rules, or null when they allow the order.</summary>
    public string? AmountRule(OfferContext context)
    {
        if (MinimumAmount is { } min && context.Total < min)
            return $"Orders below {Money.Format(min, context.Currency)} cannot use this mode.";
        if (MaximumAmount is { } max && context.Total > max)
            return $"Orders above {Money.Format(max, context.Currency)} cannot use this mode.";
        var allowed = (AllowedCurrencies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (allowed.Length > 0 && !allowed.Contains(context.Currency, StringComparer.OrdinalIgnoreCase))
            return $"This mode does not accept {context.Currency}.";
        return null;
    }

    /// <summary>A copy to change without touching the stored settings (they hold only strings and numbers).</summary>
    internal PayModeSettings Copy() => (PayModeSettings)MemberwiseClone();
}

/// <summary>A write-only setting: encrypted at rest, never shown back, blank keeps the old value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
