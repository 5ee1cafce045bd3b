using System.Net;
using System.Text.RegularExpressions;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;

namespace Shop.Tests.Hosting;

/// <summary>The three form providers live, SystemPay on its real payment page.</summary>
public sealed class LiveHandoverFactory() : ShopFactory(new Dictionary<string, string?>(ProviderAccounts.Settings(testMode: false))
{
    ["Shop:PublicBaseUrl"] = "https://shop.example",
    ["PayModes:systempay:PaymentUrl"] = "https://paiement.systempay.fr/vads-payment/",
    ["PayModes:systempay:CtxMode"] = "PRODUCTION",
});

public sealed class PlainShopFactory : ShopFactory;

public sealed class PlainKestrelShopFactory : KestrelShopFactory;

/// <summary>Finding 8 of issue 17: no nosniff, no Referrer-Policy, a CSP of frame-ancestors only, and <c>Server: Kestrel</c>.</summary>
public sealed partial class SecurityHeadersTests(PlainShopFactory shop, LiveHandoverFactory live)
    : IClassFixture<PlainShopFactory>, IClassFixture<LiveHandoverFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/checkout")]
    [InlineData("/account/login")]
    [InlineData("/api/products")]
    [InlineData("/bills/no-such-bill")]
    public async Task Every_answer_carries_nosniff_a_referrer_policy_and_a_strict_CSP(string path)
    {
        var response = await shop.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self' http://localhost", csp["form-action"]);
        Assert.StartsWith("'self' 'nonce-", csp["script-src"]);
        Assert.DoesNotContain("unsafe", csp["script-src"]);
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));      // not a second policy from Blazor beside ours
        Assert.Empty(Header(response, "Strict-Transport-Security"));              // plain HTTP here
    }

    [Fact]
    public async Task The_inline_import_map_is_allowed_by_this_responses_nonce_only()
    {
        var first = await shop.CreateClient().GetAsync("/");
        var second = await shop.CreateClient().GetAsync("/");
        var page = await first.Content.ReadAsStringAsync();

        var nonce = NoncePattern().Match(Directives(Header(first, "Content-Security-Policy"))["script-src"]).Groups[1].Value;
        Assert.Equal($"<script type=\"importmap\" nonce=\"{nonce}\">", Regex.Match(page, "<script type=\"importmap\"[^>]*>").Value);
        Assert.DoesNotContain(nonce, Header(second, "Content-Security-Policy"));
        Assert.Equal(1, Regex.Count(page, "<script(?![^>]*\\bsrc=)[^>]*>"));        // the import map is the page's only inline script
    }

    [Fact]
    public async Task A_hand_over_page_may_post_its_form_to_the_provider_and_nowhere_else()
    {
        var client = live.NoRedirects();
        var order = await client.PlaceAsync("systempay", ("MUG-001", 1));

        var handover = await client.SendAsync(order);

        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        Assert.Equal("https://paiement.systempay.fr/vads-payment/", ProviderFlow.Form(await handover.Content.ReadAsStringAsync()).Action);
        Assert.Equal("'self' https://shop.example https://paiement.systempay.fr", Directives(Header(handover, "Content-Security-Policy"))["form-action"]);
        Assert.Equal("'self' https://shop.example", Directives(Header(await client.GetAsync("/"), "Content-Security-Policy"))["form-action"]);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}

/// <summary>Over a real socket: Kestrel names itself nowhere.</summary>
public sealed class ServerHeaderTests(PlainKestrelShopFactory shop) : IClassFixture<PlainKestrelShopFactory>
{
    [Fact]
    public async Task Kestrel_sends_no_Server_header()
    {
        using var client = new HttpClient { BaseAddress = new Uri(shop.BaseUrl) };

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
