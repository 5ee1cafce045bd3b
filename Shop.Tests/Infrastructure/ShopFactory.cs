using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Conformance.ProbeMode;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// The real shop on its own SQLite file in a temporary folder. Settings are given per factory, so each
/// test class can run the shop in the configuration it needs (test mode off, override on, ...).
/// </summary>
public class ShopFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ShopFactory() : this(new Dictionary<string, string?>())
    {
    }

    public ShopFactory(IDictionary<string, string?> settings)
    {
        DataDirectory = Directory.CreateTempSubdirectory("shop-test-").FullName;
        _ownsDataDirectory = true;
        _settings = new(settings);
    }

    /// <summary>The shop on an existing data directory (a restart), which it leaves in place when disposed.</summary>
    public ShopFactory(IDictionary<string, string?> settings, string dataDirectory)
    {
        DataDirectory = dataDirectory;
        _settings = new(settings);
    }

    private readonly bool _ownsDataDirectory;

    public string DataDirectory { get; }

    /// <summary>Every per-client limit of <c>Shop:RateLimits</c> off: tests send far more than a client would. Tests of the limits set them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> NoRateLimits = new Dictionary<string, string?>
    {
        ["Shop:RateLimits:Checkout"] = "0",
        ["Shop:RateLimits:Notify"] = "0",
        ["Shop:RateLimits:SignIn"] = "0",
        ["Shop:RateLimits:Sandbox"] = "0",
        ["Shop:RateLimits:Handover"] = "0",
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The shop's own address, as a real deployment configures it (the in-memory server answers as localhost);
    /// a test of the fallback to the listening address sets <c>Shop:PublicBaseUrl</c> to "" in its settings.</summary>
    protected virtual string DefaultPublicBaseUrl => "http://localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Shop:DataDirectory", DataDirectory);
        builder.UseSetting("Shop:PublicBaseUrl", DefaultPublicBaseUrl);
        builder.UseSetting("Shop:Expiry:SweepEvery", "01:00:00");
        foreach (var (key, value) in NoRateLimits.Where(limit => !_settings.ContainsKey(limit.Key)))
            builder.UseSetting(key, value);
        // A null value leaves the key unset: the shop's own default applies.
        foreach (var (key, value) in _settings.Where(setting => setting.Value is not null))
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddPayMode<ProbePayMode>());
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="action"/> with a fresh DI scope (scoped services like BillService).</summary>
    public async Task<TResult> InScopeAsync<TResult>(Func<IServiceProvider, Task<TResult>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDirectory)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file for a moment: the OS cleans temp */ }
        }
    }
}

/// <summary>The shop on a real socket (Kestrel on 127.0.0.1), for browser tests.</summary>
public class KestrelShopFactory : ShopFactory
{
    private readonly int _port = FreePort();

    public KestrelShopFactory() : this(new Dictionary<string, string?>())
    {
    }

    // Kestrel bound to port 0 does not report its address back through the factory here, so pick a free port first.
    public KestrelShopFactory(IDictionary<string, string?> settings) : base(settings) =>
        UseKestrel(o => o.Listen(IPAddress.Loopback, _port));

    /// <summary>The address the browser uses: the shop hands out URLs on it.</summary>
    protected override string DefaultPublicBaseUrl => $"http://127.0.0.1:{_port}";

    public string BaseUrl
    {
        get
        {
            StartServer();
            WaitUntilListening();
            return $"http://127.0.0.1:{_port}";
        }
    }

    /// <summary>The app binds Kestrel on its own thread after its start-up work (migrations), so StartServer can return first.</summary>
    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var probe = new TcpClient(AddressFamily.InterNetwork);
                probe.Connect(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
