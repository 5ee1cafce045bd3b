using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shop.Web.Components.Admin;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Tests.Admin;

/// <summary>Outside test mode the shop builds its URLs on the public URL (and will not start without it): the dashboard says so.</summary>
public sealed class ShopSettingsTestModeTests : AdminComponentContext
{
    private const string Message = "Set the public base URL before turning test mode off";

    private (IRenderedComponent<ShopSettingsPage> Page, ShopSettingsStore Store) RenderPage(Action<ShopOptions>? configured = null)
    {
        Services.AddOptions<ShopOptions>().Configure(o => configured?.Invoke(o));
        Services.AddSingleton<ShopSettingsStore>();
        Ready();
        var cut = Render<ShopSettingsPage>();
        cut.WaitForAssertion(() => cut.Find("form.shop-settings-form"));
        return (cut, Services.GetRequiredService<ShopSettingsStore>());
    }

    [Fact]
    public void Turning_test_mode_off_without_a_public_URL_is_refused_with_a_message()
    {
        var (cut, store) = RenderPage();

        cut.Find(".field-test-mode input").Change(false);
        cut.Find("form.shop-settings-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains(Message, cut.Markup));
        Assert.True(store.Current.TestMode);
    }

    [Fact]
    public void Turning_test_mode_off_with_a_public_URL_is_saved()
    {
        var (cut, store) = RenderPage();

        cut.Find(".field-public-url input").Change("https://shop.example");
        cut.Find(".field-test-mode input").Change(false);
        cut.Find("form.shop-settings-form").Submit();

        cut.WaitForAssertion(() => Assert.False(store.Current.TestMode));
        Assert.Equal("https://shop.example", store.Current.PublicBaseUrl);
        Assert.DoesNotContain(Message, cut.Markup);
    }

    [Fact]
    public void Clearing_the_public_URL_of_a_live_shop_is_refused_with_a_message()
    {
        var (cut, store) = RenderPage(o => (o.TestMode, o.PublicBaseUrl) = (false, "https://shop.example"));

        cut.Find(".field-public-url input").Change("");
        cut.Find("form.shop-settings-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains(Message, cut.Markup));
        Assert.Equal("https://shop.example", store.Current.PublicBaseUrl);
    }
}
