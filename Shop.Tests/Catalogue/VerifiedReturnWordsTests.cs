using System.Net;
using System.Text.RegularExpressions;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;
using Shop.Tests.PayModes.Providers;
using static Shop.Tests.PayModes.Providers.ProviderFlow;

namespace Shop.Tests.Catalogue;

/// <summary>
/// "Confirming your payment with …" after a verified (signed) return and before the notification, through each
/// signed-form provider's sandbox; an unsigned or forged return changes nothing.
/// </summary>
public sealed partial class VerifiedReturnWordsTests(ProviderShopFactory shop) : IClassFixture<ProviderShopFactory>
{
    public static TheoryData<string> Providers => ["mercanet", "systempay", "ogone"];

    private readonly HttpClient _client = shop.NoRedirects();

    [GeneratedRegex("<a id=\"sandbox-return\"[^>]*href=\"(?<href>[^\"]*)\"")]
    private static partial Regex ReturnLink();

    /// <summary>The status page as a person reads it (the HTML encodes "…" and other non-ASCII characters).</summary>
    private async Task<string> StatusPageAsync(string reference) => WebUtility.HtmlDecode(await shop.CreateClient().GetStringAsync($"/bills/{reference}"));

    [Theory, MemberData(nameof(Providers))]
    public async Task The_status_page_says_confirming_after_a_signed_return_then_delivered_after_the_notification(string code)
    {
        var name = shop.Service<PayModeRegistry>().Find(code)!.Name;
        var (order, request) = await StartAsync(_client, code);
        var payPage = await _client.PostAsync(PathOf(request.Action), request.Content());
        var decide = Form(await payPage.Content.ReadAsStringAsync()).Action;
        var answer = await _client.PostAsync(decide, new FormUrlEncodedContent([new("decision", "paylate")]));
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Contains("Waiting for your payment", await StatusPageAsync(order.Reference), StringComparison.Ordinal);

        HttpResponseMessage back;
        if (answer.StatusCode == HttpStatusCode.Redirect)
            back = await _client.GetAsync(PathOf(answer.Headers.Location!.OriginalString));
        else if (ReturnLink().Match(html) is { Success: true } link)
            back = await _client.GetAsync(PathOf(WebUtility.HtmlDecode(link.Groups["href"].Value)));
        else
        {
            var form = Form(html);
            back = await _client.PostAsync(PathOf(form.Action), form.Content());
        }
        Assert.Equal($"/bills/{order.Reference}", back.Headers.Location?.OriginalString);
        Assert.Equal("PLACED", await StateAsync(_client, order.Reference));
        var confirming = await StatusPageAsync(order.Reference);
        Assert.Contains($"Confirming your payment with {name}…", confirming, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for your payment", confirming, StringComparison.Ordinal);
        var trace = await shop.TraceAsync(order.Reference);
        Assert.Single(trace, t => t.What.Contains("verified return", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(decide.Replace("/decide/", "/deliver/", StringComparison.Ordinal), null)).StatusCode);
        Assert.Contains(">Delivered<", await StatusPageAsync(order.Reference), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_return_whose_signature_does_not_match_does_not_say_confirming(string code)
    {
        var (order, _) = await StartAsync(_client, code);
        var forged = await _client.GetAsync($"/paymodes/{code}/return?bill={order.Reference}&Data=forged&Seal=00&SIGNATURE=00&SHASIGN=00&signature=00&vads_order_id=x");
        Assert.NotEqual(HttpStatusCode.InternalServerError, forged.StatusCode);
        Assert.Contains("Waiting for your payment", await StatusPageAsync(order.Reference), StringComparison.Ordinal);
        Assert.Null((await shop.QueryAsync(db => Task.FromResult(db.PaymentAttempts.Single(a => a.Bill.Reference == order.Reference)))).ReturnedAt);
    }
}
