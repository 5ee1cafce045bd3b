using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;

namespace Shop.Tests.Hosting;

/// <summary>The three form providers on their sandbox, with no public URL configured (the shipped default).</summary>
public sealed class NoPublicUrlProviderFactory() : ProviderShopFactory(new Dictionary<string, string?>(ProviderAccounts.Settings())
{
    ["Shop:PublicBaseUrl"] = "",
});

/// <summary>
/// Finding 2 of issue 17: hand-over forms carried <c>vads_url_check=http://&lt;forged host&gt;/...</c>. Without a public
/// URL the shop now names its listening address (the in-memory server has none: <c>http://localhost</c>).
/// </summary>
public sealed class ForgedHostHandoverTests(NoPublicUrlProviderFactory shop) : IClassFixture<NoPublicUrlProviderFactory>
{
    private const string Forged = "evil.example:8443";

    [Theory]
    [InlineData("systempay")]
    [InlineData("mercanet")]
    [InlineData("ogone")]
    public async Task A_hand_over_asked_for_with_a_forged_Host_carries_only_the_shops_own_address(string code)
    {
        var client = shop.NoRedirects();
        var order = await client.PlaceAsync(code, ("MUG-001", 1));

        using var send = new HttpRequestMessage(HttpMethod.Get, new Uri(order.PayUrl).PathAndQuery);
        send.Headers.Host = Forged;
        var response = await client.SendAsync(send);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"http://localhost/paymodes/{code}/", page, StringComparison.Ordinal);
        Assert.Equal($"http://localhost/sandbox/{code}/pay", ProviderFlow.Form(page).Action);
    }

    [Fact]
    public async Task The_checkout_answers_a_pay_URL_on_the_shops_own_address_whatever_the_Host()
    {
        var client = shop.NoRedirects();
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/checkout") { Content = JsonContent.Create(ShopApiClient.Order("check", ("MUG-001", 1))) };
        checkout.Headers.Host = Forged;

        var placed = await (await client.SendAsync(checkout)).Content.ReadFromJsonAsync<PlacedOrder>(ShopFactory.Json);

        Assert.StartsWith("http://localhost/paymodes/check/send/", placed!.PayUrl);
    }
}
