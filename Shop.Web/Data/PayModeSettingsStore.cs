using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;

namespace Shop.Web.Data;

/// <summary>
/// Pay-mode configuration in the database, each mode's settings as JSON of its own settings type.
/// Secret properties (<see cref="SecretAttribute"/>) are encrypted inside that JSON with Data Protection
/// (keys in the same database); saving a blank secret keeps the stored one (docs/pay-modes.md, rule 8).
/// </summary>
public sealed class PayModeSettingsStore(
    IDbContextFactory<ShopDbContext> dbs,
    PayModeRegistry registry,
    TimeProvider clock,
    IDataProtectionProvider protection,
    ILogger<PayModeSettingsStore> logger) : IPayModeSettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Marks an encrypted value in the stored JSON (anything else is a legacy clear value).</summary>
    public const string EncryptedPrefix = "dp1:";

    private readonly IDataProtector _protector = protection.CreateProtector("Shop.PayModes.Settings.Secrets.v1");

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
        // Encrypt before the transaction: the first encryption may create a Data Protection key, which is
        // written to this same database and would otherwise wait on our own write lock.
        var encrypted = EncryptSecrets(mode, config.Settings);
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
        row.SettingsJson = Seal(mode, config.Settings, encrypted, row.SettingsJson);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private PayModeConfig ToConfig(IPayMode mode, PayModeSettingRow row) =>
        new(row.Code, row.Enabled, row.SortOrder, row.IsDefault, Open(mode, row.SettingsJson));

    /// <summary>Property name → stored form of each secret given a new value (secrets to keep are absent).</summary>
    private Dictionary<string, string> EncryptSecrets(IPayMode mode, PayModeSettings settings) =>
        PayModeSecrets.Of(mode.SettingsType)
            .Select(p => (p.Name, Clear: (string?)p.GetValue(settings)))
            .Where(s => !SecretValues.KeepsStored(s.Clear))
            .ToDictionary(s => s.Name, s => EncryptedPrefix + _protector.Protect(s.Clear!), StringComparer.Ordinal);

    /// <summary>The settings as stored: new secrets encrypted; a blank secret (or its kept marker) keeps the one in <paramref name="previousJson"/>.</summary>
    private static string Seal(IPayMode mode, PayModeSettings settings, Dictionary<string, string> encrypted, string? previousJson)
    {
        var json = JsonSerializer.SerializeToNode(settings, mode.SettingsType, Json)!.AsObject();
        var previous = ParseObject(previousJson);
        foreach (var property in PayModeSecrets.Of(mode.SettingsType))
        {
            var name = JsonName(property.Name);
            json[name] = encrypted.TryGetValue(property.Name, out var sealedValue) ? sealedValue : previous?[name]?.DeepClone();
        }
        return json.ToJsonString(Json);
    }

    private PayModeSettings Open(IPayMode mode, string storedJson)
    {
        var json = ParseObject(storedJson);
        if (json is null)
            return mode.CreateDefaultSettings();
        foreach (var property in PayModeSecrets.Of(mode.SettingsType))
        {
            var name = JsonName(property.Name);
            if (json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith(EncryptedPrefix, StringComparison.Ordinal))
                json[name] = Unprotect(mode.Code, property.Name, text[EncryptedPrefix.Length..]);
        }
        return (PayModeSettings?)json.Deserialize(mode.SettingsType, Json) ?? mode.CreateDefaultSettings();
    }

    private string? Unprotect(string code, string setting, string protectedText)
    {
        try
        {
            return _protector.Unprotect(protectedText);
        }
        catch (CryptographicException)
        {
            // The key ring lost the key (database restored without its keys): the admin must enter it again.
            logger.LogError("The stored {Setting} of pay mode {PayMode} cannot be decrypted; enter it again in the dashboard", setting, code);
            return null;
        }
    }

    private static JsonObject? ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        return JsonNode.Parse(json) as JsonObject;
    }

    private static string JsonName(string propertyName) => Json.PropertyNamingPolicy?.ConvertName(propertyName) ?? propertyName;

    private static PayModeConfig Fresh(IPayMode mode, int index) => new(mode.Code, false, index, false, mode.CreateDefaultSettings());
}
