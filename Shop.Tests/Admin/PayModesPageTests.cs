using Bunit;
using Shop.PayModes.Core;
using PayModesPage = Shop.Web.Components.Admin.PayModes;

namespace Shop.Tests.Admin;

public sealed class PayModesPageTests : AdminComponentContext
{
    private IRenderedComponent<PayModesPage> RenderPage()
    {
        Ready();
        var cut = Render<PayModesPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tr.paymode-row").Count));
        return cut;
    }

    private static string[] Order(IRenderedComponent<PayModesPage> cut) => [.. cut.FindAll("tr.paymode-row").Select(r => r.GetAttribute("data-paymode")!)];

    [Fact]
    public async Task Switching_a_mode_on_enables_it_in_the_store()
    {
        var cut = RenderPage();
        Assert.False((await Store.GetAsync("check")).Enabled);

        cut.Find(".enable-check input").Change(true);

        cut.WaitForAssertion(() => Assert.True(Store.GetAsync("check").Result.Enabled));
        Assert.False((await Store.GetAsync("transfer")).Enabled);
        cut.Find(".enable-check input").Change(false);
        cut.WaitForAssertion(() => Assert.False(Store.GetAsync("check").Result.Enabled));
    }

    [Fact]
    public async Task Moving_a_mode_down_and_up_changes_the_display_order()
    {
        var cut = RenderPage();
        Assert.Equal(["check", "transfer", "vault"], Order(cut));

        cut.Find(".move-down-check").Click();
        cut.WaitForAssertion(() => Assert.Equal(["transfer", "check", "vault"], Order(cut)));
        Assert.Equal(["transfer", "check", "vault"], (await Store.GetAllAsync()).Select(c => c.Code));

        cut.Find(".move-up-vault").Click();
        cut.WaitForAssertion(() => Assert.Equal(["transfer", "vault", "check"], Order(cut)));
        Assert.True(cut.Find(".move-up-transfer").HasAttribute("disabled"));
        Assert.True(cut.Find(".move-down-check").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Making_a_mode_the_default_unmarks_the_previous_one()
    {
        var cut = RenderPage();
        cut.Find(".make-default-check").Click();
        cut.WaitForAssertion(() => cut.Find(".default-check"));

        cut.Find(".make-default-transfer").Click();

        cut.WaitForAssertion(() => cut.Find(".default-transfer"));
        Assert.Empty(cut.FindAll(".default-check"));
        Assert.Equal(["transfer"], (await Store.GetAllAsync()).Where(c => c.IsDefault).Select(c => c.Code));
    }

    [Fact]
    public async Task Shows_each_modes_order_rules_in_one_line()
    {
        var check = await Store.GetAsync("check");
        check.Settings.MinimumAmount = 1000;
        check.Settings.AllowedCurrencies = "eur, chf";
        await Store.SaveAsync(check);
        var cut = RenderPage();
        Assert.Equal("from 10.00 EUR · EUR, CHF only", cut.Find("#paymode-row-check .paymode-rules").TextContent);
        Assert.Empty(cut.FindAll("#paymode-row-transfer .paymode-rules"));
    }

    [Fact]
    public void Shows_which_modes_still_need_settings_and_offers_no_self_check_to_modes_without_one()
    {
        var cut = RenderPage();
        Assert.Equal(3, cut.FindAll(".paymode-unconfigured").Count);   // fresh: no payee, no IBAN, no account id
        Assert.Empty(cut.FindAll(".self-check"));
    }

    [Fact]
    public async Task Switching_on_a_mode_buyers_cannot_be_offered_says_why_in_warning_colour_on_its_row()
    {
        var reason = (await Store.GetAsync("transfer")).Settings.Validate().First().ErrorMessage!;
        var cut = RenderPage();

        cut.Find(".enable-transfer input").Change(true);   // fresh: no IBAN

        cut.WaitForAssertion(() => cut.Find(".enable-notice-transfer"), TimeSpan.FromSeconds(20));
        var notice = cut.Find(".enable-notice-transfer");
        Assert.Contains("mud-alert-text-warning", notice.ClassName);
        Assert.Contains("buyers are not offered it yet", notice.TextContent);
        Assert.DoesNotContain("Bank transfer enabled.", cut.Markup);
        // The reason comes from the mode's own validation, and the notice sits right under the mode's row.
        Assert.Contains(reason, notice.TextContent);
        Assert.Equal("paymode-row-transfer", cut.Find(".paymode-notice-row").PreviousElementSibling!.Id);
    }
}
