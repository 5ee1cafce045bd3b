using System.Net;
using System.Net.Http.Json;
using System.Text;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using Shop.Web.Data;

namespace Shop.Tests.Hosting;

/// <summary>The shop with the three providers in test mode and some <c>Shop:RateLimits</c> turned back on.</summary>
public sealed class LimitedShopFactory(Dictionary<string, string?> limits)
    : ProviderShopFactory(new Dictionary<string, string?>(ProviderAccounts.Settings().Concat(limits)));

/// <summary>
/// Floods of anonymous writes get 429 with <c>Retry-After</c> past the per-client limits (<c>Shop:RateLimits:*</c>),
/// while a provider's normal retries still pass at the shipped limit. Under the test server every request comes from
/// one client (no remote address).
/// </summary>
public sealed class RateLimitTests
{
    private static LimitedShopFactory Shop(string limit, string? perMinute) => new(new() { [$"Shop:RateLimits:{limit}"] = perMinute });

    [Fact]
    public async Task A_checkout_flood_gets_429_with_Retry_After_and_a_problem_body_and_places_nothing_more()
    {
        await using var shop = Shop("Checkout", "3");
        var client = shop.NoRedirects();
        for (var i = 0; i < 3; i++)
            await client.PlaceAsync("check", ("MUG-001", 1));

        var flood = await client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order("check", ("MUG-001", 1)));

        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        AssertRetryAfter(flood);
        Assert.Equal("application/problem+json", flood.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many orders", await flood.Content.ReadAsStringAsync());
        Assert.Equal(3, await shop.CountAsync<Bill>());
    }

    [Fact]
    public async Task At_the_shipped_notify_limit_a_providers_retries_pass_and_a_flood_from_one_address_gets_429()
    {
        // No value: the shipped default applies (the factory turns every limit off otherwise).
        await using var shop = Shop("Notify", null);
        var client = shop.NoRedirects();
        var (order, request) = await ProviderFlow.StartAsync(client, "systempay");
        var paid = IProviderMessages.For("systempay", shop).Build(request.Fields, new(ProviderStatus.Paid));

        // The notification and four retries of it, as a provider sends them when an answer is slow.
        for (var copy = 0; copy < 5; copy++)
            Assert.Equal(HttpStatusCode.OK, (await ProviderFlow.NotifyAsync(client, "systempay", paid)).StatusCode);
        Assert.Equal("COMPLETE", await ProviderFlow.StateAsync(client, order.Reference));
        Assert.Equal((1, 1, 1), await ProviderFlow.DeliveryCountsAsync(shop, order.Reference));

        // Junk from the same address until the limit answers.
        HttpResponseMessage? refused = null;
        var taken = 0;
        while (refused is null && taken < 1500)
        {
            var response = await ProviderFlow.NotifyAsync(client, "systempay", $"vads_junk={taken}");
            Assert.InRange((int)response.StatusCode, 400, 499);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused = response;
            else
                taken++;
        }
        Assert.NotNull(refused);
        Assert.True(taken >= 595, $"the limit answered after {taken} junk notifications: the shipped one is 600 a minute");
        AssertRetryAfter(refused);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_sign_in_flood_gets_429_with_a_readable_page()
    {
        await using var shop = Shop("SignIn", "3");
        var client = shop.Client();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("nobody@example.com", $"guess-{i}")).StatusCode);

        var flood = await client.SignInAsync("nobody@example.com", "guess-4");

        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        AssertRetryAfter(flood);
        Assert.Equal("text/html", flood.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many sign-in attempts", await flood.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sandbox_flood_gets_429()
    {
        await using var shop = Shop("Sandbox", "2");
        var client = shop.NoRedirects();
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/sandbox/systempay/pay")).StatusCode);

        var flood = await client.GetAsync("/sandbox/systempay/pay");

        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        AssertRetryAfter(flood);
    }

    [Fact]
    public async Task The_shops_own_calls_to_its_PayPal_sandbox_API_spend_no_sandbox_budget_while_its_pages_do()
    {
        await using var shop = Shop("Sandbox", "2");
        var client = shop.NoRedirects();

        // Junk webhooks make the shop call the sandbox's API once each: those calls must leave its buyers' budget alone.
        for (var i = 0; i < 5; i++)
        {
            var token = await client.PostAsync("/sandbox/paypal/v1/oauth2/token", new FormUrlEncodedContent([new("grant_type", "client_credentials")]));
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/sandbox/paypal/ipn", new StringContent("cmd=_notify-validate"))).StatusCode);
        }
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/sandbox/paypal/checkoutnow?token=none")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/sandbox/paypal/checkoutnow?token=none")).StatusCode);
    }

    [Fact]
    public async Task Limits_spend_only_their_own_budget_and_zero_turns_a_limit_off()
    {
        await using var shop = new LimitedShopFactory(new() { ["Shop:RateLimits:Checkout"] = "1", ["Shop:RateLimits:Notify"] = "0" });
        var client = shop.NoRedirects();
        await client.PlaceAsync("check", ("MUG-001", 1));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order("check", ("MUG-001", 1)))).StatusCode);

        // Reading is never limited, nor is a budget set to 0.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/paymodes/systempay/notify",
                new StringContent($"vads_junk={i}", Encoding.UTF8, ProviderFlow.FormContentType))).StatusCode);
    }

    [Fact]
    public async Task A_hand_over_flood_gets_429_with_Retry_After_and_opens_no_more_attempts()
    {
        await using var shop = Shop("Handover", "3");
        var client = shop.NoRedirects();
        var order = await client.PlaceAsync("systempay", ("MUG-001", 1));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(order)).StatusCode);

        var flood = await client.SendAsync(order);

        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        AssertRetryAfter(flood);
        Assert.Contains("Too many payment attempts", await flood.Content.ReadAsStringAsync());
        Assert.Equal(3, await shop.CountAsync<PaymentAttempt>());
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Retry-After", out var values), "no Retry-After header");
        Assert.InRange(int.Parse(Assert.Single(values)), 1, 60);
    }
}
