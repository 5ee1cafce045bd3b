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
}
