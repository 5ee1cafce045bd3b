using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.E2E;

public sealed class ProviderBrowserFactory() : KestrelShopFactory(ProviderAccounts.Settings());

/// <summary>A buyer pays through each provider's sandbox in a real Chromium; the sandbox notifies over real HTTP.</summary>
public sealed class ProviderBrowserTests(ProviderBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<ProviderBrowserFactory>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("mercanet")]
    [InlineData("systempay")]
    [InlineData("ogone")]
    public async Task Buyer_pays_on_the_sandbox_page_with_a_late_notification_and_the_status_page_turns_COMPLETE_by_itself(string code)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(page, "TEE-002");
        await page.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(page);
        await page.Locator($"#paymode-{code}").ClickAsync();
        await page.Locator("#place-order").ClickAsync();

        // The shop's auto-posted, signed request lands on the sandbox's hosted page.
        await page.WaitForURLAsync($"**/sandbox/{code}/pay");
        await Expect(page.Locator("#sandbox-amount")).ToHaveTextAsync("24.99 EUR");
        await BrowserFixture.ScreenshotAsync(page, $"sandbox-{code}-payment-page");

        await page.Locator("#sandbox-pay-late").ClickAsync();
        await Expect(page.Locator("#sandbox-return")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"sandbox-{code}-held");
        var deliverUrl = page.Url.Replace("/decide/", "/deliver/", StringComparison.Ordinal);
        await page.Locator("#sandbox-return").ClickAsync();

        // Back at the shop before the notification: the browser return proves nothing.
        await page.WaitForURLAsync("**/bills/**");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "PLACED");
        // ...but a signed one says the payment is being confirmed, not that the shop still waits for it.
        await Expect(page.Locator(".status-message")).ToContainTextAsync("Confirming your payment with");

        // The provider's server notifies later, from outside the buyer's browser.
        using var provider = new HttpClient();
        var delivered = await provider.PostAsync(deliverUrl, null);
        var answer = await delivered.Content.ReadAsStringAsync();
        Assert.True(delivered.IsSuccessStatusCode && answer.Contains("[200]"), answer);

        // Within Playwright's 5 s, under the page's 10 s poll: the live push did it. SOLDOUT and COMPLETE land
        // milliseconds apart; an older read finishing last must not leave the page on SOLDOUT.
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await Expect(page.Locator(".status-message")).ToContainTextAsync("Delivered");
        await BrowserFixture.ScreenshotAsync(page, $"sandbox-{code}-complete");
    }
}
