using Microsoft.Extensions.DependencyInjection;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;

namespace Shop.Tests.Admin;

public sealed class ShopSettingsPageFactory : ShopFactory;

/// <summary>The shop settings page, rendered by the real app for a signed-in administrator.</summary>
public sealed class ShopSettingsPageTests(ShopSettingsPageFactory shop) : IClassFixture<ShopSettingsPageFactory>
{
    [Fact]
    public async Task Switching_the_shop_to_another_currency_than_its_products_warns_that_buyers_cannot_order_them()
    {
        await shop.EnsureUsersAsync();
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);
        Assert.DoesNotContain("currency-warning", await admin.GetStringAsync("/admin/settings"), StringComparison.Ordinal);

        var store = shop.Service<ShopSettingsStore>();
        await store.SaveAsync(store.Current with { Currency = "USD" });
        var page = await admin.GetStringAsync("/admin/settings");

        Assert.Contains("currency-warning", page, StringComparison.Ordinal);
        Assert.Contains("5 active products are priced in EUR", page, StringComparison.Ordinal);
        Assert.Contains("while the shop sells in USD", page, StringComparison.Ordinal);
    }
}
