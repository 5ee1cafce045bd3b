using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Shop.Web.Hosting;

namespace Shop.Tests.Hosting;

/// <summary>Every <c>Shop:*</c> key is bound through <see cref="ShopOptions"/> and checked at start-up: a bad value stops the shop, naming its key.</summary>
public sealed class ShopOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shop-options-").FullName;

    [Theory]
    [InlineData("--Shop:Currency=EURO", "Shop:Currency 'EURO' is not a currency the shop knows")]
    [InlineData("--Shop:Currency=", "Shop:Currency '' is not a currency the shop knows")]
    [InlineData("--Shop:Expiry:PlacedAfter=-01:00:00", "Shop:Expiry:PlacedAfter must be a positive duration")]
    [InlineData("--Shop:Expiry:SweepEvery=00:00:00", "Shop:Expiry:SweepEvery must be a positive duration")]
    [InlineData("--Shop:PublicBaseUrl=shop.example.com", "Shop:PublicBaseUrl 'shop.example.com' is not an absolute http:// or https:// URL")]
    [InlineData("--Shop:Name= ", "Shop:Name must not be empty")]
    [InlineData("--Shop:Seller:Email=nobody", "Shop:Seller:Email 'nobody' is not an e-mail address.")]
    [InlineData("--Shop:KeyProtection:CertificatePath=missing.pfx", "Shop:KeyProtection:CertificatePath 'missing.pfx' names no file")]
    public void A_bad_value_stops_the_start_before_anything_is_built_naming_its_key(string argument, string message)
    {
        var builder = ShopHost.CreateBuilder([argument, $"--Shop:DataDirectory={_dir}"]);

        var refusal = Assert.Throws<OptionsValidationException>(() => builder.AddShopServices());

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_default_pay_mode_that_names_no_mode_stops_the_start()
    {
        var builder = ShopHost.CreateBuilder(["--Shop:DefaultPayMode=cheque", $"--Shop:DataDirectory={_dir}"]);
        builder.AddShopServices();
        await using var app = builder.Build();

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Shop:DefaultPayMode 'cheque' names no pay mode", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_settings_and_the_defaults_are_valid_and_keep_their_values()
    {
        var shipped = ShopHost.CreateBuilder([$"--Shop:DataDirectory={_dir}"]);
        var options = ShopOptions.FromConfiguration(shipped.Configuration, shipped.Environment.ContentRootPath);
        Assert.Equal(_dir, options.DataDirectory);

        var defaults = ShopOptions.FromConfiguration(new ConfigurationBuilder().Build(), _dir);
        Assert.Equal(("Demo Shop", "EUR", true), (defaults.Name, defaults.Currency, defaults.TestMode));
        Assert.Equal((TimeSpan.FromHours(2), TimeSpan.FromDays(30), TimeSpan.FromMinutes(5)),
            (defaults.Expiry.PlacedAfter, defaults.Expiry.DeferredAfter, defaults.Expiry.SweepEvery));
        Assert.Null(defaults.DataDirectory);
        Assert.Null(defaults.KeyProtection.CertificatePath);
    }

    [Fact]
    public void A_lower_case_currency_is_accepted_as_before()
    {
        var builder = ShopHost.CreateBuilder(["--Shop:Currency=usd", $"--Shop:DataDirectory={_dir}"]);

        Assert.Equal("usd", ShopOptions.FromConfiguration(builder.Configuration, _dir).Currency);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
