using System.Net;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;

namespace Shop.Tests.Hosting;

/// <summary>A shop whose public URL is https://shop.example, with one more name of it in <c>AllowedHosts</c>.</summary>
public sealed class PublicShopFactory() : ShopFactory(new Dictionary<string, string?>
{
    ["Shop:PublicBaseUrl"] = "https://shop.example",
    ["AllowedHosts"] = "www.shop.example;*",
});

/// <summary>Finding 2 of issue 17: any <c>Host</c> was served. ASP.NET Core's host filter now follows the public URL.</summary>
public sealed class HostFilterTests(PublicShopFactory shop) : IClassFixture<PublicShopFactory>
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("shop.example.evil.example:443")]
    public async Task A_request_with_a_forged_Host_is_answered_400(string host)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(shop, "/health", host));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(shop, "/paymodes/paypal/notify", host, HttpMethod.Post));
    }

    [Theory]
    [InlineData("shop.example")]
    [InlineData("SHOP.example:443")]
    [InlineData("www.shop.example")]   // named in AllowedHosts; its "*" did not switch the filter off
    [InlineData("localhost")]          // monitoring on the machine
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]:8080")]
    public async Task The_public_host_its_configured_names_and_loopback_are_served(string host) =>
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(shop, "/health", host));

    [Fact]
    public async Task The_filter_follows_the_public_URL_when_the_dashboard_changes_it()
    {
        using var moving = new PublicShopFactory();
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(moving, "/health", "moved.example"));

        var store = moving.Service<ShopSettingsStore>();
        await store.SaveAsync(store.Current with { PublicBaseUrl = "https://moved.example" });

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(moving, "/health", "moved.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(moving, "/health", "shop.example"));
    }

    private static async Task<HttpStatusCode> StatusAsync(ShopFactory factory, string path, string host, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Host = host;
        return (await factory.CreateClient().SendAsync(request)).StatusCode;
    }
}
