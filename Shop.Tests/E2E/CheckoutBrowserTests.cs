using System.Net.Http.Json;
using Microsoft.Playwright;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.E2E;

public sealed class CheckoutBrowserFactory() : KestrelShopFactory(new Dictionary<string, string?> { ["Shop:TestOverride"] = "true" });

/// <summary>A buyer in a real Chromium against the real app on 127.0.0.1.</summary>
public sealed class CheckoutBrowserTests(CheckoutBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<CheckoutBrowserFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Buyer_pays_by_cheque_and_sees_the_instructions_and_PENDING()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await BrowserFixture.ScreenshotAsync(page, "storefront");
        await AddToCartAsync(page, "MUG-001");
        await AddToCartAsync(page, "NOTE-003");
        await Expect(page.Locator("#cart-count")).ToHaveTextAsync("2");

        await page.Locator("#cart-button").ClickAsync();
        await FillDetailsAsync(page);
        await Expect(page.Locator("#order-total")).ToHaveTextAsync("34.98 EUR");
        await page.Locator("#paymode-check").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "checkout-form");
        await page.Locator("#place-order").ClickAsync();

        await page.WaitForURLAsync("**/bills/**");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "PENDING");
        await Expect(page.Locator(".paymode-instructions")).ToContainTextAsync("payable to Demo Shop SARL");
        var reference = page.Url.Split('/')[^1];
        // The cheque names the ISO 11649 reference made from the order number, not the status URL's secret reference.
        var number = (await page.Locator(".bill-number").First.TextContentAsync())!.Trim();
        Assert.Matches(@"^\d{4}-\d{6}$", number);
        var quoted = (await page.Locator(".paymode-instructions .payment-reference").TextContentAsync())!;
        Assert.Equal(CreditorReference.Format(CreditorReference.Create(number.Replace("-", ""))), quoted);
        Assert.DoesNotContain(reference, await page.Locator(".paymode-instructions").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "checkout-cheque-pending");
    }

    [Fact]
    public async Task Buyer_pays_with_the_deferred_test_button_and_the_status_page_turns_COMPLETE_by_itself()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await AddToCartAsync(page, "TEE-002");
        await page.Locator("#cart-button").ClickAsync();
        await FillDetailsAsync(page);
        await page.Locator("#paymode-test").ClickAsync();
        await page.Locator("#place-order").ClickAsync();

        await page.WaitForURLAsync("**/bills/**");
        await page.Locator("#test-defer").ClickAsync();
        await Expect(page.Locator(".test-deferred")).ToBeVisibleAsync();
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "PLACED");

        // The provider delivers its notification later, from outside the buyer's browser.
        var reference = page.Url.Split('/')[^1];
        using var provider = new HttpClient { BaseAddress = new Uri(shop.BaseUrl) };
        var fired = await provider.PostAsync($"/paymodes/test/fire/{reference}", JsonContent.Create(new { }));
        Assert.True(fired.IsSuccessStatusCode, await fired.Content.ReadAsStringAsync());

        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await Expect(page.Locator(".status-message")).ToContainTextAsync("Delivered");
        await BrowserFixture.ScreenshotAsync(page, "checkout-test-deferred-complete");
    }

    internal static async Task AddToCartAsync(IPage page, string sku) =>
        await page.Locator($"[data-sku='{sku}'] .add-to-cart").ClickAsync();

    internal static async Task FillDetailsAsync(IPage page)
    {
        await page.Locator("#first-name").FillAsync("Ada");
        await page.Locator("#last-name").FillAsync("Lovelace");
        await page.Locator("#email").FillAsync("ada@example.com");
        await page.Locator("#address").FillAsync("12 rue de la Paix");
        await page.Locator("#zip").FillAsync("75002");
        await page.Locator("#city").FillAsync("Paris");
        await ChooseCountryAsync(page, "France");
    }

    /// <summary>The country comes from the ISO 3166 list: open it and pick the name.</summary>
    internal static async Task ChooseCountryAsync(IPage page, string name)
    {
        await page.Locator(".country-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{name}\\s*$") }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
