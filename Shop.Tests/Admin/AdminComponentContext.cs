using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.Transfer;
using Shop.Tests.Infrastructure;
using Shop.Web.Admin;
using Shop.Web.Bills;
using Shop.Web.Checkout;
using Shop.Web.Data;

namespace Shop.Tests.Admin;

/// <summary>
/// bUnit context for admin pages: the real stores and queries on an in-memory SQLite database, with
/// check, transfer and the test-only vault mode (which has a secret). Seed through <see cref="Store"/> and
/// <see cref="NewDb"/> before calling <see cref="Ready"/>, which registers everything and freezes the container.
/// </summary>
public abstract class AdminComponentContext : MudTestContext
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected AdminComponentContext()
    {
        _connection.Open();
        var options = new DbContextOptionsBuilder<ShopDbContext>().UseSqlite(_connection).Options;
        Dbs = new PooledDbContextFactory<ShopDbContext>(options);
        using (var db = Dbs.CreateDbContext())
            db.Database.EnsureCreated();
        Registry = new PayModeRegistry([new CheckPayMode(), new TransferPayMode(), new VaultPayMode()]);
        Store = new PayModeSettingsStore(Dbs, Registry, TimeProvider.System, Protection, NullLogger<PayModeSettingsStore>.Instance);
    }

    protected IDbContextFactory<ShopDbContext> Dbs { get; }

    protected PayModeRegistry Registry { get; }

    protected IDataProtectionProvider Protection { get; } = new EphemeralDataProtectionProvider();

    protected PayModeSettingsStore Store { get; }

    protected ShopDbContext NewDb() => Dbs.CreateDbContext();

    protected void Ready()
    {
        Services.AddSingleton(Dbs);
        Services.AddSingleton(Registry);
        Services.AddSingleton(Protection);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IPayModeSettingsStore>(Store);
        Services.AddSingleton<BillEvents>();
        Services.AddScoped<PayModeAdmin>();
        Services.AddScoped<AdminBills>();
        Services.AddScoped<ProductCatalog>();
        Services.AddScoped<ProductAdmin>();
        Interactive();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _connection.Dispose();
    }
}

public sealed class FixedShopSettings(ShopSettings settings) : IShopSettings
{
    public ShopSettings Current => settings;
}
