using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shop.Tests.E2E;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.PayModes.Stripe;

/// <summary>The real app on 127.0.0.1 with Stripe in the sandbox world: Stripe.net calls the sandbox over a real socket.</summary>
public sealed class StripeBrowserFactory() : KestrelShopFactory(StripeFactory.Settings);

public sealed class StripeBrowserTests(StripeBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<StripeBrowserFactory>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> ToHostedPageAsync(string sku, ViewportSize? viewport = null)
    {
        var page = await browser.NewPageAsync();
        if (viewport is not null)
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        await page.GotoAsync(shop.BaseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(page, sku);
        await page.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(page);
        await page.Locator("#paymode-stripe").ClickAsync();
        await page.Locator("#place-order").ClickAsync();
        await page.WaitForURLAsync("**/sandbox/stripe/pay/**");
        return page;
    }

    [Fact]
    public async Task Buyer_pays_by_card_on_the_Stripe_sandbox_and_the_status_page_shows_COMPLETE()
    {
        var page = await ToHostedPageAsync("NOTE-003");
        await BrowserFixture.ScreenshotAsync(page, "stripe-sandbox-checkout");
        await page.Locator("#sandbox-pay").ClickAsync();

        await page.WaitForURLAsync("**/bills/**");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await BrowserFixture.ScreenshotAsync(page, "stripe-complete");
    }

    [Fact]
    public async Task Buyer_paying_by_bank_debit_waits_and_the_status_page_turns_COMPLETE_by_itself_when_it_settles()
    {
        var page = await ToHostedPageAsync("MUG-001", new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.ScreenshotAsync(page, "stripe-sandbox-checkout-phone");
        var session = page.Url.Split('/')[^1].Split('?')[0];
        await page.Locator("#sandbox-delayed-success").ClickAsync();

        var reference = await shop.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
            return await db.Bills.Where(b => b.Attempts.Any(a => a.Data != null && a.Data.Contains(session))).Select(b => b.Reference).SingleAsync();
        });
        await page.GotoAsync($"{shop.BaseUrl}/bills/{reference}");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "PENDING");

        // The debit settles later, from outside the buyer's browser: the page follows without a reload.
        using var stripe = new HttpClient { BaseAddress = new Uri(shop.BaseUrl) };
        Assert.True((await stripe.PostAsync($"/sandbox/stripe/sessions/{session}/settle", null)).IsSuccessStatusCode);

        // The sandbox sends the event just after answering (as Stripe does), then the shop judges, delivers and pushes
        // the change: a few steps, so a loaded machine gets more than the default 5 s.
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE", new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(page, "stripe-complete-phone");
    }
}
