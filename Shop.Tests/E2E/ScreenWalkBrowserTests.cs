using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using Shop.Web.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.E2E;

public sealed class ScreenWalkFactory() : KestrelShopFactory(ProviderAccounts.Settings());

/// <summary>
/// Every buyer page and every admin page, on a desktop (1280×800) and on a phone (390×844): the page never scrolls
/// sideways, and the pay button never comes before the pay-mode choice. Each screen is saved under screenshots/walk-*.
/// </summary>
public sealed class ScreenWalkBrowserTests(ScreenWalkFactory shop, BrowserFixture browser)
    : IClassFixture<ScreenWalkFactory>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Buyer_pages_fit_the_screen_and_the_pay_button_comes_after_the_choice(int width, int height)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(shop.BaseUrl + "/");
        await FitsAsync(page, $"walk-{width}-storefront");

        foreach (var code in new[] { "check", "transfer", "mercanet" })
        {
            await page.GotoAsync(shop.BaseUrl + "/");
            await CheckoutBrowserTests.AddToCartAsync(page, "TEE-002");
            await page.Locator("#cart-button").ClickAsync();
            await Expect(page.Locator(".paymode-list")).ToBeVisibleAsync();
            // Several modes are offered and the shop set no default: nothing is chosen, so there is no button to press yet.
            await Expect(page.Locator("#place-order")).ToHaveCountAsync(0);
            await Expect(page.Locator("#review-choose")).ToBeVisibleAsync();
            await CheckoutBrowserTests.FillDetailsAsync(page);
            await page.Locator($"#paymode-{code}").ClickAsync();
            await Expect(page.Locator("#review-paymode")).Not.ToBeEmptyAsync();
            await Expect(page.Locator("#review-next")).Not.ToBeEmptyAsync();
            Assert.True(await page.EvaluateAsync<bool>(
                "() => !!(document.querySelector('.paymode-list').compareDocumentPosition(document.querySelector('#place-order')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
                "The pay button must come after the pay-mode choice in the document.");
            await FitsAsync(page, $"walk-{width}-checkout-{code}");
            await page.Locator("#place-order").ClickAsync();

            if (code == "mercanet")
            {
                await page.WaitForURLAsync($"**/sandbox/{code}/pay");
                await FitsAsync(page, $"walk-{width}-sandbox-{code}");
                await page.Locator("#sandbox-pay").ClickAsync();
                await page.WaitForLoadStateAsync();
                if (!page.Url.Contains("/bills/", StringComparison.Ordinal) && await page.Locator("#sandbox-return").IsVisibleAsync())
                    await page.Locator("#sandbox-return").ClickAsync();
            }
            await page.WaitForURLAsync("**/bills/**");
            await Expect(page.Locator("#bill-state")).ToBeVisibleAsync();
            await FitsAsync(page, $"walk-{width}-bill-{code}");
        }

        await page.GotoAsync(shop.BaseUrl + "/no-such-page");
        await Expect(page.Locator("text=Page not found")).ToBeVisibleAsync();
        await FitsAsync(page, $"walk-{width}-not-found");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Admin_pages_fit_the_screen_and_sign_out_stays_reachable(int width, int height)
    {
        await shop.EnsureUsersAsync();
        var baseUrl = shop.BaseUrl;
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var reference = (await api.PlaceAsync("check", ("MUG-001", 2))).Reference;
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(shop.BaseUrl + "/admin");
        await page.WaitForURLAsync("**/account/login**");
        await FitsAsync(page, $"walk-{width}-admin-login");
        await page.Locator("#email").FillAsync(AdminHelpers.AdminEmail);
        await page.Locator("#password").FillAsync(AdminHelpers.AdminPassword);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync("**/admin");
        await Expect(page.Locator(".admin-live")).ToBeVisibleAsync();

        var registry = shop.Services.GetRequiredService<PayModeRegistry>();
        string[] pages = ["/admin", "/admin/bills", $"/admin/bills/{reference}", "/admin/paymodes",
            .. registry.All.Select(m => $"/admin/paymodes/{m.Code}"), "/admin/trace", "/admin/signature-lab", "/admin/settings"];
        // Pages added to the menu later are walked too.
        var menu = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a.mud-nav-link')].map(a => a.getAttribute('href')).filter(h => h && h.startsWith('/admin'))");
        foreach (var path in pages.Union(menu))
        {
            await page.GotoAsync(shop.BaseUrl + path);
            await Expect(page.Locator(".admin-live")).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
            await FitsAsync(page, $"walk-{width}-admin{path.Replace('/', '-')}");
        }

        if (width < 960)
        {
            await page.Locator("#account-menu button").ClickAsync();
            await Expect(page.Locator("#sign-out-menu")).ToBeInViewportAsync();
            await FitsAsync(page, $"walk-{width}-admin-account-menu");
            await page.Locator("#sign-out-menu").ClickAsync();
        }
        else
        {
            await Expect(page.Locator("#sign-out")).ToBeInViewportAsync();
            await page.Locator("#sign-out").ClickAsync();
        }
        await page.WaitForURLAsync(url => !url.Contains("/admin", StringComparison.Ordinal) || url.Contains("/account/login", StringComparison.Ordinal));
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves the screen, then checks the page is no wider than the window, naming what sticks out when it is.</summary>
    private static async Task FitsAsync(IPage page, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        var overflow = await page.EvaluateAsync<string>("""
            () => {
              const root = document.documentElement;
              if (root.scrollWidth <= root.clientWidth) return '';
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                .slice(-5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right));
              return `page ${root.scrollWidth}px wide in ${root.clientWidth}px: ${wide.join(' | ')}`;
            }
            """);
        Assert.True(overflow.Length == 0, $"{name}: {overflow}");
    }
}
