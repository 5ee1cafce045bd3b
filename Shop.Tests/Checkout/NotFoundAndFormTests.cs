using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Infrastructure;
using Shop.Web.Checkout;
using Shop.Web.Components.Pages;

namespace Shop.Tests.Checkout;

/// <summary>Unknown addresses answer 404 with the shop's own pages; the checkout's forms refuse what they cannot keep, with a message.</summary>
public sealed class NotFoundAndFormTests(OverrideShopFactory shop) : IClassFixture<OverrideShopFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_shops_not_found_page()
    {
        var response = await _client.GetAsync("/no-such-page/at-all");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", page);
        Assert.Contains("Back to the shop", page);
    }

    [Fact]
    public async Task An_unknown_bill_answers_404_with_its_friendly_page()
    {
        var response = await _client.GetAsync("/bills/NoSuchBillReference0000");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches("(Order|Page) not found", page);
        Assert.Contains("Back to the shop", page);
    }

    [Fact]
    public async Task A_known_bill_still_answers_200()
    {
        var order = await _client.PlaceAsync("check", ("MUG-001", 1));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/bills/{order.Reference}")).StatusCode);
    }

    [Fact]
    public void The_country_list_holds_every_ISO_3166_country_once_sorted_by_name()
    {
        Assert.Equal(249, Countries.All.Count);
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Code).Distinct().Count());
        Assert.All(Countries.All, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.Equal([.. Countries.All.Select(c => c.Name).Order(StringComparer.Ordinal)], Countries.All.Select(c => c.Name));
        Assert.Equal("France", Countries.Find("fr")!.Name);
        Assert.Equal("Germany", Countries.Display("DE"));
        Assert.Equal("Bretagne libre", Countries.Display("Bretagne libre"));   // text stored before the list still shows
    }

    [Fact]
    public async Task A_country_code_outside_ISO_3166_is_refused_with_a_message()
    {
        var order = ShopApiClient.Order("check", ("MUG-001", 1));
        var json = System.Text.Json.JsonSerializer.Serialize(order).Replace("\"country\":\"FR\"", "\"country\":\"ZZ\"", StringComparison.Ordinal);
        var response = await _client.PostAsync("/api/checkout", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'ZZ' is not an ISO 3166 country code.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(0, "At least 1")]
    [InlineData(-3, "At least 1")]
    [InlineData(1000, "At most 999 per order.")]
    public void A_quantity_out_of_range_is_refused_with_a_message_never_changed(int quantity, string message) =>
        Assert.Contains(message, CheckoutCart.QuantityProblem(quantity));

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    public void A_quantity_in_range_is_taken_as_typed(int quantity) => Assert.Null(CheckoutCart.QuantityProblem(quantity));
}
