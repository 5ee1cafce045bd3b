using Bunit;
using Microsoft.AspNetCore.Components;
using Shop.PayModes.Core;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

public sealed class PayPalSettingsFormTests : MudTestContext
{
    private static PayPalSettings Stored() => new()
    {
        Integration = PayPalSettings.Orders, ClientId = "client", ClientSecret = "EOaTQsecretWXYZ", WebhookId = "WH-1", Business = "m@shop.example",
    };

    private IRenderedComponent<PayPalSettingsForm> Render(PayPalSettings settings, Action<PayModeSettings> saved)
    {
        Interactive();
        return Render<PayPalSettingsForm>(p => p
            .Add(f => f.Settings, settings)
            .Add(f => f.OnValidSubmit, EventCallback.Factory.Create<PayModeSettings>(this, saved)));
    }

    [Fact]
    public void Secret_is_never_shown_only_its_last_four_characters()
    {
        var form = Render(Stored(), _ => { });

        var secret = form.Find(".field-client-secret input");
        Assert.Equal("password", secret.GetAttribute("type"));
        Assert.True(string.IsNullOrEmpty(secret.GetAttribute("value")));
        Assert.DoesNotContain("EOaTQsecret", form.Markup);
        Assert.Contains("set · ending in WXYZ", form.Markup);
    }

    [Fact]
    public void Blank_secret_keeps_the_stored_one_and_a_typed_one_replaces_it()
    {
        PayModeSettings? saved = null;
        var settings = Stored();
        var form = Render(settings, s => saved = s);

        form.Find("form").Submit();
        Assert.Equal("EOaTQsecretWXYZ", ((PayPalSettings)saved!).ClientSecret);

        form.Find(".field-client-secret input").Input("new-secret-9876");
        form.Find("form").Submit();
        Assert.Equal("new-secret-9876", ((PayPalSettings)saved!).ClientSecret);

        form.Find(".field-client-secret input").Input("");
        Assert.Equal("EOaTQsecretWXYZ", settings.ClientSecret);
    }

    [Fact]
    public void Missing_credentials_for_Orders_block_the_save()
    {
        var saved = false;
        var form = Render(new PayPalSettings { Integration = PayPalSettings.Orders, Business = "m@shop.example" }, _ => saved = true);

        form.Find("form").Submit();

        Assert.False(saved);
        Assert.Contains("REST client secret", form.Find(".settings-errors").TextContent);
        Assert.Contains("not set", form.Markup);
    }
}
