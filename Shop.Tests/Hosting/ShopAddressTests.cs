using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Shop.PayModes.Core;
using Shop.Tests.Admin;
using Shop.Web.Hosting;

namespace Shop.Tests.Hosting;

/// <summary>The base of every URL the shop builds: its public URL, else where it listens; never a request's Host.</summary>
public sealed class ShopAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5082", "http://127.0.0.1:5082")]
    [InlineData("http://localhost:5082", "http://localhost:5082")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://[::]:8080", "http://localhost:8080")]
    [InlineData("http://+:80", "http://localhost")]
    [InlineData("http://*:8080", "http://localhost:8080")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080")]
    [InlineData("https://shop.lan:443", "https://shop.lan")]
    public void The_listening_address_names_a_host_a_browser_can_use(string listening, string expected) =>
        Assert.Equal(expected, ShopAddress.FromListening([listening]));

    [Fact]
    public void Plain_http_is_preferred_and_no_address_at_all_means_localhost()
    {
        Assert.Equal("http://127.0.0.1:8080", ShopAddress.FromListening(["https://127.0.0.1:8443", "http://127.0.0.1:8080"]));
        Assert.Equal("https://127.0.0.1:8443", ShopAddress.FromListening(["https://127.0.0.1:8443"]));
        Assert.Equal("http://localhost", ShopAddress.FromListening([]));
        Assert.Equal("http://localhost", ShopAddress.FromListening(["http://unix:/run/shop.sock"]));
    }

    [Theory]
    [InlineData("https://shop.example/", "https://shop.example")]
    [InlineData(" https://shop.example/boutique ", "https://shop.example/boutique")]
    [InlineData("", "http://127.0.0.1:9000")]
    [InlineData(null, "http://127.0.0.1:9000")]
    public void The_public_URL_wins_over_the_listening_address(string? configured, string expected)
    {
        var shop = new FixedShopSettings(new ShopSettings("Shop", "EUR", TestMode: true, TestOverride: false, PublicBaseUrl: configured));
        Assert.Equal(expected, new ShopAddress(shop, new ListeningOn("http://127.0.0.1:9000")).BaseUrl);
    }

    [Theory]
    [InlineData("https://shop.example", new[] { "shop.example", "localhost", "127.0.0.1", "[::1]" })]
    [InlineData("https://[2001:db8::1]:8443", new[] { "[2001:db8::1]", "localhost", "127.0.0.1", "[::1]" })]
    [InlineData(null, new[] { "*" })]
    public void The_host_filter_accepts_the_public_host_and_loopback_or_anything_without_a_public_URL(string? publicUrl, string[] expected) =>
        Assert.Equal(expected, ShopHostFilter.AllowedHosts(publicUrl, ["*"]));

    private sealed class ListeningOn(string address) : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection { [typeof(IServerAddressesFeature)] = new BoundTo(address) };

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private sealed class BoundTo(string address) : IServerAddressesFeature
    {
        public ICollection<string> Addresses { get; } = [address];

        public bool PreferHostingUrls { get; set; }
    }
}
