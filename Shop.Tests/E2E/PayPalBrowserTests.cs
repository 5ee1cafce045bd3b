using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shop.PayModes.PayPal;
using Shop.PayModes.PayPal.Sandbox;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.PayPal;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.E2E;

/// <summary>The real app on 127.0.0.1 with PayPal Checkout pointing at the built-in sandbox (real sockets, no handler swap).</summary>
public sealed class PayPalBrowserFactory() : KestrelShopFactory(PayPalFactory.Settings(PayPalSettings.Orders));

public sealed class PayPalBrowserTests(PayPalBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<PayPalBrowserFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Buyer_approves_on_the_PayPal_sandbox_and_the_status_page_turns_COMPLETE_by_itself()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(page, "NOTE-003");
        await page.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(page);
        await page.Locator("#paymode-paypal").ClickAsync();
        await page.Locator("#place-order").ClickAsync();

        await page.WaitForURLAsync("**/sandbox/paypal/checkoutnow?token=*");
        await Expect(page.Locator("#sandbox-amount")).ToHaveTextAsync("19.99 EUR");
        await BrowserFixture.ScreenshotAsync(page, "paypal-sandbox-approval");
        await page.Locator("#sandbox-approve").ClickAsync();

        await page.WaitForURLAsync("**/bills/**");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await Expect(page.Locator(".status-message")).ToContainTextAsync("Delivered");
        await BrowserFixture.ScreenshotAsync(page, "paypal-complete");
    }

    [Fact]
    public async Task Buyer_whose_capture_stays_pending_waits_and_the_page_turns_COMPLETE_when_PayPal_clears_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(page, "MUG-001");
        await page.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(page);
        await page.Locator("#paymode-paypal").ClickAsync();
        await page.Locator("#place-order").ClickAsync();

        await page.WaitForURLAsync("**/sandbox/paypal/checkoutnow?token=*");
        await page.Locator("#sandbox-approve-pending").ClickAsync();
        await page.WaitForURLAsync("**/bills/**");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "PENDING");

        // PayPal clears the payment later, from outside the buyer's browser.
        var reference = page.Url.Split('/')[^1];
        var attempt = (await shop.InScopeAsync(sp => sp.GetRequiredService<Shop.PayModes.Core.IBillGateway>().FindAsync(reference)))!.LatestAttempt!.Reference;
        var capture = shop.Services.GetRequiredService<PayPalSandbox>().FindOrder(attempt)!.Value.CaptureId!;
        using var provider = new HttpClient { BaseAddress = new Uri(shop.BaseUrl) };
        Assert.True((await provider.PostAsync($"/sandbox/paypal/captures/{capture}/complete", null)).IsSuccessStatusCode);

        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
    }
}

public sealed class PayPalStandardBrowserFactory() : KestrelShopFactory(PayPalFactory.Settings(PayPalSettings.Standard));

/// <summary>Payments Standard: the auto-posted form, the sandbox's PayPal page, the IPN, the status page.</summary>
public sealed class PayPalStandardBrowserTests(PayPalStandardBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<PayPalStandardBrowserFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Buyer_pays_on_the_Standard_sandbox_page_and_the_verified_IPN_completes_the_order()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(page, "TOTE-004");
        await page.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(page);
        await page.Locator("#paymode-paypal").ClickAsync();
        await page.Locator("#place-order").ClickAsync();

        await page.WaitForURLAsync("**/sandbox/paypal/webscr");
        await Expect(page.Locator("#sandbox-amount")).ToHaveTextAsync("18.50 EUR");
        await BrowserFixture.ScreenshotAsync(page, "paypal-standard-page");
        await page.Locator("#sandbox-pay").ClickAsync();

        await page.WaitForURLAsync("**/bills/**");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await BrowserFixture.ScreenshotAsync(page, "paypal-standard-complete");
    }
}
