using System.Net;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Stripe;

/// <summary>
/// The whole flow over HTTP against the built-in sandbox: the shop's send opens a session through Stripe.net, the buyer
/// chooses on the hosted page, the sandbox signs and delivers the webhook, the bill follows.
/// </summary>
public sealed class StripeSandboxFlowTests(SandboxStripeFactory shop) : IClassFixture<SandboxStripeFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    /// <summary>Places an order, follows the hand-over to the sandbox's hosted page; returns the order and the page's path.</summary>
    private async Task<(PlacedOrder Order, string PagePath)> ToHostedPageAsync()
    {
        var order = await _client.PlaceAsync("stripe", ("MUG-001", 1), ("NOTE-003", 2));
        var send = await _client.SendAsync(order);
        Assert.True(send.StatusCode == HttpStatusCode.Redirect, $"send answered {(int)send.StatusCode}: {await send.Content.ReadAsStringAsync()}");
        var page = send.Headers.Location!;
        Assert.StartsWith("/sandbox/stripe/", page.AbsolutePath);
        var session = (await shop.BillAsync(order.Reference)).LatestAttempt!.Data!;
        Assert.Contains(page.AbsolutePath.Split('/')[^1], session);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(page.PathAndQuery)).StatusCode);
        return (order, page.PathAndQuery);
    }

    private Task<HttpResponseMessage> ChooseAsync(string pagePath, string choice) =>
        _client.PostAsync(pagePath, new FormUrlEncodedContent([new("choice", choice)]));

    [Fact]
    public async Task Card_payment_on_the_hosted_page_completes_the_bill_through_the_signed_webhook()
    {
        var (order, pagePath) = await ToHostedPageAsync();

        var back = await ChooseAsync(pagePath, "pay");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/paymodes/stripe/return", back.Headers.Location!.AbsolutePath);
        var returned = await _client.GetAsync(back.Headers.Location.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal($"/bills/{order.Reference}", returned.Headers.Location!.OriginalString);
        var bill = await shop.BillAsync(order.Reference);
        Assert.Equal(BillState.Complete, bill.State);
        Assert.Equal(order.Total, bill.PaidAmount);

        // Stripe sends the event again: a duplicate, nothing delivered twice.
        var delivered = await shop.AfterPaymentDeliveriesAsync(order.Reference);
        var session = pagePath.Split('/')[^1].Split('?')[0];
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/sandbox/stripe/sessions/{session}/resend", null)).StatusCode);
        Assert.Equal(NotificationVerdict.Duplicate, (await shop.VerdictsAsync())[^1]);
        Assert.Equal(delivered, await shop.AfterPaymentDeliveriesAsync(order.Reference));
        Assert.True(delivered > 0);
    }

    [Fact]
    public async Task Returning_without_paying_pays_nothing_and_offers_to_try_again()
    {
        var (order, pagePath) = await ToHostedPageAsync();
        var attempt = (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference;

        var returned = await _client.GetAsync($"/paymodes/stripe/return?attempt={attempt}");
        var cancelled = await ChooseAsync(pagePath, "cancel");

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Contains("nothing was charged", await returned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BillState.Placed, (await shop.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task Bank_debit_that_fails_to_settle_fails_the_bill()
    {
        var (order, pagePath) = await ToHostedPageAsync();

        await ChooseAsync(pagePath, "delayed_failure");
        Assert.Equal(BillState.Pending, (await shop.BillAsync(order.Reference)).State);
        var settled = await _client.PostAsync($"/sandbox/stripe/sessions/{pagePath.Split('/')[^1].Split('?')[0]}/settle", null);

        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        Assert.Equal(BillState.Failed, (await shop.BillAsync(order.Reference)).State);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }
}
