using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;

namespace Shop.Tests.Admin;

public sealed class ShopSettingsStoreTests
{
    [Fact]
    public async Task Settings_are_seeded_from_configuration_once_then_the_database_wins_and_a_save_shows_at_once()
    {
        var dir = Directory.CreateTempSubdirectory("shop-settings-").FullName;
        using (var first = new ShopFactory(new Dictionary<string, string?>
        {
            ["Shop:DataDirectory"] = dir, ["Shop:Name"] = "Configured Shop", ["Shop:TestMode"] = "true", ["Shop:Seller:Name"] = "Configured SARL",
            ["Shop:Expiry:DeferredAfter"] = "10.00:00:00",
        }))
        {
            var store = first.Service<ShopSettingsStore>();
            var seeded = first.Service<IShopSettings>().Current;
            Assert.Equal(("Configured Shop", true, "Configured SARL", TimeSpan.FromDays(10)), (seeded.Name, seeded.TestMode, seeded.SellerName, seeded.DeferredExpiry));

            await store.SaveAsync(seeded with { Name = "Edited Shop", TestMode = false });
            Assert.Equal(("Edited Shop", false), (first.Service<IShopSettings>().Current.Name, first.Service<IShopSettings>().Current.TestMode));
            Assert.DoesNotContain("test-mode-banner", await first.CreateClient().GetStringAsync("/"));
        }

        using var second = new ShopFactory(new Dictionary<string, string?> { ["Shop:DataDirectory"] = dir, ["Shop:Name"] = "Configured Shop" });
        Assert.Equal("Edited Shop", second.Service<IShopSettings>().Current.Name);
        Assert.False(second.Service<IShopSettings>().Current.TestMode);
    }

    [Fact]
    public async Task A_configured_value_that_changes_between_starts_is_applied_and_dashboard_edits_of_other_settings_stay()
    {
        var dir = Directory.CreateTempSubdirectory("shop-settings-").FullName;
        using (var first = new ShopFactory(new Dictionary<string, string?> { ["Shop:DataDirectory"] = dir, ["Shop:TestMode"] = "true" }))
        {
            var current = first.Service<IShopSettings>().Current;
            await first.Service<ShopSettingsStore>().SaveAsync(current with { Name = "Edited Shop" });
        }

        using var second = new ShopFactory(new Dictionary<string, string?> { ["Shop:DataDirectory"] = dir, ["Shop:TestMode"] = "false" });
        var settings = second.Service<IShopSettings>().Current;
        Assert.Equal(("Edited Shop", false), (settings.Name, settings.TestMode));
    }
}
