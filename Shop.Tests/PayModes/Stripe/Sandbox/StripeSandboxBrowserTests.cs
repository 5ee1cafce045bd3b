using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Playwright;
using Shop.Tests.Infrastructure;
using Stripe;
using Stripe.Checkout;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.PayModes.Stripe.Sandbox;

/// <summary>The Stripe sandbox on 127.0.0.1 (real sockets): Stripe.net over HTTP, the hosted page in Chromium.</summary>
public sealed class StripeSandboxBrowserFactory() : KestrelShopFactory(StripeSandboxShop.Settings())
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(StripeSandboxShop.AddStandInUnlessRegistered);
    }
}

/// <summary>The hosted Checkout page under the shop's Content-Security-Policy, at desktop and phone sizes.</summary>
public sealed class StripeSandboxBrowserTests(StripeSandboxBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<StripeSandboxBrowserFactory>, IClassFixture<BrowserFixture>
{
    private async Task<Session> NewSessionAsync()
    {
        var options = StripeNetFidelityTests.Order();
        options.SuccessUrl = shop.BaseUrl + "/paymodes/stripe/return?session_id={CHECKOUT_SESSION_ID}";
        options.CancelUrl = shop.BaseUrl + "/paymodes/stripe/cancel?reference=BILL-7";
        var key = shop.Services.GetService(typeof(Shop.PayModes.Core.Sandbox.SandboxCredentials)) is Shop.PayModes.Core.Sandbox.SandboxCredentials credentials
            ? credentials.For("stripe", "SecretKey") : "";
        return await new SessionService(new StripeClient(key, apiBase: shop.BaseUrl + "/sandbox/stripe")).CreateAsync(options);
    }

    [Fact]
    public async Task A_buyer_declines_pays_by_bank_debit_settles_it_and_pays_by_card_on_the_hosted_page()
    {
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(message.Text); };
        var session = await NewSessionAsync();

        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(session.Url);
        await Expect(page.Locator("#sandbox-amount")).ToHaveTextAsync("29.99 EUR");
        await BrowserFixture.ScreenshotAsync(page, "stripe-sandbox-checkout");
        await page.Locator("#sandbox-decline").ClickAsync();
        await Expect(page.Locator("#sandbox-declined")).ToContainTextAsync("Your card was declined");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "stripe-sandbox-checkout-phone");
        await page.Locator("#sandbox-delayed-success").ClickAsync();
        await Expect(page.Locator("#sandbox-payment-status")).ToHaveTextAsync("unpaid");
        await page.Locator("#sandbox-settle").ClickAsync();
        await Expect(page.Locator("#sandbox-payment-status")).ToHaveTextAsync("paid");
        await Expect(page.Locator("#sandbox-events")).ToContainTextAsync("checkout.session.async_payment_succeeded");
        await page.SetViewportSizeAsync(1280, 800);
        await BrowserFixture.ScreenshotAsync(page, "stripe-sandbox-session");

        var second = await NewSessionAsync();
        await page.GotoAsync(second.Url);
        // Where the browser goes back to, whatever the shop answers there (the mode's return page is the mode's to test).
        var back = page.WaitForRequestAsync(r => r.Url == $"{shop.BaseUrl}/paymodes/stripe/return?session_id={second.Id}");
        await page.Locator("#sandbox-pay").ClickAsync();
        await back;

        Assert.Empty(blocked);
    }
}
