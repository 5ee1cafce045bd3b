using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Tests.Infrastructure;

public sealed record PlacedOrder(string Reference, string State, long Total, string Currency, string PayMode, string PayUrl);

public sealed record BillJson(string Reference, string State, long Total, long PaidAmount, string Currency, string PayMode);

/// <summary>Test helpers speaking the public JSON API.</summary>
public static class ShopApiClient
{
    public static object Customer(string email = "buyer@example.com") => new
    {
        firstName = "Ada", lastName = "Lovelace", email, address = "12 rue de la Paix", zip = "75002", city = "Paris", country = "FR",
    };

    public static object Order(string payMode, params (string Sku, int Quantity)[] items) => new
    {
        items = items.Select(i => new { sku = i.Sku, quantity = i.Quantity }).ToArray(),
        customer = Customer(),
        payMode,
    };

    public static async Task<PlacedOrder> PlaceAsync(this HttpClient client, string payMode, params (string Sku, int Quantity)[] items)
    {
        var response = await client.PostAsJsonAsync("/api/checkout", Order(payMode, items));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"checkout answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<PlacedOrder>(body, ShopFactory.Json)!;
    }

    public static async Task<BillJson> BillAsync(this HttpClient client, string reference) =>
        (await client.GetFromJsonAsync<BillJson>($"/api/bills/{reference}", ShopFactory.Json))!;

    /// <summary>Follows the pay URL like a browser's first request (no redirects followed).</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, PlacedOrder order) =>
        await client.GetAsync(new Uri(order.PayUrl).PathAndQuery);

    public static HttpClient NoRedirects(this ShopFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
