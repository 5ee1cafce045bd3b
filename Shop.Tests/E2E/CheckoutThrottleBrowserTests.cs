using System.Net;
using System.Net.Http.Json;
using Shop.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.E2E;

public sealed class CheckoutThrottleBrowserFactory() : KestrelShopFactory(new Dictionary<string, string?> { ["Shop:RateLimits:Checkout"] = "1" });

/// <summary>The interactive checkout's "place order" reaches the server over its circuit, not as a request, yet spends the
/// same per-client checkout budget as <c>POST /api/checkout</c>: the buyer is told, in words, to wait.</summary>
public sealed class CheckoutThrottleBrowserTests(CheckoutThrottleBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<CheckoutThrottleBrowserFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task After_an_API_order_from_the_same_address_the_checkout_page_asks_the_buyer_to_wait()
    {
        // The one order this address may place this minute, through the API (the browser comes from 127.0.0.1 too).
        using var api = new HttpClient { BaseAddress = new Uri(shop.BaseUrl) };
        var placed = await api.PostAsJsonAsync("/api/checkout", ShopApiClient.Order("check", ("MUG-001", 1)));
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(page, "MUG-001");
        await page.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(page);
        await page.Locator("#paymode-check").ClickAsync();
        await page.Locator("#place-order").ClickAsync();

        await Expect(page.Locator(".checkout-errors")).ToContainTextAsync("Too many orders from your address: please wait");
        Assert.EndsWith("/checkout", page.Url);
        await Expect(page.Locator("#place-order")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "checkout-throttled");
        Assert.Equal(1, await shop.CountAsync<Shop.Web.Data.Bill>());
    }
}
