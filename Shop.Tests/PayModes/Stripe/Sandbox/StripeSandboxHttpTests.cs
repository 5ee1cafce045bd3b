using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Stripe.Sandbox;

/// <summary>The sandbox's answers to what Stripe.net never sends (a broken body, a stranger's request), over raw HTTP: Stripe's error JSON, never a 5xx.</summary>
public sealed class StripeSandboxHttpTests(StripeSandboxShop shop) : IClassFixture<StripeSandboxShop>
{
    private async Task<(HttpStatusCode Status, JsonNode? Error, HttpResponseMessage Response)> PostAsync(string path, string body,
        string? idempotencyKey = null, string contentType = "application/x-www-form-urlencoded", bool authorized = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/stripe" + path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (authorized)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", shop.SecretKey);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await shop.NoRedirects().SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json?["error"], response);
    }

    private const string Minimal = "mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur"
        + "&line_items[0][price_data][unit_amount]=1000&line_items[0][price_data][product_data][name]=Mug";

    [Fact]
    public async Task A_minimal_form_as_curl_sends_it_makes_a_session_and_Basic_authentication_works_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/stripe/v1/checkout/sessions")
        {
            Content = new StringContent(Minimal, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(shop.SecretKey + ":")));

        var response = await shop.NoRedirects().SendAsync(request);
        var session = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, session["amount_total"]!.GetValue<long>());
        Assert.Null(session["success_url"]);
        Assert.Equal("2026-10-28.endive", response.Headers.GetValues("Stripe-Version").Single());
    }

    [Theory]
    [InlineData("mode=payment&line_items[0][quantity=1", "Invalid parameter name")]
    [InlineData("mode=payment&mode=setup", "more than once")]
    [InlineData("mode=%zz", "could not be decoded")]
    [InlineData("mode=payment&line_items=abc", "line_items must be a list")]
    [InlineData("mode=payment&line_items[1][quantity]=1", "line_items must be a list")]
    [InlineData(Minimal + "&line_items[0][price_data][unit_amount]x=1", "Invalid parameter name")]
    [InlineData("mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=-5&line_items[0][price_data][product_data][name]=M", "Invalid non-negative integer")]
    [InlineData("mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=99999999999999999999999&line_items[0][price_data][product_data][name]=M", "Invalid non-negative integer")]
    [InlineData("mode=payment&line_items[0][quantity]=1&line_items[0][price]=price_123", "No such price")]
    [InlineData("mode=subscription", "one-off payments only")]
    [InlineData(Minimal + "&expires_at=12", "between 30 minutes and 24 hours")]
    [InlineData(Minimal + "&success_url=javascript:alert(1)", "Not a valid URL")]
    [InlineData(Minimal + "&cancel_url=http://localhost/paymodes/paypal/cancel", "outside this shop")]
    public async Task Bad_input_is_a_400_with_Stripes_error_object(string body, string message)
    {
        var (status, error, _) = await PostAsync("/v1/checkout/sessions", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", error!["type"]!.GetValue<string>());
        Assert.Contains(message, error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_JSON_body_is_no_parameters_at_all_as_Stripe_reads_it()
    {
        var (status, error, _) = await PostAsync("/v1/checkout/sessions", "{\"mode\":\"payment\"}", contentType: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("parameter_missing", "mode"), (error!["code"]!.GetValue<string>(), error["param"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_key_is_checked_before_the_route_and_an_unknown_route_is_Stripes_404()
    {
        var stranger = await PostAsync("/v1/charges", "amount=100", authorized: false);
        var unknown = await PostAsync("/v1/charges", "amount=100");
        var outside = await shop.NoRedirects().GetAsync("/sandbox/stripe/nothing-here");

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Unrecognized request URL (POST: /v1/charges). The sandbox answers the Checkout Session and refund calls of Stripe's API.",
            unknown.Error!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task An_idempotency_key_is_bound_to_its_endpoint_and_limited_in_length()
    {
        var key = "key-" + Guid.NewGuid();
        var created = await PostAsync("/v1/checkout/sessions", Minimal, key);
        var id = JsonNode.Parse(await created.Response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var elsewhere = await PostAsync($"/v1/checkout/sessions/{id}/expire", "", key);
        var tooLong = await PostAsync("/v1/checkout/sessions", Minimal, new string('k', 256));
        var reordered = await PostAsync("/v1/checkout/sessions", string.Join("&", Minimal.Split('&').Reverse()), key);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.Status);
        Assert.Equal("idempotency_error", elsewhere.Error!["type"]!.GetValue<string>());
        Assert.Contains("same endpoint", elsewhere.Error["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(HttpStatusCode.OK, reordered.Status);
        Assert.Equal(id, JsonNode.Parse(await reordered.Response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expanding_what_the_sandbox_cannot_is_Stripes_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/stripe/v1/checkout/sessions/cs_test_x?expand[0]=customer");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", shop.SecretKey);

        var response = await shop.NoRedirects().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This property cannot be expanded (customer).", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_pages_and_controls_of_an_unknown_session_are_404_and_a_bad_choice_is_400()
    {
        var session = await StripeSandboxPayments.NewSessionAsync(shop);

        Assert.Equal(HttpStatusCode.NotFound, (await shop.NoRedirects().GetAsync("/sandbox/stripe/pay/cs_test_nosuch")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.NoRedirects().PostAsync("/sandbox/stripe/sessions/cs_test_nosuch/resend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shop.NoRedirects().PostAsync("/sandbox/stripe/sessions/cs_test_nosuch/settle", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StripeSandboxPayments.ChooseAsync(shop, session.Id, "steal")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await shop.NoRedirects().PostAsync($"/sandbox/stripe/sessions/{session.Id}/settle", null)).StatusCode);
    }
}

/// <summary>The sandbox serves the Stripe mode only in its sandbox world: an API base set, and it signs nothing for it.</summary>
public sealed class StripeSandboxWorldTests(StripeSandboxShop shop) : IClassFixture<StripeSandboxShop>
{
    [Fact]
    public async Task With_an_API_base_set_the_sandbox_answers_403_and_with_test_mode_off_404()
    {
        await shop.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IPayModeSettingsStore>();
            var config = await store.GetAsync("stripe");
            config.Settings.GetType().GetProperty("ApiBaseUrl")!.SetValue(config.Settings, "https://api.stripe.com");
            await store.SaveAsync(config);
            return true;
        });

        var answer = await shop.NoRedirects().GetAsync("/sandbox/stripe/v1/checkout/sessions/cs_test_x");

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("The built-in sandbox does not serve", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outside_test_mode_there_is_no_sandbox()
    {
        using var live = new LiveShop();

        var answer = await live.NoRedirects().GetAsync("/sandbox/stripe/pay/cs_test_x");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}

/// <summary>The same shop with test mode off.</summary>
internal sealed class LiveShop() : StripeSandboxShop(new Dictionary<string, string?> { ["Shop:TestMode"] = "false" });
