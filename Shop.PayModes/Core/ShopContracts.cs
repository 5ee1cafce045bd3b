namespace Shop.PayModes.Core;

/// <summary>The shop-wide settings pay modes depend on.</summary>
public sealed record ShopSettings(
    string Name,
    string Currency,
    bool TestMode,
    bool TestOverride,
    string? PublicBaseUrl);

public interface IShopSettings
{
    ShopSettings Current { get; }
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
