using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>Notes the <c>Authorization</c> header of each call the shop makes to the PayPal REST API, then passes it on.</summary>
public sealed class AuthorizationRecorder(List<string> seen) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        lock (seen)
            seen.Add(request.Headers.Authorization?.ToString() ?? "");
        return base.SendAsync(request, ct);
    }
}

/// <summary>Issue 17 finding 1 for PayPal: in the sandbox world the shop and the sandbox share sandbox credentials only.</summary>
public sealed class PayPalSandboxCredentialsTests
{
    [Fact]
    public async Task The_shop_authenticates_to_the_sandbox_with_the_sandbox_secret_never_the_configured_one()
    {
        var seen = new List<string>();
        PayPalFactory? shop = null;
        using var factory = shop = new PayPalFactory(PayPalSettings.Orders, () => new AuthorizationRecorder(seen) { InnerHandler = shop!.Server.CreateHandler() });
        var client = shop.NoRedirects();
        var order = await client.PlaceAsync("paypal", ("MUG-001", 1));

        await client.ReturnAsync(await client.ChooseAsync(await client.StartOrderAsync(order), "approve"));

        Assert.Equal("COMPLETE", (await client.BillAsync(order.Reference)).State);
        var basic = seen.Where(h => h.StartsWith("Basic ", StringComparison.Ordinal))
            .Select(h => Encoding.UTF8.GetString(Convert.FromBase64String(h["Basic ".Length..]))).ToList();
        var sandboxSecret = shop.Service<SandboxCredentials>().For("paypal", nameof(PayPalSettings.ClientSecret));
        Assert.Equal(["sandbox-client-id:" + sandboxSecret], basic.Distinct());
        Assert.DoesNotContain(seen, h => h.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-client-id:sandbox-client-secret-1234")), StringComparison.Ordinal));
    }
}

/// <summary>PayPal Checkout pointed at PayPal's live API while the shop is still in test mode.</summary>
public sealed class PayPalLiveApiInTestModeFactory() : PayPalFactory(PayPalSettings.Orders,
    extra: new Dictionary<string, string?> { ["PayModes:paypal:ApiBaseUrl"] = "https://api-m.paypal.com" });

/// <summary>A production PayPal configuration is not offered in test mode, and the sandbox does not serve it.</summary>
public sealed class PayPalProductionInTestModeTests(PayPalLiveApiInTestModeFactory shop) : IClassFixture<PayPalLiveApiInTestModeFactory>
{
    [Fact]
    public async Task PayPal_on_its_live_API_is_not_offered_in_test_mode_and_the_sandbox_answers_403()
    {
        var client = shop.NoRedirects();

        var checkout = await client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order("paypal", ("MUG-001", 1)));
        Assert.Equal(HttpStatusCode.BadRequest, checkout.StatusCode);

        using var token = new HttpRequestMessage(HttpMethod.Post, "/sandbox/paypal/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        token.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-client-id:sandbox-client-secret-1234")));
        var refused = await client.SendAsync(token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("does not serve", await refused.Content.ReadAsStringAsync());
    }
}

/// <summary>
/// Issue 17 finding 9 for PayPal: the Standard page and the Orders approval page redirect, and the IPN sender posts,
/// only to the shop's own <c>/paymodes/paypal/</c> endpoints; anything else is a 400 sandbox page and nothing is sent.
/// </summary>
public sealed partial class PayPalSandboxTargetTests(PayPalStandardFactory shop) : IClassFixture<PayPalStandardFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    public static TheoryData<string, string> ForeignTargets()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "return", "cancel_return", "notify_url" })
            foreach (var url in new[]
            {
                "http://evil.example/paymodes/paypal/return", "http://localhost.evil.example/paymodes/paypal/notify",
                "http://localhost@evil.example/paymodes/paypal/notify", "http://localhost/admin", "", "javascript:alert(1)",
                "http://localhost/paymodes/paypal/../../admin",
            })
                data.Add(field, url);
        return data;
    }

    private async Task<Dictionary<string, string>> HandOverAsync()
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        var html = await (await _client.SendAsync(order)).Content.ReadAsStringAsync();
        return HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    [Theory, MemberData(nameof(ForeignTargets))]
    public async Task Standard_page_and_its_buttons_refuse_an_address_outside_the_shop(string field, string url)
    {
        var fields = await HandOverAsync();
        fields[field] = url;

        var page = await _client.PostAsync("/sandbox/paypal/webscr", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("sandbox-error", await page.Content.ReadAsStringAsync());
        foreach (var choice in new[] { "pay", "late", "pending", "cancel" })
        {
            var answer = await _client.PostAsync("/sandbox/paypal/webscr/pay", new FormUrlEncodedContent(fields.Append(new("choice", choice))));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Null(answer.Headers.Location);
        }
        Assert.Null(shop.Sandbox.FindIpnTransaction(fields["invoice"]));
    }

    [Theory]
    [InlineData("http://evil.example/paymodes/paypal/notify")]
    [InlineData("http://localhost/api/checkout")]
    public async Task The_IPN_sender_refuses_a_notify_url_outside_the_shop(string url)
    {
        var response = await _client.PostAsync("/sandbox/paypal/ipn/send", new FormUrlEncodedContent(
            [new("notify_url", url), new("invoice", "some-attempt"), new("txn_id", "T-FOREIGN"), new("payment_status", "Completed")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(shop.Sandbox.FindIpnTransaction("some-attempt"));
    }

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)" />""")]
    private static partial Regex HiddenInput();
}

/// <summary>Finding 9 for PayPal Checkout: the approval page sends the buyer back only to the shop's own PayPal endpoints.</summary>
public sealed class PayPalApprovalTargetTests(PayPalOrdersFactory shop) : IClassFixture<PayPalOrdersFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    [Theory]
    [InlineData("http://evil.example/paymodes/paypal/return", "approve")]
    [InlineData("http://evil.example/paymodes/paypal/return", "cancel")]
    [InlineData("http://localhost/admin", "approve")]
    [InlineData("https://localhost/paymodes/paypal/return", "cancel")]
    public async Task An_order_whose_return_or_cancel_url_is_outside_the_shop_gets_a_400_page_not_a_redirect(string url, string choice)
    {
        var orderId = await CreateOrderAsync(returnUrl: choice == "approve" ? url : "http://localhost/paymodes/paypal/return",
            cancelUrl: choice == "cancel" ? url : "http://localhost/paymodes/paypal/cancel");

        var answer = await _client.PostAsync("/sandbox/paypal/checkoutnow", new FormUrlEncodedContent([new("token", orderId), new("choice", choice)]));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Contains("sandbox-error", await answer.Content.ReadAsStringAsync());
    }

    /// <summary>An order created through the sandbox API with the sandbox's credentials, as the shop would.</summary>
    private async Task<string> CreateOrderAsync(string returnUrl, string cancelUrl)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "/sandbox/paypal/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        var secret = shop.Service<SandboxCredentials>().For("paypal", nameof(PayPalSettings.ClientSecret));
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"sandbox-client-id:{secret}")));
        var token = JsonNode.Parse(await (await _client.SendAsync(tokenRequest)).Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();

        var body = new JsonObject
        {
            ["intent"] = "CAPTURE",
            ["purchase_units"] = new JsonArray(new JsonObject
            {
                ["custom_id"] = "foreign-target", ["invoice_id"] = "foreign-target",
                ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "12.50" },
            }),
            ["payment_source"] = new JsonObject
            {
                ["paypal"] = new JsonObject { ["experience_context"] = new JsonObject { ["return_url"] = returnUrl, ["cancel_url"] = cancelUrl } },
            },
        }.ToJsonString();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/sandbox/paypal/v2/checkout/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await _client.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }
}
