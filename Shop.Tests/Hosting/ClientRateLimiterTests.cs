using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Checkout;
using Shop.Web.Hosting;

namespace Shop.Tests.Hosting;

/// <summary>The per-client budgets themselves, and the interactive checkout's share of the checkout budget.</summary>
public sealed class ClientRateLimiterTests
{
    private static ClientRateLimiter Limiter(int checkout = 2) =>
        new(Options.Create(new RateLimitOptions { Checkout = checkout, Notify = 0, SignIn = 1, Sandbox = 1 }));

    private static bool Spend(ClientRateLimiter limiter, ClientRateLimit limit, string address)
    {
        using var lease = limiter.Acquire(limit, IPAddress.Parse(address));
        return lease.IsAcquired;
    }

    [Fact]
    public void Each_client_address_has_its_own_budget()
    {
        using var limiter = Limiter();
        Assert.True(Spend(limiter, ClientRateLimit.Checkout, "203.0.113.7"));
        Assert.True(Spend(limiter, ClientRateLimit.Checkout, "203.0.113.7"));
        Assert.False(Spend(limiter, ClientRateLimit.Checkout, "203.0.113.7"));
        Assert.True(Spend(limiter, ClientRateLimit.Checkout, "203.0.113.8"));
        // The same address as an IPv4-mapped IPv6 one is the same client.
        Assert.False(Spend(limiter, ClientRateLimit.Checkout, "::ffff:203.0.113.7"));
    }

    [Fact]
    public void An_IPv6_client_is_counted_by_its_64_bit_prefix_so_fresh_addresses_do_not_buy_fresh_budgets()
    {
        using var limiter = Limiter(checkout: 1);
        Assert.True(Spend(limiter, ClientRateLimit.Checkout, "2001:db8:1:2::1"));
        Assert.False(Spend(limiter, ClientRateLimit.Checkout, "2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        Assert.True(Spend(limiter, ClientRateLimit.Checkout, "2001:db8:1:3::1"));
    }

    [Fact]
    public void Budgets_are_separate_and_zero_is_no_limit()
    {
        using var limiter = Limiter(checkout: 1);
        Assert.True(Spend(limiter, ClientRateLimit.SignIn, "198.51.100.1"));
        Assert.False(Spend(limiter, ClientRateLimit.SignIn, "198.51.100.1"));
        Assert.True(Spend(limiter, ClientRateLimit.Checkout, "198.51.100.1"));
        for (var i = 0; i < 1000; i++)
            Assert.True(Spend(limiter, ClientRateLimit.Notify, "198.51.100.1"));
    }

    [Fact]
    public void A_refusal_says_when_to_try_again()
    {
        using var limiter = Limiter(checkout: 1);
        Spend(limiter, ClientRateLimit.Checkout, "198.51.100.9");
        using var refused = limiter.Acquire(ClientRateLimit.Checkout, IPAddress.Parse("198.51.100.9"));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task The_interactive_checkout_spends_the_same_per_client_budget_as_the_API()
    {
        await using var shop = new ShopFactory(new Dictionary<string, string?> { ["Shop:RateLimits:Checkout"] = "3" });
        var gate = shop.Service<CheckoutGate>();
        var client = shop.NoRedirects();

        // Under the test server the API's client has no address; so has a circuit whose address is unknown.
        Assert.Null(gate.InteractiveRefusal(null));
        await client.PlaceAsync("check", ("MUG-001", 1));
        Assert.Null(gate.InteractiveRefusal(null));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/checkout", ShopApiClient.Order("check", ("MUG-001", 1)))).StatusCode);

        var refusal = gate.InteractiveRefusal(null);
        Assert.NotNull(refusal);
        Assert.Matches(@"^Too many orders from your address: please wait \d+ seconds, then try again\.$", refusal);
        // Another client still orders.
        Assert.Null(gate.InteractiveRefusal(IPAddress.Parse("192.0.2.44")));
    }

    [Theory]
    [InlineData("Checkout")]
    [InlineData("Notify")]
    [InlineData("SignIn")]
    [InlineData("Sandbox")]
    public async Task A_negative_limit_stops_the_start_with_the_settings_name(string limit)
    {
        var builder = ShopHost.CreateBuilder([$"--Shop:RateLimits:{limit}=-5", $"--Shop:DataDirectory={Path.GetTempPath()}"]);
        builder.AddShopServices();
        await using var app = builder.Build();

        var refusal = Assert.Throws<OptionsValidationException>(() => app.UseShopRateLimits());
        Assert.Contains($"Shop:RateLimits:{limit} is requests per minute per client: 0 (no limit) or more.", refusal.Message);
    }
}
