using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shop.Tests.Infrastructure;
using Shop.Web.Admin;

namespace Shop.Tests.Catalogue;

public sealed class CatalogueApiFactory : ShopFactory;

/// <summary>The catalogue through <c>/admin/api/products</c>, and what buyers then see on the storefront, the API and their bills.</summary>
public sealed class CatalogueApiTests(CatalogueApiFactory shop) : IClassFixture<CatalogueApiFactory>
{
    private static readonly JsonSerializerOptions Json = ShopFactory.Json;

    private async Task<HttpClient> AdminAsync()
    {
        await shop.EnsureUsersAsync();
        return await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);
    }

    private static string NewSku(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<ProductOnSale[]> OnSaleAsync() => (await shop.CreateClient().GetFromJsonAsync<ProductOnSale[]>("/api/products", Json))!;

    private sealed record ProductOnSale(string Sku, string Name, long Price, string Currency);

    [Fact]
    public async Task Creating_a_product_answers_201_with_its_location_and_puts_it_on_sale_at_once()
    {
        var admin = await AdminAsync();
        var sku = NewSku("LAMP");
        var response = await admin.PostAsJsonAsync("/admin/api/products",
            new { sku, name = "Desk lamp", description = "Brass, 40 cm.", price = "49.90", currency = "EUR", shipped = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/admin/api/products/{sku}", response.Headers.Location?.OriginalString);
        var created = (await response.Content.ReadFromJsonAsync<AdminProductDto>(Json))!;
        Assert.Equal((sku, "49.90", 4990L, "EUR", true, true), (created.Sku, created.Price, created.Amount, created.Currency, created.Active, created.Shipped));
        Assert.Contains(await OnSaleAsync(), p => p.Sku == sku && p.Price == 4990);
        Assert.Contains("Desk lamp", await shop.CreateClient().GetStringAsync("/"), StringComparison.Ordinal);
        var listed = (await admin.GetFromJsonAsync<AdminProductDto[]>("/admin/api/products", Json))!;
        Assert.Contains(listed, p => p.Sku == sku && p.Description == "Brass, 40 cm.");
    }

    [Fact]
    public async Task A_price_typed_as_a_JSON_number_is_read_exactly_as_money()
    {
        var admin = await AdminAsync();
        var sku = NewSku("CUP");
        var (status, body) = await SendAsync(admin, HttpMethod.Post, "/admin/api/products", new { sku, name = "Cup", price = 0.29m, currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(29, body.GetProperty("amount").GetInt64());   // 0.29 through a double is 28.999…: read as decimal it is 29
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_naming_the_field()
    {
        var admin = await AdminAsync();
        var cases = new (object Body, string Field, string Words)[]
        {
            (new { sku = NewSku("X"), name = "Thing", price = "12.345", currency = "EUR" }, "price", "2 decimals"),
            (new { sku = NewSku("X"), name = "Thing", price = "-1", currency = "EUR" }, "price", "negative"),
            (new { sku = NewSku("X"), name = "Thing", price = "1,50", currency = "EUR" }, "price", "e.g. 19.99"),
            (new { sku = NewSku("X"), name = "Thing", price = "12.5", currency = "JPY" }, "price", "no decimals"),
            (new { sku = NewSku("X"), name = "Thing", price = "12", currency = "XYZ" }, "currency", "not a currency"),
            (new { sku = "has space", name = "Thing", price = "12", currency = "EUR" }, "sku", "letters, digits"),
            (new { sku = NewSku("X"), name = " ", price = "12", currency = "EUR" }, "name", "Give the product a name"),
        };
        foreach (var (body, field, words) in cases)
        {
            var (status, problem) = await SendAsync(admin, HttpMethod.Post, "/admin/api/products", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(words, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task A_duplicate_SKU_is_409_and_an_unknown_one_404()
    {
        var admin = await AdminAsync();
        var (status, problem) = await SendAsync(admin, HttpMethod.Post, "/admin/api/products", new { sku = "MUG-001", name = "Another mug", price = "1.00", currency = "EUR" });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("MUG-001", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Put, "/admin/api/products/NO-SUCH", new { price = "1.00" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/api/products/NO-SUCH")).StatusCode);
    }

    [Fact]
    public async Task Writes_take_JSON_only_so_a_cross_site_form_cannot_create_or_ship()
    {
        var admin = await AdminAsync();
        var form = new FormUrlEncodedContent([new("sku", NewSku("FORM")), new("name", "Forged"), new("price", "1.00"), new("currency", "EUR")]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync("/admin/api/products", form)).StatusCode);
        var text = new StringContent("{}", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await admin.PostAsync("/admin/api/bills/anything/ship", text)).StatusCode);
        Assert.DoesNotContain(await OnSaleAsync(), p => p.Name == "Forged");

        Assert.Equal(HttpStatusCode.Unauthorized, (await shop.Client().PostAsJsonAsync("/admin/api/products", new { sku = "ANON-1", name = "x", price = "1", currency = "EUR" })).StatusCode);
        var clerk = await shop.SignedInAsync(AdminHelpers.ClerkEmail, AdminHelpers.ClerkPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync("/admin/api/products/MUG-001", new { price = "0.01" })).StatusCode);
    }

    [Fact]
    public async Task A_price_change_reaches_the_storefront_and_the_API_at_once_and_placed_bills_keep_their_price()
    {
        var admin = await AdminAsync();
        var sku = NewSku("BOWL");
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(admin, HttpMethod.Post, "/admin/api/products", new { sku, name = "Stoneware bowl", price = "12.00", currency = "EUR" })).Status);
        var buyer = shop.NoRedirects();
        var before = await buyer.PlaceAsync("check", (sku, 2));
        Assert.Equal(2400, before.Total);

        var (status, changed) = await SendAsync(admin, HttpMethod.Put, $"/admin/api/products/{sku}", new { price = "15.50" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("15.50", "Stoneware bowl"), (changed.GetProperty("price").GetString(), changed.GetProperty("name").GetString()));

        Assert.Contains(await OnSaleAsync(), p => p.Sku == sku && p.Price == 1550);
        Assert.Contains("15.50 EUR", await shop.CreateClient().GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(3100, (await buyer.PlaceAsync("check", (sku, 2))).Total);

        // The bill placed before keeps what it was sold at: total, line and the buyer's page.
        Assert.Equal(2400, (await buyer.BillAsync(before.Reference)).Total);
        var billId = (await shop.BillRowAsync(before.Reference)).Id;
        var row = await shop.QueryAsync(db => Task.FromResult(db.BillItems.Single(i => i.Sku == sku && i.BillId == billId)));
        Assert.Equal((1200L, 2400L), (row.UnitPrice, row.LineTotal));
        var page = await buyer.GetStringAsync($"/bills/{before.Reference}");
        Assert.Contains("24.00 EUR", page, StringComparison.Ordinal);
        Assert.DoesNotContain("31.00 EUR", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_hides_the_product_and_an_order_for_it_is_refused_clearly()
    {
        var admin = await AdminAsync();
        var sku = NewSku("VASE");
        await SendAsync(admin, HttpMethod.Post, "/admin/api/products", new { sku, name = "Glass vase", price = "30", currency = "EUR" });
        Assert.Contains(await OnSaleAsync(), p => p.Sku == sku);

        var (status, body) = await SendAsync(admin, HttpMethod.Put, $"/admin/api/products/{sku}", new { active = false });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("30.00", false), (body.GetProperty("price").GetString(), body.GetProperty("active").GetBoolean()));

        Assert.DoesNotContain(await OnSaleAsync(), p => p.Sku == sku);
        Assert.DoesNotContain("Glass vase", await shop.CreateClient().GetStringAsync("/"), StringComparison.Ordinal);
        var refused = await shop.CreateClient().PostAsJsonAsync("/api/checkout", ShopApiClient.Order("check", (sku, 1)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"'{sku}' is no longer on sale.", await refused.Content.ReadAsStringAsync());
        Assert.Contains((await admin.GetFromJsonAsync<AdminProductDto[]>("/admin/api/products", Json))!, p => p.Sku == sku && !p.Active);
    }
}
