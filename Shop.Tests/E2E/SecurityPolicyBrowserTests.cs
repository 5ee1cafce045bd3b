using System.Collections.Concurrent;
using Microsoft.Playwright;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using Shop.Web.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.E2E;

public sealed class SecurityPolicyBrowserFactory() : KestrelShopFactory(ProviderAccounts.Settings());

/// <summary>
/// The Content-Security-Policy (finding 8 of issue 17) with the whole app in a real Chromium: the Blazor circuit,
/// MudBlazor, the hand-over's auto-post, the sandbox's return and the dashboard run, and the browser reports no
/// violation. Screenshots at 1280x800 show the styling intact.
/// </summary>
public sealed class SecurityPolicyBrowserTests(SecurityPolicyBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<SecurityPolicyBrowserFactory>, IClassFixture<BrowserFixture>
{
    private const string Email = "csp-owner@example.com";
    private const string Password = "Corr3ct-Horse-Battery";

    private readonly ConcurrentQueue<string> _violations = new();

    [Fact]
    public async Task Storefront_checkout_hand_over_sandbox_status_page_and_dashboard_run_with_no_CSP_violation()
    {
        var page = await NewWatchedPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(page, "MUG-001");    // only the interactive circuit can do this
        await Expect(page.Locator("#cart-count")).ToHaveTextAsync("1");
        await ScreenshotAsync(page, "csp-storefront");

        await page.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(page);
        await page.Locator("#paymode-systempay").ClickAsync();
        await ScreenshotAsync(page, "csp-checkout");
        await page.Locator("#place-order").ClickAsync();

        // The hand-over page's inline auto-post ran (allowed by its hash) and its form went to the provider.
        await page.WaitForURLAsync("**/sandbox/systempay/pay");
        await Expect(page.Locator("#sandbox-amount")).ToHaveTextAsync("14.99 EUR");
        await ScreenshotAsync(page, "csp-sandbox-payment-page");
        await page.Locator("#sandbox-pay").ClickAsync();

        await page.WaitForURLAsync("**/bills/**");
        await Expect(page.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await ScreenshotAsync(page, "csp-status-page");

        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.TryRunAsync(["admin", "create", "--email", Email, "--password", Password, $"--Shop:DataDirectory={shop.DataDirectory}"], output, output));
        await page.GotoAsync(shop.BaseUrl + "/admin");
        await page.WaitForURLAsync("**/account/login**");
        await page.Locator("#email").FillAsync(Email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(shop.BaseUrl + "/admin");
        await Expect(page.Locator(".admin-live")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "csp-admin-dashboard");
        await page.GotoAsync(shop.BaseUrl + "/admin/settings");
        await Expect(page.Locator(".field-name input")).ToHaveValueAsync("Demo Shop");
        await ScreenshotAsync(page, "csp-admin-settings");

        Assert.Empty(_violations);
    }

    [Fact]
    public async Task A_script_the_policy_does_not_allow_is_blocked_and_reported()
    {
        var page = await NewWatchedPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.NotEmpty(_violations);   // the watch above would see one
    }

    /// <summary>A 1280x800 page whose every CSP violation (event or console report) lands in <see cref="_violations"/>.</summary>
    private async Task<IPage> NewWatchedPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        // Injected by the browser driver, which the page's policy does not govern.
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`));");
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal)))
                _violations.Enqueue(message.Text);
        };
        return page;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"{name}.png") });
    }
}
