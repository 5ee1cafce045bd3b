using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Core;

/// <summary>The pay-mode routes come from one place: the URLs the shop hands out are the routes the modes map.</summary>
public sealed class PayModeRoutesTests
{
    [Fact]
    public void Urls_are_built_on_the_shop_address_with_escaped_parts()
    {
        Assert.Equal("/paymodes/check", PayModeRoutes.Group("check"));
        Assert.Equal("/paymodes/check/send/B%2F1%20x", PayModeRoutes.SendPath("check", "B/1 x"));
        Assert.Equal("https://shop.example/paymodes/check/send/B-1", PayModeRoutes.SendUrl("https://shop.example", "check", "B-1"));
        Assert.Equal("https://shop.example/paymodes/ogone/return", PayModeRoutes.ReturnUrl("https://shop.example", "ogone"));
        Assert.Equal("https://shop.example/paymodes/ogone/cancel", PayModeRoutes.CancelUrl("https://shop.example", "ogone"));
        Assert.Equal("https://shop.example/paymodes/ogone/notify", PayModeRoutes.NotifyUrl("https://shop.example", "ogone"));
        Assert.Equal("https://s/x?bill=A%26B", PayModeRoutes.WithQuery("https://s/x", "bill", "A&B"));
        Assert.Equal("https://s/x?a=1&bill=B", PayModeRoutes.WithQuery("https://s/x?a=1", "bill", "B"));
    }

    [Fact]
    public void Provider_links_are_the_mode_routes_with_the_bill_on_return_and_cancel()
    {
        using var factory = new ShopFactory();
        var urls = ProviderLinks.For(factory.Service<ShopAddress>(), "mercanet", "B-1 2");

        Assert.Equal("http://localhost/paymodes/mercanet/return?bill=B-1%202", urls.Return);
        Assert.Equal("http://localhost/paymodes/mercanet/cancel?bill=B-1%202", urls.Cancel);
        Assert.Equal("http://localhost/paymodes/mercanet/notify", urls.Notify);
    }

    [Fact]
    public void Every_shop_mode_maps_send_return_and_cancel_where_PayModeRoutes_points()
    {
        using var factory = new ShopFactory();
        factory.CreateClient().Dispose();
        var patterns = factory.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText).ToHashSet();

        // The shop's own modes; a test-only mode may map nothing.
        foreach (var mode in factory.Service<PayModeRegistry>().All.Where(m => m.GetType().Assembly == typeof(PayModeRoutes).Assembly))
        {
            Assert.Contains(PayModeRoutes.Group(mode.Code) + PayModeRoutes.Send, patterns);
            Assert.Contains(PayModeRoutes.Group(mode.Code) + PayModeRoutes.Return, patterns);
            Assert.Contains(PayModeRoutes.Group(mode.Code) + PayModeRoutes.Cancel, patterns);
        }
    }
}
