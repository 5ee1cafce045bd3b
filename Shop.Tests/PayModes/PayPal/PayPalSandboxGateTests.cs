using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

public sealed class LiveShopFactory() : PayPalFactory(PayPalSettings.Orders, extra: new Dictionary<string, string?> { ["Shop:TestMode"] = "false" });

/// <summary>The sandbox exists only while the shop is in test mode; PayPal is off unless configured.</summary>
public sealed class PayPalSandboxGateTests(LiveShopFactory live) : IClassFixture<LiveShopFactory>
{
    [Theory]
    [InlineData("GET", "/sandbox/paypal/checkoutnow?token=X")]
    [InlineData("POST", "/sandbox/paypal/v1/oauth2/token")]
    [InlineData("POST", "/sandbox/paypal/ipn")]
    public async Task Sandbox_answers_404_outside_test_mode(string method, string path)
    {
        var response = await live.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PayPal_is_registered_but_disabled_on_a_default_shop()
    {
        using var shop = new ShopFactory();
        var modes = await shop.InScopeAsync(sp => sp.GetRequiredService<Shop.PayModes.Core.IPayModeSettingsStore>().GetAllAsync());
        var paypal = Assert.Single(modes, m => m.Code == "paypal");
        Assert.False(paypal.Enabled);
    }
}
