using System.Net;
using Shop.PayModes.Mercanet;
using Shop.Tests.Infrastructure;
using static Shop.Tests.PayModes.Providers.ProviderFlow;

namespace Shop.Tests.PayModes.Providers;

/// <summary>The shop with Mercanet's <c>Encode</c> setting on base64 (docs/providers/mercanet.md).</summary>
public sealed class MercanetBase64ShopFactory() : ProviderShopFactory(Base64Settings())
{
    private static Dictionary<string, string?> Base64Settings()
    {
        var settings = ProviderAccounts.Settings();
        settings["PayModes:mercanet:Encode"] = "base64";
        return settings;
    }
}

/// <summary>Base64 Data end to end: request, sandbox page, signed notification and browser return.</summary>
public sealed class MercanetBase64Tests(MercanetBase64ShopFactory shop) : IClassFixture<MercanetBase64ShopFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    [Fact]
    public async Task Base64_Data_goes_through_the_sandbox_and_back_and_pays_the_bill()
    {
        var (order, request) = await StartAsync(_client, "mercanet");
        Assert.Equal("base64", request.Fields["Encode"]);
        var sent = MercanetData.Split(MercanetData.DecodeBase64(request.Fields["Data"]));
        Assert.Equal(order.Reference, sent["returnContext"]);
        Assert.Equal("3498", sent["amount"]);

        var page = await _client.PostAsync(PathOf(request.Action), request.Content());
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        var decided = await _client.PostAsync(Form(html).Action, new FormUrlEncodedContent([new("decision", "pay")]));
        var back = Form(await decided.Content.ReadAsStringAsync());

        Assert.Equal("COMPLETE", await StateAsync(_client, order.Reference));
        Assert.Equal("base64", back.Fields["Encode"]);
        var answered = MercanetData.Split(MercanetData.DecodeBase64(back.Fields["Data"]));
        Assert.Equal(order.Reference, answered["returnContext"]);
        Assert.Equal("00", answered["responseCode"]);
        var returned = await _client.PostAsync(PathOf(back.Action), back.Content());
        Assert.Equal($"/bills/{order.Reference}", returned.Headers.Location?.OriginalString);
        Assert.Equal((1, 1, 1), await DeliveryCountsAsync(shop, order.Reference));
    }
}
