using System.Reflection;
using Shop.PayModes.Core;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Ogone;
using Shop.PayModes.SystemPay;

namespace Shop.Tests.PayModes.Providers;

public class ProviderSettingsTests
{
    [Theory]
    [InlineData(typeof(MercanetSettings), "SecretKey")]
    [InlineData(typeof(SystemPaySettings), "TestKey,ProductionKey")]
    [InlineData(typeof(OgoneSettings), "ShaInPassphrase,ShaOutPassphrase")]
    public void Keys_and_passphrases_are_secrets_and_nothing_else_is(Type settings, string secrets)
    {
        var marked = settings.GetProperties().Where(p => p.GetCustomAttribute<SecretAttribute>() is not null).Select(p => p.Name);
        Assert.Equal(secrets.Split(',').Order(StringComparer.Ordinal), marked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fresh_settings_are_not_valid_until_the_account_is_given()
    {
        Assert.False(new MercanetSettings().IsValid);
        Assert.False(new SystemPaySettings().IsValid);
        Assert.False(new OgoneSettings().IsValid);
        Assert.True(new MercanetSettings { MerchantId = "002001000000001", SecretKey = "002001000000001_KEY1" }.IsValid);
    }

    [Fact]
    public void SystemPay_needs_the_key_of_its_mode()
    {
        var settings = new SystemPaySettings { SiteId = "12345678", TestKey = "1122334455667788" };
        Assert.True(settings.IsValid);
        settings.CtxMode = "PRODUCTION";
        Assert.Contains(settings.Validate(), r => r.MemberNames.Contains(nameof(SystemPaySettings.ProductionKey)));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("https://paiement.systempay.fr/vads-payment/", true)]
    [InlineData("paiement.systempay.fr", false)]
    [InlineData("SHA-256", false)]
    public void Payment_url_is_empty_or_http(string url, bool valid) =>
        Assert.Equal(valid, new OgoneSettings { PspId = "MyPSPID", ShaInPassphrase = "a", ShaOutPassphrase = "b", PaymentUrl = url }.IsValid);

    [Fact]
    public void Algorithm_names_are_the_interface_names()
    {
        Assert.False(new MercanetSettings { MerchantId = "1", SecretKey = "k", SealAlgorithm = "HMAC-SHA256" }.IsValid);
        Assert.False(new SystemPaySettings { SiteId = "12345678", TestKey = "k", Algorithm = "SHA-256" }.IsValid);
        Assert.True(new OgoneSettings { PspId = "p", ShaInPassphrase = "a", ShaOutPassphrase = "b", HashAlgorithm = "SHA-512" }.IsValid);
    }
}
