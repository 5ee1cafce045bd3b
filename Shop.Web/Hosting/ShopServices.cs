using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Shop.PayModes.Check;
using Shop.PayModes.Core;
using Shop.PayModes.Core.SignatureLab;
using Shop.PayModes.FreeOrder;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Ogone;
using Shop.PayModes.PayPal;
using Shop.PayModes.SystemPay;
using Shop.PayModes.Test;
using Shop.PayModes.Transfer;
using Shop.Web.Admin;
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

        services.AddOptions<ShopOptions>().BindConfiguration("Shop");
        services.AddSingleton<ShopSettingsStore>();
        services.AddSingleton<IShopSettings>(sp => sp.GetRequiredService<ShopSettingsStore>());
        services.AddSingleton(TimeProvider.System);

        var dataDir = DataDirectory(builder);
        var connection = builder.Configuration.GetConnectionString("Shop") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(dataDir, "shop.db")}";
        // Long-lived Blazor circuits need short-lived contexts: always a factory. The timeout is how long a
        // writer waits for SQLite's lock (concurrent notifications queue instead of failing).
        services.AddDbContextFactory<ShopDbContext>(o => o.UseSqlite(connection, sqlite => sqlite.CommandTimeout(30)));
        // Keys live in the database: they survive restarts and every instance shares them (pay-mode secrets are encrypted with them).
        var protection = services.AddDataProtection().SetApplicationName("Shop").PersistKeysToDbContext<ShopDbContext>();
        // Optional: wrap the key ring with a certificate, so a copy of the database alone cannot decrypt the secrets.
        if (builder.Configuration["Shop:KeyProtection:CertificatePath"] is { Length: > 0 } certificate)
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificate, builder.Environment.ContentRootPath), builder.Configuration["Shop:KeyProtection:CertificatePassword"]));

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
        services.AddOptions<StorageOptions>().BindConfiguration("Shop:Storage").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFreeDiskSpace>(new DriveFreeSpace([.. new[] { dataDir, DatabaseDirectory(connection) }.OfType<string>().Distinct()]));
        services.AddSingleton<FreeDiskGuard>();
        services.AddScoped<FulfilmentService>();
        services.AddSingleton<IFulfilmentHandler, DefaultFulfilmentHandler>();
        services.AddScoped<CartState>();
        services.AddAdminServices();
        services.AddSignatureLab();
        services.AddSingleton<ExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiryService>());

        // The pay modes, in their default display order.
        services.AddPayMode<TestPayMode>();
        services.AddPayMode<FreeOrderPayMode>();
        services.AddPayMode<CheckPayMode>();
        services.AddPayMode<TransferPayMode>();
        services.AddPayMode<MercanetPayMode>();
        services.AddPayMode<SystemPayPayMode>();
        services.AddPayMode<OgonePayMode>();
        services.AddPayMode<PayPalPayMode>();
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

    /// <summary>Where the database, keys and logs live: <c>Shop:DataDirectory</c>, else <c>App_Data</c> under the content root.</summary>
    public static string DataDirectory(WebApplicationBuilder builder)
    {
        var dir = builder.Configuration["Shop:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.Combine(builder.Environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
