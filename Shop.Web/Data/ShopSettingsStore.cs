using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;
using Shop.Web.Hosting;

namespace Shop.Web.Data;

/// <summary>
/// The shop-wide settings, stored as key-value rows. The <c>Shop</c> configuration section seeds them, and a
/// configured value that later changes (say <c>--Shop:TestMode=false</c> on the next start) is applied again;
/// otherwise the dashboard is the source of truth and its edits survive restarts. Reads are served from a cache that a save invalidates
/// (and that expires after <see cref="CacheFor"/>, so a save made by another instance shows up here too).
/// </summary>
public sealed class ShopSettingsStore(IDbContextFactory<ShopDbContext> dbs, IOptionsMonitor<ShopOptions> options, TimeProvider clock) : IShopSettings
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record Cached(ShopSettings Settings, DateTimeOffset Until);

    private volatile Cached? _cached;

    public ShopSettings Current => _cached is { } cached && clock.GetUtcNow() < cached.Until ? cached.Settings : Load();

    /// <summary>Raised after a save, so open pages (the test-mode banner) refresh.</summary>
    public event Action? Changed;

    public async Task SaveAsync(ShopSettings settings, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await WriteAsync(db, settings, ct);
        _cached = null;
        Changed?.Invoke();
    }

    /// <summary>Writes each configured value the database has not seen yet: all of them on a fresh install,
    /// then only those whose configuration changed since the last start. Each configured value is remembered
    /// under <c>Configured:&lt;key&gt;</c>.</summary>
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.ShopSettings.ToDictionaryAsync(r => r.Key, ct);
        var changed = new Dictionary<string, string?>();
        foreach (var (key, value) in Values(options.CurrentValue.ToSettings()))
        {
            var seen = rows.GetValueOrDefault(ConfiguredPrefix + key);
            if (seen is null && rows.ContainsKey(key))
                changed[ConfiguredPrefix + key] = value;          // stored before configured values were remembered: keep the stored one
            else if (seen is null || seen.Value != value)
                (changed[key], changed[ConfiguredPrefix + key]) = (value, value);
        }
        if (changed.Count == 0)
            return;
        await UpsertAsync(db, rows, changed, ct);
        _cached = null;
    }

    private const string ConfiguredPrefix = "Configured:";

    private ShopSettings Load()
    {
        using var db = dbs.CreateDbContext();
        var rows = db.ShopSettings.AsNoTracking().ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        if (rows.Count == 0)
            return options.CurrentValue.ToSettings();   // not seeded yet: do not cache
        var fallback = options.CurrentValue.ToSettings();
        string? Text(string key, string? otherwise) => rows.TryGetValue(key, out var v) ? v : otherwise;
        bool Flag(string key, bool otherwise) => rows.TryGetValue(key, out var v) && bool.TryParse(v, out var b) ? b : otherwise;
        TimeSpan Delay(string key, TimeSpan otherwise) =>
            rows.TryGetValue(key, out var v) && TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) ? t : otherwise;

        var settings = new ShopSettings(
            Text(Keys.Name, fallback.Name) ?? fallback.Name,
            (Text(Keys.Currency, fallback.Currency) ?? fallback.Currency).ToUpperInvariant(),
            Flag(Keys.TestMode, fallback.TestMode),
            Flag(Keys.TestOverride, fallback.TestOverride),
            Text(Keys.PublicBaseUrl, fallback.PublicBaseUrl))
        {
            SellerName = Text(Keys.SellerName, fallback.SellerName),
            SellerAddress = Text(Keys.SellerAddress, fallback.SellerAddress),
            SellerEmail = Text(Keys.SellerEmail, fallback.SellerEmail),
            SellerRegistration = Text(Keys.SellerRegistration, fallback.SellerRegistration),
            PlacedExpiry = Delay(Keys.PlacedExpiry, fallback.PlacedExpiry),
            DeferredExpiry = Delay(Keys.DeferredExpiry, fallback.DeferredExpiry),
        };
        _cached = new Cached(settings, clock.GetUtcNow() + CacheFor);
        return settings;
    }

    private async Task WriteAsync(ShopDbContext db, ShopSettings s, CancellationToken ct) =>
        await UpsertAsync(db, await db.ShopSettings.ToDictionaryAsync(r => r.Key, ct), Values(s), ct);

    private static Dictionary<string, string?> Values(ShopSettings s) => new()
    {
        [Keys.Name] = s.Name,
        [Keys.Currency] = s.Currency.ToUpperInvariant(),
        [Keys.TestMode] = s.TestMode.ToString(CultureInfo.InvariantCulture),
        [Keys.TestOverride] = s.TestOverride.ToString(CultureInfo.InvariantCulture),
        [Keys.PublicBaseUrl] = Blank(s.PublicBaseUrl),
        [Keys.SellerName] = Blank(s.SellerName),
        [Keys.SellerAddress] = Blank(s.SellerAddress),
        [Keys.SellerEmail] = Blank(s.SellerEmail),
        [Keys.SellerRegistration] = Blank(s.SellerRegistration),
        [Keys.PlacedExpiry] = s.PlacedExpiry.ToString("c", CultureInfo.InvariantCulture),
        [Keys.DeferredExpiry] = s.DeferredExpiry.ToString("c", CultureInfo.InvariantCulture),
    };

    private async Task UpsertAsync(ShopDbContext db, Dictionary<string, ShopSettingRow> rows, Dictionary<string, string?> values, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in values)
        {
            if (!rows.TryGetValue(key, out var row))
                db.ShopSettings.Add(row = new ShopSettingRow { Key = key });
            row.Value = value;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static class Keys
    {
        public const string Name = "Name";
        public const string Currency = "Currency";
        public const string TestMode = "TestMode";
        public const string TestOverride = "TestOverride";
        public const string PublicBaseUrl = "PublicBaseUrl";
        public const string SellerName = "Seller:Name";
        public const string SellerAddress = "Seller:Address";
        public const string SellerEmail = "Seller:Email";
        public const string SellerRegistration = "Seller:Registration";
        public const string PlacedExpiry = "Expiry:PlacedAfter";
        public const string DeferredExpiry = "Expiry:DeferredAfter";
    }
}
