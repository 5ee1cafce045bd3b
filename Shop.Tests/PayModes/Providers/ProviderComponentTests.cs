using Bunit;
using Microsoft.AspNetCore.Components;
using Shop.PayModes.Core;
using Shop.PayModes.Mercanet;
using Shop.PayModes.Ogone;
using Shop.PayModes.SystemPay;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Providers;

/// <summary>The providers' settings forms and selectors render, and never show a secret back.</summary>
public sealed class ProviderComponentTests : MudTestContext
{
    public ProviderComponentTests() => Interactive();

    [Fact]
    public void Mercanet_form_shows_its_fields_and_only_the_end_of_the_key()
    {
        var settings = new MercanetSettings { MerchantId = "002001000000001", SecretKey = "002001000000001_KEY1" };
        var cut = Render<MercanetSettingsForm>(p => p.Add(f => f.Settings, settings));
        foreach (var field in new[] { "field-merchant-id", "field-secret-key", "field-key-version", "field-seal-algorithm", "field-encode", "field-payment-url" })
            Assert.NotEmpty(cut.FindAll($".{field}"));
        Assert.Contains("ending in KEY1", cut.Markup);
        Assert.DoesNotContain("000001_KEY1", cut.Markup);
    }

    [Fact]
    public void SystemPay_form_shows_both_keys_as_secrets_and_the_mode_switch()
    {
        var settings = new SystemPaySettings { SiteId = "12345678", TestKey = "1122334455667788" };
        var cut = Render<SystemPaySettingsForm>(p => p.Add(f => f.Settings, settings));
        Assert.NotEmpty(cut.FindAll(".field-ctx-mode"));
        Assert.Equal(2, cut.FindAll("input[type=password]").Count);
        Assert.Contains("ending in 7788", cut.Markup);
        Assert.Contains("not set", cut.Markup);
        Assert.DoesNotContain("1122334455667788", cut.Markup);
    }

    [Fact]
    public void Ogone_form_keeps_both_passphrases_out_of_the_page()
    {
        var settings = new OgoneSettings { PspId = "MyPSPID", ShaInPassphrase = "Mysecretsig1875!?", ShaOutPassphrase = "Out-passphrase-42" };
        var cut = Render<OgoneSettingsForm>(p => p.Add(f => f.Settings, settings));
        Assert.Equal(2, cut.FindAll("input[type=password]").Count);
        Assert.DoesNotContain("Mysecretsig", cut.Markup);
        Assert.DoesNotContain("Out-passphrase", cut.Markup);
    }

    [Theory]
    [InlineData(typeof(MercanetPayMode))]
    [InlineData(typeof(SystemPayPayMode))]
    [InlineData(typeof(OgonePayMode))]
    public void Selector_shows_the_mode_name(Type modeType)
    {
        var mode = (IPayMode)Activator.CreateInstance(modeType)!;
        var cut = Render<DynamicComponent>(p => p.Add(d => d.Type, mode.SelectorComponent).Add(d => d.Parameters, new Dictionary<string, object>
        {
            ["Mode"] = mode, ["Settings"] = mode.CreateDefaultSettings(), ["Total"] = 1999L, ["Currency"] = "EUR",
        }));
        Assert.Contains(mode.Name, cut.Markup);
        Assert.NotEmpty(cut.FindAll($"[data-paymode='{mode.Code}']"));
    }
}
