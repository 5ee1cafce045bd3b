using Microsoft.Extensions.Options;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>The <c>Shop</c> configuration section (docs/interfaces.md).</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";

    public string Name { get; set; } = "Demo Shop";

    /// <summary>On by default, so a fresh install never takes real money by accident.</summary>
    public bool TestMode { get; set; } = true;

    public bool TestOverride { get; set; }

    public string Currency { get; set; } = "EUR";

    public string? PublicBaseUrl { get; set; }

    /// <summary>The pay mode preselected at checkout when it is offered.</summary>
    public string? DefaultPayMode { get; set; }

    public ExpiryOptions Expiry { get; set; } = new();

    public SellerOptions Seller { get; set; } = new();

    /// <summary>Where the database, keys and logs live; empty: see <see cref="DataLocation.Resolve"/>.</summary>
    public string? DataDirectory { get; set; }

    public KeyProtectionOptions KeyProtection { get; set; } = new();

    /// <summary>
    /// The section as configured, validated like the bound options (<see cref="ShopOptionsValidator"/>): for what is needed
    /// before the service container exists (the data directory, the key ring's certificate).
    /// </summary>
    /// <exception cref="OptionsValidationException">A value is invalid; the message names its key.</exception>
    public static ShopOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(Section).Get<ShopOptions>() ?? new ShopOptions();
        var result = new ShopOptionsValidator(contentRoot).Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(ShopOptions), result.Failures) : options;
    }

    /// <summary>The settings a fresh database starts with (afterwards the dashboard is the source of truth).</summary>
    public ShopSettings ToSettings() => new(Name, Currency.ToUpperInvariant(), TestMode, TestOverride, PublicBaseUrl)
    {
        SellerName = Seller.Name,
        SellerAddress = Seller.Address,
        SellerEmail = Seller.Email,
        SellerRegistration = Seller.Registration,
        PlacedExpiry = Expiry.PlacedAfter,
        DeferredExpiry = Expiry.DeferredAfter,
    };
}

/// <summary>
/// The <c>Shop:KeyProtection</c> section: optionally, a PKCS#12 certificate (path relative to the content root) that wraps
/// the data-protection key ring, so a copy of the database alone cannot decrypt the pay modes' secrets.
/// </summary>
public sealed class KeyProtectionOptions
{
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

/// <summary>Who sells: shown to buyers on instructions and receipts.</summary>
public sealed class SellerOptions
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? Registration { get; set; }
}

public sealed class ExpiryOptions
{
    /// <summary>A PLACED bill nobody paid is cancelled after this.</summary>
    public TimeSpan PlacedAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Cheque and transfer bills get longer: the money travels by post or wire.</summary>
    public TimeSpan DeferredAfter { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(5);
}
