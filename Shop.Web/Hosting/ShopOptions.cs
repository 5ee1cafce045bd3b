using Microsoft.Extensions.Options;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>The <c>Shop</c> configuration section (INTERFACES.md).</summary>
public sealed class ShopOptions
{
    public string Name { get; set; } = "Demo Shop";

    /// <summary>On by default, so a fresh install never takes real money by accident.</summary>
    public bool TestMode { get; set; } = true;

    public bool TestOverride { get; set; }

    public string Currency { get; set; } = "EUR";

    public string? PublicBaseUrl { get; set; }

    /// <summary>The pay mode preselected at checkout when it is offered.</summary>
    public string? DefaultPayMode { get; set; }

    public ExpiryOptions Expiry { get; set; } = new();
}

public sealed class ExpiryOptions
{
    /// <summary>A PLACED bill nobody paid is cancelled after this.</summary>
    public TimeSpan PlacedAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Cheque and transfer bills get longer: the money travels by post or wire.</summary>
    public TimeSpan DeferredAfter { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class ShopSettingsProvider(IOptionsMonitor<ShopOptions> options) : IShopSettings
{
    public ShopSettings Current
    {
        get
        {
            var o = options.CurrentValue;
            return new ShopSettings(o.Name, o.Currency.ToUpperInvariant(), o.TestMode, o.TestOverride, o.PublicBaseUrl);
        }
    }
}
