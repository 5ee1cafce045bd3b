using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core.Sandbox;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Providers;

/// <summary>The accounts the provider tests enable (public simulation credentials and the spec's vector keys).</summary>
public static class ProviderAccounts
{
    public const string MercanetMerchant = "002001000000001";
    public const string MercanetKey = "002001000000001_KEY1";
    public const string SystemPaySite = "12345678";
    public const string SystemPayTestKey = "1122334455667788";
    public const string OgonePspId = "MyPSPID";
    public const string OgoneShaIn = "Mysecretsig1875!?";
    // Different from SHA-IN, so that mixing the two up fails.
    public const string OgoneShaOut = "Out-passphrase-42";

    public static Dictionary<string, string?> Settings(bool testMode = true) => new()
    {
        ["Shop:TestMode"] = testMode ? "true" : "false",
        ["PayModes:mercanet:Enabled"] = "true",
        ["PayModes:mercanet:MerchantId"] = MercanetMerchant,
        ["PayModes:mercanet:SecretKey"] = MercanetKey,
        ["PayModes:mercanet:KeyVersion"] = "1",
        ["PayModes:systempay:Enabled"] = "true",
        ["PayModes:systempay:SiteId"] = SystemPaySite,
        ["PayModes:systempay:TestKey"] = SystemPayTestKey,
        ["PayModes:systempay:ProductionKey"] = "prod-key-never-used-in-tests",
        ["PayModes:ogone:Enabled"] = "true",
        ["PayModes:ogone:PspId"] = OgonePspId,
        ["PayModes:ogone:ShaInPassphrase"] = OgoneShaIn,
        ["PayModes:ogone:ShaOutPassphrase"] = OgoneShaOut,
    };
}

/// <summary>
/// The shop with the three providers enabled in test mode. The sandbox's notifications go through the
/// test server's handler (there is no socket under WebApplicationFactory).
/// </summary>
public class ProviderShopFactory : ShopFactory
{
    public ProviderShopFactory() : this(ProviderAccounts.Settings())
    {
    }

    protected ProviderShopFactory(Dictionary<string, string?> settings) : base(settings)
    {
    }

    /// <summary>On an existing data directory (a restart), left in place when disposed.</summary>
    protected ProviderShopFactory(Dictionary<string, string?> settings, string dataDirectory) : base(settings, dataDirectory)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHttpClient(SandboxNotifier.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler()));
    }
}

/// <summary>The same shop outside test mode: no sandbox, and modes without a payment page URL are not offered.</summary>
public sealed class LiveProviderShopFactory() : ShopFactory(ProviderAccounts.Settings(testMode: false));
