using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Admin;

/// <summary>A pay mode as the dashboard lists it. <see cref="Problems"/> is empty when its settings are valid;
/// <see cref="World"/> says where a provider mode's payments go (null for a mode without a provider).</summary>
public sealed record PayModeOverview(IPayMode Mode, PayModeConfig Config, IReadOnlyList<string> Problems, ProviderWorld? World = null)
{
    public bool Configured => Problems.Count == 0;

    public bool HasSelfCheck => Mode is IPayModeSelfCheck;
}

/// <summary>A pay mode's settings ready for its form: secrets blanked (never sent to the browser), with their status.</summary>
public sealed record PayModeEditing(IPayMode Mode, PayModeConfig Config, PayModeSettings FormSettings, IReadOnlyDictionary<string, string> Secrets);

/// <summary>The write side of the pay modes page: on/off, display order, the default mode, settings.</summary>
public sealed class PayModeAdmin(PayModeRegistry registry, IPayModeSettingsStore store, IShopSettings shop)
{
    public async Task<IReadOnlyList<PayModeOverview>> ListAsync(CancellationToken ct = default) =>
        [.. (await store.GetAllAsync(ct)).Where(c => registry.Find(c.Code) is not null)
            .Select(c => new PayModeOverview(registry.Find(c.Code)!, c, [.. c.Settings.Validate().Select(r => r.ErrorMessage ?? "invalid")],
                ProviderWorld.OfAny(c.Settings, shop.Current.TestMode)))];

    public async Task SetEnabledAsync(string code, bool enabled, CancellationToken ct = default)
    {
        var config = await store.GetAsync(code, ct);
        await store.SaveAsync(Keep(config) with { Enabled = enabled }, ct);
    }

    /// <summary>The mode preselected at checkout; only one mode is the default.</summary>
    public async Task SetDefaultAsync(string code, CancellationToken ct = default)
    {
        var config = await store.GetAsync(code, ct);
        await store.SaveAsync(Keep(config) with { IsDefault = true }, ct);
    }

    /// <summary>Moves a mode one place up (-1) or down (+1) in the display order, renumbering them all 0..n.</summary>
    public async Task MoveAsync(string code, int offset, CancellationToken ct = default)
    {
        var ordered = (await store.GetAllAsync(ct)).ToList();
        var index = ordered.FindIndex(c => c.Code == code);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= ordered.Count)
            return;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
            if (ordered[i].SortOrder != i)
                await store.SaveAsync(Keep(ordered[i]) with { SortOrder = i }, ct);
    }

    public async Task<PayModeEditing?> EditAsync(string code, CancellationToken ct = default)
    {
        if (registry.Find(code) is not { } mode)
            return null;
        var config = await store.GetAsync(code, ct);
        return new PayModeEditing(mode, config, PayModeSecrets.Redacted(config.Settings), PayModeSecrets.Describe(config.Settings));
    }

    /// <summary>Saves settings from the form: blank secrets keep the stored ones (the store merges them).</summary>
    public async Task SaveSettingsAsync(string code, PayModeSettings settings, CancellationToken ct = default)
    {
        var config = await store.GetAsync(code, ct);
        await store.SaveAsync(config with { Settings = settings }, ct);
    }

    public async Task<SelfCheckResult?> SelfCheckAsync(string code, CancellationToken ct = default)
    {
        if (registry.Find(code) is not IPayModeSelfCheck check)
            return null;
        return check.Run((await store.GetAsync(code, ct)).Settings, shop.Current);
    }

    /// <summary>The stored settings with their secrets blank: saving them back keeps every secret as it is,
    /// and no clear secret travels further than the store.</summary>
    private static PayModeConfig Keep(PayModeConfig config) => config with { Settings = PayModeSecrets.Redacted(config.Settings) };
}
