using Microsoft.Playwright;
using Shop.Tests.Infrastructure;
using Shop.Web.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Shop.Tests.E2E;

/// <summary>Transfer starts disabled, so the admin has to switch it on.</summary>
public sealed class AdminBrowserFactory() : KestrelShopFactory(new Dictionary<string, string?> { ["PayModes:transfer:Enabled"] = "false" });

/// <summary>An administrator and a buyer, each in their own Chromium context, against the real app.</summary>
public sealed class AdminBrowserTests(AdminBrowserFactory shop, BrowserFixture browser)
    : IClassFixture<AdminBrowserFactory>, IClassFixture<BrowserFixture>
{
    private const string Email = "owner@example.com";
    private const string Password = "Corr3ct-Horse-Battery";
    private const string NewIban = "DE89 3704 0044 0532 0130 00";

    [Fact]
    public async Task Admin_enables_transfer_edits_its_IBAN_and_confirms_a_buyers_transfer_which_completes_the_buyers_open_page()
    {
        var baseUrl = shop.BaseUrl;
        // The first administrator is made exactly as an owner would on the command line.
        var output = new StringWriter();
        var exit = await CommandLine.TryRunAsync(["admin", "create", "--email", Email, "--password", Password, $"--Shop:DataDirectory={shop.DataDirectory}"], output, output);
        Assert.True(exit == 0, output.ToString());

        var admin = await browser.NewPageAsync();
        await admin.GotoAsync(baseUrl + "/admin/paymodes");
        await admin.WaitForURLAsync("**/account/login**");
        await BrowserFixture.ScreenshotAsync(admin, "admin-login");
        await admin.Locator("#email").FillAsync(Email);
        await admin.Locator("#password").FillAsync(Password);
        await admin.Locator("#sign-in").ClickAsync();
        await admin.WaitForURLAsync("**/admin/paymodes");
        await Expect(admin.Locator(".admin-live")).ToBeVisibleAsync();
        await Expect(admin.Locator(".admin-test-mode")).ToBeVisibleAsync();

        var transferSwitch = admin.Locator(".enable-transfer input");
        await Expect(transferSwitch).Not.ToBeCheckedAsync();
        await transferSwitch.CheckAsync();
        await Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("Bank transfer enabled");
        await Expect(transferSwitch).ToBeCheckedAsync();
        await BrowserFixture.ScreenshotAsync(admin, "admin-paymodes");
        await AssertNothingCutOffAsync(admin.Locator(".paymodes-table"), ".edit-settings, .self-check, th");

        await admin.Locator(".edit-transfer").ClickAsync();
        await admin.WaitForURLAsync("**/admin/paymodes/transfer");
        var iban = admin.Locator(".field-iban input");
        await iban.FillAsync("FR76 0000");   // wrong check digits: the form refuses it, field by field
        await admin.Locator(".settings-save").ClickAsync();
        await Expect(admin.Locator(".field-iban")).ToContainTextAsync("not a valid IBAN");
        await iban.FillAsync(NewIban);
        await admin.Locator(".settings-save").ClickAsync();
        // The first save may create the Data Protection key ring: slow on a loaded machine, so more than the default 5 s.
        await Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync("Bank transfer settings saved", new() { Timeout = 15_000 });
        await BrowserFixture.ScreenshotAsync(admin, "admin-paymode-settings");

        // A buyer pays by transfer and keeps the status page open.
        var buyer = await browser.NewPageAsync();
        await buyer.GotoAsync(baseUrl + "/");
        await CheckoutBrowserTests.AddToCartAsync(buyer, "MUG-001");
        await CheckoutBrowserTests.AddToCartAsync(buyer, "TOTE-004");
        await buyer.Locator("#cart-button").ClickAsync();
        await CheckoutBrowserTests.FillDetailsAsync(buyer);
        await buyer.Locator("#paymode-transfer").ClickAsync();
        await buyer.Locator("#place-order").ClickAsync();
        await buyer.WaitForURLAsync("**/bills/**");
        await Expect(buyer.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "PENDING");
        await Expect(buyer.Locator(".paymode-instructions .iban")).ToHaveTextAsync("DE89 3704 0044 0532 0130 00");
        var reference = buyer.Url.Split('/')[^1];

        // The admin finds it on the dashboard, opens it and records the transfer.
        await admin.GotoAsync(baseUrl + "/admin");
        await Expect(admin.Locator(".waiting-bills")).ToContainTextAsync("Ada Lovelace");
        await BrowserFixture.ScreenshotAsync(admin, "admin-dashboard");
        await admin.GotoAsync($"{baseUrl}/admin/bills/{reference}");
        await Expect(admin.Locator(".admin-live")).ToBeVisibleAsync();
        await Expect(admin.Locator("#admin-bill-state")).ToHaveAttributeAsync("data-state", "PENDING");
        await BrowserFixture.ScreenshotAsync(admin, "admin-bill-pending");
        await admin.Locator("#record-payment").ClickAsync();
        await Expect(admin.Locator(".confirm-amount input")).ToHaveValueAsync("33.49");
        await admin.Locator(".confirm-note textarea").FillAsync("Bank statement line 42");
        await admin.Locator(".confirm-submit").ClickAsync();
        await Expect(admin.Locator("#admin-bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await Expect(admin.Locator(".bill-trace")).ToContainTextAsync($"admin:{Email}");
        await Expect(admin.Locator(".bill-trace")).ToContainTextAsync("Bank statement line 42");
        await BrowserFixture.ScreenshotAsync(admin, "admin-bill-complete");

        // The buyer's page, untouched, turns COMPLETE by itself.
        await Expect(buyer.Locator("#bill-state")).ToHaveAttributeAsync("data-state", "COMPLETE");
        await Expect(buyer.Locator(".status-message")).ToContainTextAsync("Delivered");

        await admin.GotoAsync(baseUrl + "/admin/bills");
        await Expect(admin.Locator(".bills-grid")).ToContainTextAsync("Ada Lovelace");
        await BrowserFixture.ScreenshotAsync(admin, "admin-bills");
        await admin.GotoAsync(baseUrl + "/admin/trace");
        await Expect(admin.Locator(".trace-grid")).ToContainTextAsync("delivered");
        await AssertNothingCutOffAsync(admin.Locator(".trace-grid"), "th, .trace-transition");
        await BrowserFixture.ScreenshotAsync(admin, "admin-trace");
        await admin.GotoAsync(baseUrl + "/admin/settings");
        await Expect(admin.Locator(".field-name input")).ToHaveValueAsync("Demo Shop");
        await BrowserFixture.ScreenshotAsync(admin, "admin-settings");

        // The layout's sign-out button, once the page is live, posts the form with its antiforgery token and signs out.
        await Expect(admin.Locator(".admin-live")).ToBeVisibleAsync();
        await admin.Locator("#sign-out").ClickAsync();
        await admin.WaitForURLAsync("**/account/login?signedOut=1");
        await admin.GotoAsync(baseUrl + "/admin");
        await admin.WaitForURLAsync("**/account/login?**");
    }

    /// <summary>At the browser's 1280 px, every <paramref name="parts"/> of <paramref name="container"/> lies inside it (none clipped off).</summary>
    private static async Task AssertNothingCutOffAsync(ILocator container, string parts)
    {
        var outer = (await container.BoundingBoxAsync())!;
        foreach (var part in await container.Locator(parts).AllAsync())
        {
            var box = (await part.BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= outer.X + outer.Width + 0.5,
                $"'{await part.InnerTextAsync()}' ends at {box.X + box.Width:0} px, past the table's edge at {outer.X + outer.Width:0} px");
        }
    }

    [Fact]
    public async Task Signed_in_non_admin_gets_a_403_page_that_names_the_account_and_offers_to_sign_out()
    {
        await shop.EnsureUsersAsync();
        var clerk = await browser.NewPageAsync();
        await clerk.GotoAsync(shop.BaseUrl + "/admin/paymodes");
        await clerk.WaitForURLAsync("**/account/login**");
        await clerk.Locator("#email").FillAsync(AdminHelpers.ClerkEmail);
        await clerk.Locator("#password").FillAsync(AdminHelpers.ClerkPassword);
        var refused = await clerk.RunAndWaitForResponseAsync(() => clerk.Locator("#sign-in").ClickAsync(),
            r => r.Url.EndsWith("/admin/paymodes", StringComparison.Ordinal));
        Assert.Equal(403, refused.Status);
        await Expect(clerk.Locator("#access-denied")).ToBeVisibleAsync();
        await Expect(clerk.Locator("#denied-user")).ToHaveTextAsync(AdminHelpers.ClerkEmail);
        await BrowserFixture.ScreenshotAsync(clerk, "admin-denied");

        await clerk.Locator("#denied-sign-out").ClickAsync();
        await clerk.WaitForURLAsync("**/account/login?signedOut=1");
    }
}
