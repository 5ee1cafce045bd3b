using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Ogone;
using Shop.PayModes.PayPal;
using Shop.PayModes.SystemPay;

namespace Shop.Tests.PayModes.Core;

/// <summary>
/// The one rule for where a provider mode's payments go: the sandbox in test mode when every provider URL is empty and
/// nothing is production; the provider otherwise; and in test mode a production configuration is not offered at all.
/// </summary>
public sealed class ProviderWorldTests
{
    private const string Sandbox = "Sandbox";
    private const string Platform = "Provider test platform";
    private const string Refused = "Not offered in test mode";
    private const string Live = "Live";

    public static TheoryData<string, bool, string> Rules() => new()
    {
        { "mercanet:", true, Sandbox },
        { "mercanet:", false, Live },
        { "mercanet:https://payment-webinit.simu.mercanet.bnpparibas.net/paymentInit", true, Platform },
        { "mercanet:https://payment-webinit-mercanet.test.sips-services.com/paymentInit", true, Platform },
        { "mercanet:https://payment-webinit.mercanet.bnpparibas.net/paymentInit", true, Refused },
        { "mercanet:https://PAYMENT-WEBINIT.MERCANET.BNPPARIBAS.NET/paymentInit", true, Refused },
        { "mercanet:https://payment-webinit.sips-services.com/paymentInit", true, Refused },
        // The trailing dot of a fully qualified name is the same host to DNS.
        { "mercanet:https://PAYMENT-WEBINIT.Mercanet.BNPparibas.net./paymentInit", true, Refused },
        { "mercanet:https://payment-webinit.mercanet.bnpparibas.net/paymentInit", false, Live },
        { "systempay-TEST:", true, Sandbox },
        { "systempay-TEST:https://paiement.systempay.fr/vads-payment/", true, Platform },
        { "systempay-PRODUCTION:", true, Refused },
        { "systempay-PRODUCTION:https://paiement.systempay.fr/vads-payment/", true, Refused },
        { "systempay-PRODUCTION:https://paiement.systempay.fr/vads-payment/", false, Live },
        { "ogone:", true, Sandbox },
        { "ogone:https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp", true, Platform },
        { "ogone:https://secure.ogone.com/ncol/prod/orderstandard_utf8.asp", true, Refused },
        { "ogone:https://e-payment.postfinance.ch/NCOL/PROD/orderstandard_utf8.asp", true, Refused },
        { "ogone:https://secure.ogone.com/ncol%2Fprod/orderstandard_utf8.asp", true, Refused },
        { "paypal-Orders:", true, Sandbox },
        { "paypal-Orders:https://api-m.sandbox.paypal.com", true, Platform },
        { "paypal-Orders:https://api-m.paypal.com", true, Refused },
        { "paypal-Orders:https://api.paypal.com", true, Refused },
        { "paypal-Orders:https://api-m.paypal.com.", true, Refused },
        { "paypal-Orders:", false, Live },
        { "paypal-Standard:", true, Sandbox },
        { "paypal-Standard:https://www.sandbox.paypal.com/cgi-bin/webscr|https://ipnpb.sandbox.paypal.com/cgi-bin/webscr", true, Platform },
        { "paypal-Standard:https://www.paypal.com/cgi-bin/webscr|https://ipnpb.sandbox.paypal.com/cgi-bin/webscr", true, Refused },
        // One URL set: the empty one means PayPal's live endpoint.
        { "paypal-Standard:https://www.sandbox.paypal.com/cgi-bin/webscr|", true, Refused },
    };

    /// <summary>"mode[-variant]:url[|second url]" → settings.</summary>
    private static IProviderSettings Settings(string spec)
    {
        var (mode, urls) = (spec[..spec.IndexOf(':')], spec[(spec.IndexOf(':') + 1)..].Split('|'));
        string? Url(int i) => i < urls.Length && urls[i].Length > 0 ? urls[i] : null;
        return mode switch
        {
            "mercanet" => new MercanetSettings { PaymentUrl = Url(0) },
            "ogone" => new OgoneSettings { PaymentUrl = Url(0) },
            _ when mode.StartsWith("systempay-", StringComparison.Ordinal) => new SystemPaySettings { CtxMode = mode["systempay-".Length..], PaymentUrl = Url(0) },
            "paypal-Orders" => new PayPalSettings { Integration = PayPalSettings.Orders, ApiBaseUrl = Url(0) },
            _ => new PayPalSettings { Integration = PayPalSettings.Standard, PaymentUrl = Url(0), IpnVerifyUrl = Url(1) },
        };
    }

    [Theory, MemberData(nameof(Rules))]
    public void The_world_of_a_configuration(string spec, bool testMode, string expected)
    {
        var world = ProviderWorld.Of(Settings(spec), testMode);

        Assert.Equal(expected, world.Label);
        Assert.Equal(expected == Sandbox, world.IsSandbox);
        Assert.Equal(expected == Refused, world.TestModeRefusal is not null);
    }

    [Fact]
    public void A_URL_the_chosen_PayPal_integration_does_not_use_does_not_take_it_out_of_the_sandbox()
    {
        var settings = new PayPalSettings { Integration = PayPalSettings.Orders, PaymentUrl = "https://www.paypal.com/cgi-bin/webscr" };

        Assert.True(ProviderWorld.Of(settings, shopTestMode: true).IsSandbox);
    }

    [Fact]
    public void Modes_without_a_provider_have_no_world() =>
        Assert.Null(ProviderWorld.OfAny(new Shop.PayModes.Check.CheckSettings(), shopTestMode: true));

    [Fact]
    public void The_production_refusal_names_what_is_production_and_that_the_shop_is_in_test_mode()
    {
        var refusal = ProviderWorld.Of(new SystemPaySettings { CtxMode = SystemPayCtxMode.Production }, shopTestMode: true).TestModeRefusal;

        Assert.Contains("PRODUCTION", refusal);
        Assert.Contains("test mode", refusal);
    }

    [Fact]
    public void Sandbox_credentials_differ_per_mode_setting_and_process_and_are_stable_within_one()
    {
        var one = new SandboxCredentials();
        var other = new SandboxCredentials();

        Assert.Equal(one.For("mercanet", "SecretKey"), one.For("mercanet", "SecretKey"));
        Assert.NotEqual(one.For("mercanet", "SecretKey"), one.For("ogone", "SecretKey"));
        Assert.NotEqual(one.For("ogone", "ShaInPassphrase"), one.For("ogone", "ShaOutPassphrase"));
        Assert.NotEqual(one.For("mercanet", "SecretKey"), other.For("mercanet", "SecretKey"));
    }

    private sealed class OneModeStore(PayModeConfig config) : IPayModeSettingsStore
    {
        public Task<IReadOnlyList<PayModeConfig>> GetAllAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<PayModeConfig>>([config]);

        public Task<PayModeConfig> GetAsync(string code, CancellationToken ct = default) => Task.FromResult(config);

        public Task SaveAsync(PayModeConfig config, CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed class FixedShop(bool testMode) : IShopSettings
    {
        public ShopSettings Current { get; } = new("Shop", "EUR", testMode, TestOverride: false, PublicBaseUrl: null);
    }

    private static EffectiveSettings Effective(OgoneSettings stored, bool testMode, SandboxCredentials credentials) =>
        new(new OneModeStore(new("ogone", true, 0, false, stored)), new FixedShop(testMode), new PayModeRegistry([new OgonePayMode()]), credentials);

    [Fact]
    public async Task In_the_sandbox_world_every_secret_is_the_sandbox_credential_and_the_stored_settings_are_untouched()
    {
        var credentials = new SandboxCredentials();
        var stored = new OgoneSettings { PspId = "MyPSPID", ShaInPassphrase = "configured-in", ShaOutPassphrase = "configured-out" };

        var (settings, world) = await Effective(stored, testMode: true, credentials).GetAsync<OgoneSettings>("ogone");

        Assert.True(world.IsSandbox);
        Assert.Equal(credentials.For("ogone", nameof(OgoneSettings.ShaInPassphrase)), settings.ShaInPassphrase);
        Assert.Equal(credentials.For("ogone", nameof(OgoneSettings.ShaOutPassphrase)), settings.ShaOutPassphrase);
        Assert.Equal("MyPSPID", settings.PspId);
        Assert.Equal(("configured-in", "configured-out"), (stored.ShaInPassphrase, stored.ShaOutPassphrase));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "https://ogone.test.v-psp.com/ncol/test/orderstandard_utf8.asp")]
    public async Task Outside_the_sandbox_world_the_configured_secrets_are_used(bool testMode, string? url)
    {
        var stored = new OgoneSettings { PspId = "MyPSPID", ShaInPassphrase = "configured-in", ShaOutPassphrase = "configured-out", PaymentUrl = url };

        var (settings, world) = await Effective(stored, testMode, new SandboxCredentials()).GetAsync<OgoneSettings>("ogone");

        Assert.False(world.IsSandbox);
        Assert.Equal(("configured-in", "configured-out"), (settings.ShaInPassphrase, settings.ShaOutPassphrase));
    }

    [Fact]
    public void The_self_check_fails_a_production_configuration_in_test_mode_and_passes_it_outside()
    {
        var settings = new SystemPaySettings
        {
            SiteId = "12345678", ProductionKey = "S3cr3t-Production-4242", CtxMode = SystemPayCtxMode.Production,
            PaymentUrl = "https://paiement.systempay.fr/vads-payment/",
        };
        ShopSettings ShopIn(bool testMode) => new("Shop", "EUR", testMode, TestOverride: false, PublicBaseUrl: null);

        var inTestMode = new SystemPayPayMode().Run(settings, ShopIn(testMode: true));
        var live = new SystemPayPayMode().Run(settings, ShopIn(testMode: false));

        Assert.False(inTestMode.Ok);
        var line = Assert.Single(inTestMode.Lines, l => !l.Ok);
        Assert.Equal("Payments go to", line.Check);
        Assert.Contains("test mode", line.Detail);
        Assert.DoesNotContain("S3cr3t", line.Detail);
        Assert.True(live.Ok, string.Join("; ", live.Lines.Where(l => !l.Ok).Select(l => $"{l.Check}: {l.Detail}")));
    }
}
