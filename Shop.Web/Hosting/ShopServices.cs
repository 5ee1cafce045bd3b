using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Shop.PayModes;
using Shop.PayModes.Core;
using Shop.Web.Admin;
using Shop.Web.Api;
using Shop.Web.Bills;
using Shop.Web.Checkout;
using Shop.Web.Data;
using Shop.Web.Fulfilment;

namespace Shop.Web.Hosting;

public static class ShopServices
{
    public static WebApplicationBuilder AddShopServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        builder.AddShopIdentity();
        builder.AddHostTrust();

        // Read once before the container exists (the data directory, the key ring), validated like the bound options.
        var configured = ShopOptions.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddOptions<ShopOptions>().BindConfiguration(ShopOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShopOptions>>(sp =>
            new ShopOptionsValidator(builder.Environment.ContentRootPath, sp.GetRequiredService<PayModeRegistry>()));
        services.AddSingleton<ShopSettingsStore>();
        services.AddSingleton<IShopSettings>(sp => sp.GetRequiredService<ShopSettingsStore>());
        services.AddSingleton(TimeProvider.System);

        var location = DataLocationOf(builder);
        services.AddSingleton(location);
        var dataDir = location.Path;
        var connection = builder.Configuration.GetConnectionString("Shop") is { Length: > 0 } configuredConnection
            ? configuredConnection
            : $"Data Source={Path.Combine(dataDir, "shop.db")}";
        // Long-lived Blazor circuits need short-lived contexts: always a factory. The timeout is how long a
        // writer waits for SQLite's lock (concurrent notifications queue instead of failing).
        services.AddDbContextFactory<ShopDbContext>(o => o.UseSqlite(connection, sqlite => sqlite.CommandTimeout(30)));
        services.AddSingleton<IShopWriter, TransactionPerWrite>();
        // Keys live in the database: they survive restarts and every instance shares them (pay-mode secrets are encrypted with them).
        var protection = services.AddDataProtection().SetApplicationName("Shop").PersistKeysToDbContext<ShopDbContext>();
        // Optional: wrap the key ring with a certificate, so a copy of the database alone cannot decrypt the secrets.
        if (configured.KeyProtection.CertificatePath is { Length: > 0 } certificate)
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificate, builder.Environment.ContentRootPath), configured.KeyProtection.CertificatePassword));

        services.AddSingleton(sp => DatabaseSetup.LoadStateMachine(sp));
        services.AddSingleton<BillEvents>();
        services.AddBillServices();
        services.AddScoped<INotificationJournal, NotificationJournal>();
        services.AddHostedService<UnjudgedNotifications>();
        services.AddScoped<JournalArchive>();
        services.AddScoped<IPayModeSettingsStore, PayModeSettingsStore>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<ProductCatalog>();
        services.AddSingleton<CheckoutGate>();
        services.AddShopRateLimits();
        services.AddShopHealthChecks();
        services.AddOptions<StorageOptions>().BindConfiguration("Shop:Storage").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFreeDiskSpace>(new DriveFreeSpace([.. new[] { dataDir, DatabaseDirectory(connection) }.OfType<string>().Distinct()]));
        services.AddSingleton<FreeDiskGuard>();
        services.AddScoped<FulfilmentService>();
        services.AddSingleton<IFulfilmentHandler, DefaultFulfilmentHandler>();
        services.AddScoped<CartState>();
        services.AddAdminServices();
        services.AddSingleton<ExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiryService>());

        // The pay modes, in their default display order, each with what it brings (signature lab, sandbox...).
        services.AddBuiltInPayModes();
        return builder;
    }

    /// <summary>The folder of a SQLite database file, or null (in memory, or not a file).</summary>
    private static string? DatabaseDirectory(string connection)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
        return file is { Length: > 0 } && file != ":memory:" && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? Path.GetDirectoryName(Path.GetFullPath(file))
            : null;
    }

    /// <summary>Where the database, keys and logs live (<see cref="DataLocation.Resolve"/>), created if missing.</summary>
    public static string DataDirectory(WebApplicationBuilder builder) => DataLocationOf(builder).Path;

    public static DataLocation DataLocationOf(WebApplicationBuilder builder)
    {
        var root = builder.Environment.ContentRootPath;
        var location = DataLocation.Resolve(ShopOptions.FromConfiguration(builder.Configuration, root).DataDirectory, root,
            AppContext.BaseDirectory, DataLocation.UserDataFolder());
        Directory.CreateDirectory(location.Path);
        return location;
    }
}
