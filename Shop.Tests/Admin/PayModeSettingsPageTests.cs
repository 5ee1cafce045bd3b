using Bunit;
using Shop.PayModes.Core;
using Shop.Web.Components.Admin;

namespace Shop.Tests.Admin;

public sealed class PayModeSettingsPageTests : AdminComponentContext
{
    private async Task<IRenderedComponent<PayModeSettingsPage>> RenderVaultAsync()
    {
        var config = await Store.GetAsync("vault");
        await Store.SaveAsync(config with { Settings = new VaultSettings { AccountId = "acct-1", ApiKey = VaultPayMode.SecretValue } });
        Ready();
        var cut = Render<PayModeSettingsPage>(p => p.Add(x => x.Code, "vault"));
        cut.WaitForAssertion(() => cut.Find(".secret-ApiKey input"));
        return cut;
    }

    [Fact]
    public async Task Shows_a_stored_secret_only_as_set_with_its_last_four_characters()
    {
        var cut = await RenderVaultAsync();

        Assert.DoesNotContain(VaultPayMode.SecretValue, cut.Markup);
        Assert.Equal("", cut.Find(".secret-ApiKey input").GetAttribute("value") ?? "");
        Assert.Equal("password", cut.Find(".secret-ApiKey input").GetAttribute("type"));
        Assert.Contains("set · ending in 1a2b", cut.Find(".secrets-status").TextContent);
        Assert.Contains("set · ending in 1a2b · leave blank to keep it", cut.Find(".secret-ApiKey").TextContent);
        Assert.Equal("acct-1", cut.Find(".field-account-id input").GetAttribute("value"));
    }

    [Fact]
    public async Task Saving_with_the_secret_left_blank_keeps_it_and_a_new_value_replaces_it()
    {
        var cut = await RenderVaultAsync();

        cut.Find(".field-account-id input").Change("acct-2");
        cut.Find("form.paymode-settings-form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("acct-2", Store.GetSettingsAsync<VaultSettings>("vault").Result.AccountId));
        Assert.Equal(VaultPayMode.SecretValue, (await Store.GetSettingsAsync<VaultSettings>("vault")).ApiKey);
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find(".secret-ApiKey input").GetAttribute("value") ?? ""));

        cut.Find(".secret-ApiKey input").Input("sk_live_Rotated_New_Key_9z9z");
        cut.Find("form.paymode-settings-form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("sk_live_Rotated_New_Key_9z9z", Store.GetSettingsAsync<VaultSettings>("vault").Result.ApiKey));
        cut.WaitForAssertion(() => Assert.Contains("ending in 9z9z", cut.Find(".secrets-status").TextContent));
        Assert.DoesNotContain("Rotated_New_Key", cut.Markup);
    }

    [Fact]
    public async Task Shows_a_message_per_field_and_saves_nothing_when_a_field_is_invalid()
    {
        var cut = await RenderVaultAsync();

        cut.Find(".field-account-id input").Change("");
        cut.Find("form.paymode-settings-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Give the account id.", cut.Markup));
        Assert.Equal("acct-1", (await Store.GetSettingsAsync<VaultSettings>("vault")).AccountId);
    }

    [Fact]
    public async Task The_secrets_panel_names_each_secret_in_words_not_by_its_property_name()
    {
        var cut = await RenderVaultAsync();
        Assert.Equal("Api key", cut.Find(".secrets-status [data-secret='ApiKey'] .secret-name").TextContent);
    }

    [Fact]
    public async Task Amount_rules_are_typed_as_money_in_the_shops_currency_and_stored_in_minor_units()
    {
        var cut = await RenderVaultAsync();
        Assert.Contains("Minimum order (EUR)", cut.Find(".minimum-amount").TextContent);

        cut.Find(".minimum-amount input").Change("12.50");
        cut.Find(".maximum-amount input").Change("500");
        cut.Find("form.paymode-settings-form").Submit();
        cut.WaitForAssertion(() => Assert.Equal(1250, Store.GetAsync("vault").Result.Settings.MinimumAmount));
        Assert.Equal(50000, (await Store.GetAsync("vault")).Settings.MaximumAmount);
    }

    [Fact]
    public async Task An_amount_with_more_decimals_than_the_currency_has_is_refused_with_a_message_and_not_saved()
    {
        var cut = await RenderVaultAsync();

        cut.Find(".minimum-amount input").Change("12.345");
        cut.Find("form.paymode-settings-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("EUR has at most 2 decimals.", cut.Find(".minimum-amount").TextContent));
        Assert.Null((await Store.GetAsync("vault")).Settings.MinimumAmount);
    }
}
