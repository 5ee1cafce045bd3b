using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;

namespace Shop.Tests.Checkout;

public sealed class LiveShopFactory() : ShopFactory(new Dictionary<string, string?> { ["Shop:TestMode"] = "false", ["Shop:TestOverride"] = "true" });

/// <summary>Bad orders get a 4xx problem naming the field, and nothing is written.</summary>
public sealed class CheckoutValidationTests(LiveShopFactory shop) : IClassFixture<LiveShopFactory>
{
    private readonly HttpClient _client = shop.CreateClient();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Order(string items, string payMode = "check") =>
        $$"""{"items":{{items}},"customer":{"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","address":"1 rue","zip":"75002","city":"Paris","country":"FR"},"payMode":"{{payMode}}"}""";

    private async Task<JsonElement> RejectedAsync(HttpContent content, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var (bills, customers) = (await shop.CountAsync<Bill>(), await shop.CountAsync<Customer>());
        var response = await _client.PostAsync("/api/checkout", content);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((bills, customers), (await shop.CountAsync<Bill>(), await shop.CountAsync<Customer>()));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    [Theory]
    [InlineData("""[{"sku":"NOPE-999","quantity":1}]""", "items[0].sku")]
    [InlineData("""[{"sku":"MUG-001","quantity":0}]""", "items[0].quantity")]
    [InlineData("""[{"sku":"MUG-001","quantity":-3}]""", "items[0].quantity")]
    [InlineData("""[{"sku":"MUG-001","quantity":1000}]""", "items[0].quantity")]
    [InlineData("""[{"sku":"MUG-001","quantity":1},{"quantity":1}]""", "items[1].sku")]
    [InlineData("""[]""", "items")]
    public async Task Bad_lines_are_named(string items, string field)
    {
        var problem = await RejectedAsync(Json(Order(items)));
        Assert.Equal([field], Fields(problem));
    }

    [Theory]
    [InlineData("""{"items":[{"sku":"MUG-001","quantity":1}],"payMode":"check"}""", "customer")]
    [InlineData("""{"items":[{"sku":"MUG-001","quantity":1}],"customer":{"firstName":"A","lastName":"B","email":"not-an-email","address":"1","zip":"1","city":"P","country":"FR"},"payMode":"check"}""", "customer.email")]
    [InlineData("""{"items":[{"sku":"MUG-001","quantity":1}],"customer":{"firstName":"A","lastName":"B","email":"a@b.fr","address":"1","zip":"1","city":"P","country":"France"},"payMode":"check"}""", "customer.country")]
    [InlineData("""{"items":[{"sku":"MUG-001","quantity":1}],"customer":{"firstName":"A","lastName":"B","email":"a@b.fr","address":"1","zip":"1","city":"P","country":"FR"}}""", "payMode")]
    public async Task Bad_buyer_details_are_named(string json, string field) =>
        Assert.Contains(field, Fields(await RejectedAsync(Json(json))));

    [Theory]
    [InlineData("""{"items":[{"sku":"MUG-001","quantity":"two"}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"sku":"MUG-001","quantity":1}""", "items")]
    [InlineData("""not json at all""", "body")]
    [InlineData("""null""", "body")]
    public async Task Malformed_json_is_a_problem_naming_where_it_broke(string json, string field) =>
        Assert.StartsWith(field, Fields(await RejectedAsync(Json(json))).Single());

    [Fact]
    public async Task A_ten_megabyte_body_is_refused_without_reading_it_all()
    {
        var huge = Order($$"""[{"sku":"MUG-001","quantity":1,"padding":"{{new string('x', 10 * 1024 * 1024)}}"}]""");
        var problem = await RejectedAsync(Json(huge), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("body", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Another_content_type_is_refused()
    {
        var problem = await RejectedAsync(new StringContent("sku=MUG-001", Encoding.UTF8, "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("body", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_test_mode_is_refused_when_the_shop_is_not_in_test_mode()
    {
        var problem = await RejectedAsync(Json(Order("""[{"sku":"MUG-001","quantity":1}]""", "test")));
        Assert.Equal(["payMode"], Fields(problem));
        Assert.Contains("test mode", problem.GetProperty("errors").GetProperty("payMode")[0].GetString());
    }

    [Fact]
    public async Task The_free_order_mode_is_refused_for_a_paid_cart()
    {
        var problem = await RejectedAsync(Json(Order("""[{"sku":"MUG-001","quantity":1}]""", "freeorder")));
        Assert.Equal(["payMode"], Fields(problem));
    }

    [Fact]
    public async Task A_paid_mode_is_refused_for_a_free_cart()
    {
        var problem = await RejectedAsync(Json(Order("""[{"sku":"GUIDE-005","quantity":1}]""", "check")));
        Assert.Equal(["payMode"], Fields(problem));
    }

    [Fact]
    public async Task An_unknown_pay_mode_is_refused()
    {
        var problem = await RejectedAsync(Json(Order("""[{"sku":"MUG-001","quantity":1}]""", "bitcoin")));
        Assert.Contains("bitcoin", problem.GetProperty("errors").GetProperty("payMode")[0].GetString());
    }

    [Fact]
    public async Task Test_notifications_are_refused_outside_test_mode()
    {
        var response = await _client.PostAsync("/paymodes/test/notify", new StringContent("token=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var fire = await _client.PostAsync("/paymodes/test/fire/anything", null);
        Assert.Equal(HttpStatusCode.Forbidden, fire.StatusCode);
    }

    [Fact]
    public async Task A_valid_order_still_goes_through()
    {
        var order = await _client.PlaceAsync("transfer", ("MUG-001", 1));
        Assert.Equal("PLACED", order.State);
    }
}
