using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;
using Shop.Web.Hosting;

namespace Shop.Web.Data;

/// <summary>Start-up work on the database: migrate, seed the shop settings, the demo catalogue and pay modes from configuration.</summary>
public static class DatabaseSetup
{
    public static async Task InitializeAsync(IServiceProvider root, CancellationToken ct = default)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var dbs = services.GetRequiredService<IDbContextFactory<ShopDbContext>>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets the status pages read while a notification writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
        await services.GetRequiredService<ShopSettingsStore>().SeedAsync(ct);
        await SeedCatalogueAsync(db, services.GetRequiredService<IOptions<ShopOptions>>().Value, ct);
        await SeedPayModesAsync(db, services, ct);
    }

    private static async Task SeedCatalogueAsync(ShopDbContext db, ShopOptions options, CancellationToken ct)
    {
        if (await db.Products.AnyAsync(ct))
            return;
        var currency = options.Currency.ToUpperInvariant();
        db.Products.AddRange(
            new Product { Sku = "MUG-001", Name = "Enamel camping mug", Description = "White enamel, blue rim, 350 ml.", Price = 1499, Currency = currency },
            new Product { Sku = "TEE-002", Name = "Organic cotton T-shirt", Description = "Heavyweight, garment-dyed, unisex fit.", Price = 2499, Currency = currency },
            new Product { Sku = "NOTE-003", Name = "Dot-grid notebook", Description = "A5, 160 pages, lay-flat binding.", Price = 1999, Currency = currency },
            new Product { Sku = "TOTE-004", Name = "Canvas tote bag", Description = "12 oz canvas with an inner pocket.", Price = 1850, Currency = currency },
            new Product { Sku = "GUIDE-005", Name = "Care guide (PDF)", Description = "Free download: how to look after your things.", Price = 0, Currency = currency });
        await db.SaveChangesAsync(ct);
    }

    /// <summary><c>PayModes:&lt;code&gt;:*</c> seeds a pay mode once; afterwards the database is the source of truth.</summary>
    private static async Task SeedPayModesAsync(ShopDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var registry = services.GetRequiredService<PayModeRegistry>();
        var store = services.GetRequiredService<IPayModeSettingsStore>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var existing = await db.PayModeSettings.Select(r => r.Code).ToListAsync(ct);
        var defaultMode = services.GetRequiredService<IOptions<ShopOptions>>().Value.DefaultPayMode;
        for (var index = 0; index < registry.All.Count; index++)
        {
            var mode = registry.All[index];
            if (existing.Contains(mode.Code))
                continue;
            var section = configuration.GetSection($"PayModes:{mode.Code}");
            var settings = mode.CreateDefaultSettings();
            section.Bind(settings);
            await store.SaveAsync(new PayModeConfig(mode.Code, section.GetValue("Enabled", false), index,
                string.Equals(defaultMode, mode.Code, StringComparison.Ordinal), settings), ct);
        }
    }

    /// <summary>The transition table as stored (seeded by the migration from <see cref="BillStateMachine.DefaultEdges"/>).</summary>
    public static BillStateMachine LoadStateMachine(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContext();
        var edges = db.BillTransitions.AsNoTracking().AsEnumerable().Select(t => new BillTransitionEdge(t.FromState, t.ToState)).ToList();
        return edges.Count > 0 ? new BillStateMachine(edges) : BillStateMachine.Default;
    }
}
