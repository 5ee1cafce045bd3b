using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;

namespace Shop.Web.Data;

/// <summary>Pay-mode configuration in the database, each mode's settings as JSON of its own settings type.</summary>
public sealed class PayModeSettingsStore(IDbContextFactory<ShopDbContext> dbs, PayModeRegistry registry, TimeProvider clock) : IPayModeSettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<PayModeConfig>> GetAllAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.PayModeSettings.AsNoTracking().ToDictionaryAsync(r => r.Code, ct);
        return [.. registry.All
            .Select((mode, index) => rows.TryGetValue(mode.Code, out var row) ? ToConfig(mode, row) : Fresh(mode, index))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal)];
    }

    public async Task<PayModeConfig> GetAsync(string code, CancellationToken ct = default)
    {
        var mode = registry.Find(code) ?? throw new ArgumentException($"There is no pay mode '{code}'.", nameof(code));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.PayModeSettings.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct);
        return row is null ? Fresh(mode, registry.All.ToList().IndexOf(mode)) : ToConfig(mode, row);
    }

    public async Task SaveAsync(PayModeConfig config, CancellationToken ct = default)
    {
        var mode = registry.Find(config.Code) ?? throw new ArgumentException($"There is no pay mode '{config.Code}'.", nameof(config));
        if (config.Settings.GetType() != mode.SettingsType)
            throw new ArgumentException($"Settings of {config.Code} must be {mode.SettingsType.Name}.", nameof(config));
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.PayModeSettings.SingleOrDefaultAsync(r => r.Code == config.Code, ct);
        if (row is null)
            db.PayModeSettings.Add(row = new PayModeSettingRow { Code = config.Code });
        if (config.IsDefault)
            await db.PayModeSettings.Where(r => r.Code != config.Code).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsDefault, false), ct);
        row.Enabled = config.Enabled;
        row.SortOrder = config.SortOrder;
        row.IsDefault = config.IsDefault;
        row.SettingsJson = JsonSerializer.Serialize(config.Settings, mode.SettingsType, Json);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static PayModeConfig ToConfig(IPayMode mode, PayModeSettingRow row) =>
        new(row.Code, row.Enabled, row.SortOrder, row.IsDefault,
            (PayModeSettings?)JsonSerializer.Deserialize(row.SettingsJson, mode.SettingsType, Json) ?? mode.CreateDefaultSettings());

    private static PayModeConfig Fresh(IPayMode mode, int index) => new(mode.Code, false, index, false, mode.CreateDefaultSettings());
}
