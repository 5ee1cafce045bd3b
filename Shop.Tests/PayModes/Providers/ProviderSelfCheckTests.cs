using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Ogone;
using Shop.PayModes.SystemPay;
using Shop.Tests.Admin;

namespace Shop.Tests.PayModes.Providers;

/// <summary>The one-click self-check of the provider pay modes: the published vectors signed with the mode's own code, and its settings.</summary>
public sealed class ProviderSelfCheckTests
{
    private static ShopSettings Shop(bool testMode) => new("Test Shop", "EUR", TestMode: testMode, TestOverride: false, PublicBaseUrl: null);

    private static SelfCheckLine Line(SelfCheckResult result, string check) => Assert.Single(result.Lines, l => l.Check == check);

    private static void AssertNoSecret(SelfCheckResult result, string secret) =>
        Assert.All(result.Lines, l => Assert.DoesNotContain(secret, l.Detail + l.Check, StringComparison.Ordinal));

    private const string MercanetKey = "S3cr3t-Mercanet-Key-4242";
    private const string SystemPayKey = "S3cr3t-SystemPay-Key-4242";
    private const string OgoneIn = "S3cr3t-Ogone-In-4242";
    private const string OgoneOut = "S3cr3t-Ogone-Out-4242";

    [Fact]
    public void Mercanet_passes_with_good_settings_and_signs_both_published_vectors()
    {
        var settings = new MercanetSettings { MerchantId = "002001000000001", SecretKey = MercanetKey, KeyVersion = "1" };

        var result = new MercanetPayMode().Run(settings, Shop(testMode: true));

        Assert.True(result.Ok, string.Join("; ", result.Lines.Where(l => !l.Ok).Select(l => $"{l.Check}: {l.Detail}")));
        Assert.True(Line(result, "HMAC-SHA-256 vector (§4.1)").Ok);
        Assert.True(Line(result, "Legacy SHA-256 vector (§4.1)").Ok);
        Assert.Equal("set", Line(result, "Secret key").Detail);
        AssertNoSecret(result, MercanetKey);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("base64", true)]
    [InlineData("BASE64", false)]
    [InlineData("gzip", false)]
    public void Mercanet_checks_the_Data_encoding(string encode, bool ok)
    {
        var settings = new MercanetSettings { MerchantId = "002001000000001", SecretKey = MercanetKey, Encode = encode };

        Assert.Equal(ok, Line(new MercanetPayMode().Run(settings, Shop(testMode: true)), "Data encoding").Ok);
    }

    [Fact]
    public void Mercanet_reports_the_missing_key()
    {
        var result = new MercanetPayMode().Run(new MercanetSettings { MerchantId = "002001000000001" }, Shop(testMode: true));

        Assert.False(result.Ok);
        Assert.False(Line(result, "Secret key").Ok);
        Assert.Equal("missing", Line(result, "Secret key").Detail);
        Assert.True(Line(result, "Legacy SHA-256 vector (§4.1)").Ok);
    }

    [Fact]
    public void An_empty_payment_url_fails_outside_test_mode_and_a_relative_one_always()
    {
        var settings = new MercanetSettings { MerchantId = "002001000000001", SecretKey = MercanetKey };
        Assert.False(Line(new MercanetPayMode().Run(settings, Shop(testMode: false)), "Payment page URL").Ok);

        settings.PaymentUrl = "/paymentInit";
        Assert.False(Line(new MercanetPayMode().Run(settings, Shop(testMode: true)), "Payment page URL").Ok);

        settings.PaymentUrl = "https://payment-webinit.simu.mercanet.bnpparibas.net/paymentInit";
        Assert.True(new MercanetPayMode().Run(settings, Shop(testMode: false)).Ok);
    }

    [Fact]
    public void SystemPay_passes_with_good_settings_and_signs_the_published_vector_in_both_modes()
    {
        var settings = new SystemPaySettings { SiteId = "12345678", TestKey = SystemPayKey };

        var result = new SystemPayPayMode().Run(settings, Shop(testMode: true));

        Assert.True(result.Ok, string.Join("; ", result.Lines.Where(l => !l.Ok).Select(l => $"{l.Check}: {l.Detail}")));
        Assert.True(Line(result, "HMAC-SHA-256 vector (§4.2)").Ok);
        Assert.True(Line(result, "SHA-1 vector (§4.2)").Ok);
        AssertNoSecret(result, SystemPayKey);
    }

    [Fact]
    public void SystemPay_reports_the_missing_key_of_its_mode()
    {
        var settings = new SystemPaySettings { SiteId = "12345678", TestKey = SystemPayKey, CtxMode = SystemPayCtxMode.Production };

        var result = new SystemPayPayMode().Run(settings, Shop(testMode: true));

        Assert.False(result.Ok);
        Assert.Equal("missing", Line(result, "Production key").Detail);
    }

    [Fact]
    public void Ogone_passes_with_good_settings_and_signs_the_sha_in_and_sha_out_vectors()
    {
        var settings = new OgoneSettings { PspId = "MyPSPID", ShaInPassphrase = OgoneIn, ShaOutPassphrase = OgoneOut };

        var result = new OgonePayMode().Run(settings, Shop(testMode: true));

        Assert.True(result.Ok, string.Join("; ", result.Lines.Where(l => !l.Ok).Select(l => $"{l.Check}: {l.Detail}")));
        Assert.True(Line(result, "SHA-IN vector (§4.3)").Ok);
        Assert.True(Line(result, "SHA-OUT vector (§4.3)").Ok);
        AssertNoSecret(result, OgoneIn);
        AssertNoSecret(result, OgoneOut);
    }

    [Fact]
    public void Ogone_reports_the_missing_passphrase()
    {
        var result = new OgonePayMode().Run(new OgoneSettings { PspId = "MyPSPID", ShaInPassphrase = OgoneIn }, Shop(testMode: true));

        Assert.False(result.Ok);
        Assert.Equal("missing", Line(result, "SHA-OUT passphrase").Detail);
        Assert.True(Line(result, "SHA-IN passphrase").Ok);
    }

    [Fact]
    public void An_unknown_algorithm_is_reported()
    {
        var settings = new OgoneSettings { PspId = "MyPSPID", ShaInPassphrase = OgoneIn, ShaOutPassphrase = OgoneOut, HashAlgorithm = "MD5" };

        Assert.False(Line(new OgonePayMode().Run(settings, Shop(testMode: true)), "Hash algorithm").Ok);
    }

    [Fact]
    public void Every_registered_provider_mode_offers_the_self_check_and_an_empty_url_passes_in_test_mode()
    {
        var services = new ServiceCollection();
        services.AddPayMode<MercanetPayMode>();
        services.AddPayMode<SystemPayPayMode>();
        services.AddPayMode<OgonePayMode>();
        using var provider = services.BuildServiceProvider();
        Assert.Equal(3, provider.GetServices<IPayMode>().OfType<IPayModeSelfCheck>().Count());
        var mode = provider.GetServices<IPayMode>().OfType<IPayModeSelfCheck>().Single(m => m is SystemPayPayMode);

        var line = Line(mode.Run(new SystemPaySettings { SiteId = "12345678", TestKey = SystemPayKey }, Shop(testMode: true)), "Payment page URL");

        Assert.True(line.Ok, line.Detail);
    }
}
