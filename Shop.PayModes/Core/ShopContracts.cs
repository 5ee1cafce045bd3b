namespace Shop.PayModes.Core;

/// <summary>The shop-wide settings pay modes depend on.</summary>
public sealed record ShopSettings(
    string Name,
    string Currency,
    bool TestMode,
    bool TestOverride,
    string? PublicBaseUrl)
{
    /// <summary>The seller as printed on instructions and receipts (legal name).</summary>
    public string? SellerName { get; init; }

    public string? SellerAddress { get; init; }

    public string? SellerEmail { get; init; }

    /// <summary>Company or VAT registration number.</summary>
    public string? SellerRegistration { get; init; }

    /// <summary>A PLACED bill nobody paid is cancelled after this.</summary>
    public TimeSpan PlacedExpiry { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Cheque and transfer bills wait longer: the money travels by post or wire.</summary>
    public TimeSpan DeferredExpiry { get; init; } = TimeSpan.FromDays(30);
}

public interface IShopSettings
{
    ShopSettings Current { get; }
}

/// <summary>The result of a pay mode's self-check: each line a check with its outcome.</summary>
public sealed record SelfCheckResult(bool Ok, IReadOnlyList<SelfCheckLine> Lines)
{
    public static SelfCheckResult From(IEnumerable<SelfCheckLine> lines)
    {
        var list = lines.ToList();
        return new SelfCheckResult(list.All(l => l.Ok), list);
    }
}

public sealed record SelfCheckLine(string Check, bool Ok, string Detail);

/// <summary>
/// Optional: a pay mode that can check its own configuration offline (e.g. sign a published vector with the
/// stored algorithm, check key formats). The dashboard shows a "self-check" button only for modes implementing it.
/// </summary>
public interface IPayModeSelfCheck
{
    /// <param name="shop">The shop's settings (an empty provider URL is fine while the shop is in test mode).</param>
    SelfCheckResult Run(PayModeSettings settings, ShopSettings shop);
}

/// <summary>A pay mode's stored configuration: on/off, display order, default flag and its settings.</summary>
public sealed record PayModeConfig(string Code, bool Enabled, int SortOrder, bool IsDefault, PayModeSettings Settings);

/// <summary>Where pay-mode settings live (the web project stores them in the database).</summary>
public interface IPayModeSettingsStore
{
    /// <summary>One configuration per registered pay mode, in display order.</summary>
    Task<IReadOnlyList<PayModeConfig>> GetAllAsync(CancellationToken ct = default);

    Task<PayModeConfig> GetAsync(string code, CancellationToken ct = default);

    Task SaveAsync(PayModeConfig config, CancellationToken ct = default);
}

public static class PayModeSettingsStoreExtensions
{
    public static async Task<TSettings> GetSettingsAsync<TSettings>(this IPayModeSettingsStore store, string code, CancellationToken ct = default)
        where TSettings : PayModeSettings => (TSettings)(await store.GetAsync(code, ct)).Settings;
}
