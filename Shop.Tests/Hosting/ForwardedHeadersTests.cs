using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Hosting;

/// <summary>A shop behind a TLS proxy at 10.0.0.1 (and any in 10.8.0.0/16); no packet is sent, the in-memory server just says where it came from.</summary>
public sealed class BehindProxyFactory() : ShopFactory(new Dictionary<string, string?>
{
    ["Shop:PublicBaseUrl"] = "https://shop.example",
    ["Shop:Proxy:KnownProxies"] = "10.0.0.1",
    ["Shop:Proxy:KnownNetworks:0"] = "10.8.0.0/16",
});

/// <summary>The same shop with no proxy configured.</summary>
public sealed class NoProxyFactory() : ShopFactory(new Dictionary<string, string?> { ["Shop:PublicBaseUrl"] = "https://shop.example" });

/// <summary>
/// Finding 8 of issue 17: behind a TLS proxy the shop saw the proxy's address and plain HTTP (no HSTS, no Secure
/// cookies). X-Forwarded-For and X-Forwarded-Proto are now honoured from configured proxies, and only from them.
/// </summary>
public sealed class ForwardedHeadersTests(BehindProxyFactory proxied, NoProxyFactory direct)
    : IClassFixture<BehindProxyFactory>, IClassFixture<NoProxyFactory>
{
    private const string Buyer = "203.0.113.7";

    [Theory]
    [InlineData("10.0.0.1")]     // a known proxy
    [InlineData("10.8.3.4")]     // in a known network
    public async Task From_a_configured_proxy_the_client_address_and_HTTPS_are_honoured(string proxy)
    {
        var http = await SendAsync(proxied, "/account/login", proxy);

        Assert.Equal(Buyer, http.Connection.RemoteIpAddress!.ToString());
        Assert.Equal("https", http.Request.Scheme);
        Assert.Equal("shop.example", http.Request.Host.Host);                       // X-Forwarded-Host is not honoured
        Assert.StartsWith("max-age=", http.Response.Headers.StrictTransportSecurity.ToString());
        var cookies = http.Response.Headers.SetCookie.ToArray();
        Assert.NotEmpty(cookies);                                                   // the antiforgery cookie of the sign-in form
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task From_anyone_else_forwarded_headers_are_ignored()
    {
        var http = await SendAsync(proxied, "/account/login", "10.9.0.1");

        Assert.Equal("10.9.0.1", http.Connection.RemoteIpAddress!.ToString());
        Assert.Equal("http", http.Request.Scheme);
        Assert.Empty(http.Response.Headers.StrictTransportSecurity.ToString());
        Assert.All(http.Response.Headers.SetCookie.ToArray(), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_no_proxy_configured_forwarded_headers_are_ignored_even_from_loopback()
    {
        var http = await SendAsync(direct, "/account/login", "127.0.0.1");

        Assert.Equal("127.0.0.1", http.Connection.RemoteIpAddress!.ToString());
        Assert.Equal("http", http.Request.Scheme);
        Assert.Empty(http.Response.Headers.StrictTransportSecurity.ToString());
    }

    private static Task<HttpContext> SendAsync(ShopFactory shop, string path, string from) =>
        shop.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(from);
            http.Request.Method = "GET";
            http.Request.Scheme = "http";
            http.Request.Host = new HostString("shop.example");
            http.Request.Path = path;
            http.Request.Headers["X-Forwarded-For"] = $"198.51.100.9, {Buyer}";   // the first entry is the client's own claim
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Request.Headers["X-Forwarded-Host"] = "evil.example";
        });
}
