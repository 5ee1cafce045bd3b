using System.ComponentModel.DataAnnotations;
using Shop.PayModes.Core;

namespace Shop.Web.Admin;

/// <summary>The shop settings as the dashboard edits them (delays in friendly units).</summary>
public sealed class ShopSettingsForm : IValidatableObject
{
    [Required(ErrorMessage = "Give the shop's name."), StringLength(80)]
    public string Name { get; set; } = "";

    [Required]
    public string Currency { get; set; } = "EUR";

    public bool TestMode { get; set; }

    public bool TestOverride { get; set; }

    /// <summary>A cleared field is no URL (null), not an invalid one.</summary>
    [Url(ErrorMessage = "Give an absolute URL, e.g. https://shop.example.com."), StringLength(200)]
    public string? PublicBaseUrl { get => _publicBaseUrl; set => _publicBaseUrl = string.IsNullOrWhiteSpace(value) ? null : value; }

    private string? _publicBaseUrl;

    public string? DefaultPayMode { get; set; }

    [StringLength(120)]
    public string? SellerName { get; set; }

    [StringLength(400)]
    public string? SellerAddress { get; set; }

    [EmailAddress(ErrorMessage = "This is not an e-mail address."), StringLength(200)]
    public string? SellerEmail { get; set; }

    [StringLength(60)]
    public string? SellerRegistration { get; set; }

    [Range(5, 60 * 24 * 30, ErrorMessage = "Between 5 minutes and 30 days (43200 minutes).")]
    public int PlacedExpiryMinutes { get; set; } = 120;

    [Range(1, 365, ErrorMessage = "Between 1 and 365 days.")]
    public int DeferredExpiryDays { get; set; } = 30;

    public static ShopSettingsForm From(ShopSettings s, string? defaultPayMode) => new()
    {
        Name = s.Name, Currency = s.Currency, TestMode = s.TestMode, TestOverride = s.TestOverride, PublicBaseUrl = s.PublicBaseUrl,
        DefaultPayMode = defaultPayMode, SellerName = s.SellerName, SellerAddress = s.SellerAddress, SellerEmail = s.SellerEmail,
        SellerRegistration = s.SellerRegistration,
        PlacedExpiryMinutes = (int)Math.Round(s.PlacedExpiry.TotalMinutes), DeferredExpiryDays = (int)Math.Round(s.DeferredExpiry.TotalDays),
    };

    public ShopSettings ToSettings() => new(Name.Trim(), Currency.ToUpperInvariant(), TestMode, TestOverride, PublicBaseUrl?.Trim().TrimEnd('/'))
    {
        SellerName = SellerName, SellerAddress = SellerAddress, SellerEmail = SellerEmail, SellerRegistration = SellerRegistration,
        PlacedExpiry = TimeSpan.FromMinutes(PlacedExpiryMinutes), DeferredExpiry = TimeSpan.FromDays(DeferredExpiryDays),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CurrencyInfo.IsKnown(Currency))
            yield return new ValidationResult($"The shop does not know the currency {Currency}.", [nameof(Currency)]);
        if (PublicBaseUrl is { Length: > 0 } url && !(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            yield return new ValidationResult("The public URL starts with http:// or https://.", [nameof(PublicBaseUrl)]);
        // Outside test mode every return and notification URL is built on it (and the shop would not start again without it).
        if (!TestMode && string.IsNullOrWhiteSpace(PublicBaseUrl))
            yield return new ValidationResult("Set the public base URL before turning test mode off: providers send buyers back to it and notify it.",
                [nameof(PublicBaseUrl)]);
    }
}
