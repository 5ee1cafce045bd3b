using System.Net;
using System.Web;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.Stripe;

/// <summary>
/// Webhooks at <c>/paymodes/stripe/notify</c>, signed as Stripe signs them (Stripe.net's own helper), about a session the
/// shop opened with a fake Stripe: each bad one gets the shop's usual verdict, never pays, never answers 5xx.
/// </summary>
public sealed class StripeWebhookTests(FakeStripeFactory shop) : IClassFixture<FakeStripeFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    /// <summary>A placed order handed over to Stripe: its bill, total and the attempt Stripe knows as client_reference_id.</summary>
    private async Task<(PlacedOrder Order, string Attempt)> HandedOverAsync()
    {
        var order = await _client.PlaceAsync("stripe", ("MUG-001", 2));
        var send = await _client.SendAsync(order);
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        Assert.StartsWith("https://checkout.stripe.test/c/pay/cs_test_", send.Headers.Location!.AbsoluteUri);
        return (order, (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference);
    }

    private Task<HttpResponseMessage> PostAsync(string json, DateTimeOffset? signedAt = null, string? header = null) =>
        _client.PostAsync(json, shop.WebhookSecret, signedAt, header);

    [Fact]
    public async Task Send_creates_a_checkout_session_for_the_bill_with_an_idempotency_key_per_attempt()
    {
        var (order, attempt) = await HandedOverAsync();

        var call = shop.Calls.Last(c => c.Body.Contains(attempt, StringComparison.Ordinal));
        Assert.Equal(("POST", "/sandbox/stripe/v1/checkout/sessions"), (call.Method, call.Path));
        Assert.Equal($"checkout-{attempt}", call.IdempotencyKey);
        // The sandbox world's key, never the configured one.
        Assert.StartsWith("Bearer sandbox-", call.Authorization);
        var form = HttpUtility.ParseQueryString(call.Body);
        Assert.Equal("payment", form["mode"]);
        Assert.Equal(attempt, form["client_reference_id"]);
        Assert.Equal(order.Reference, form["metadata[bill_reference]"]);
        Assert.Equal(order.Currency.ToLowerInvariant(), form["line_items[0][price_data][currency]"]);
        Assert.Equal(order.Total, long.Parse(form["line_items[0][price_data][unit_amount]"]!) * long.Parse(form["line_items[0][quantity]"]!));
        Assert.Equal($"http://localhost/paymodes/stripe/return?attempt={attempt}", form["success_url"]);
        Assert.Equal($"http://localhost/paymodes/stripe/cancel?attempt={attempt}", form["cancel_url"]);
        Assert.Contains("cs_test_", (await shop.BillAsync(order.Reference)).LatestAttempt!.Data);
    }

    [Fact]
    public async Task Completed_paid_session_completes_the_bill_once_and_a_duplicate_event_is_a_duplicate()
    {
        var (order, attempt) = await HandedOverAsync();
        var json = StripeEvents.Session("checkout.session.completed", attempt, order.Total, order.Currency.ToLowerInvariant());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(json)).StatusCode);

        Assert.Equal(BillState.Complete, (await shop.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
        Assert.Equal([NotificationVerdict.Accepted, NotificationVerdict.Duplicate], (await shop.VerdictsAsync())[^2..]);
    }

    [Fact]
    public async Task Forged_signature_is_refused_and_pays_nothing()
    {
        var (order, attempt) = await HandedOverAsync();
        var json = StripeEvents.Session("checkout.session.completed", attempt, order.Total, order.Currency.ToLowerInvariant());

        var forged = await _client.PostAsync(json, "whsec_not_the_shops_secret");
        var noHeader = await PostAsync(json, header: "");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        Assert.Equal(BillState.Placed, (await shop.BillAsync(order.Reference)).State);
        Assert.Equal([NotificationVerdict.BadSignature, NotificationVerdict.BadSignature], (await shop.VerdictsAsync())[^2..]);
    }

    [Fact]
    public async Task Event_signed_longer_ago_than_the_tolerance_is_refused_as_a_replay()
    {
        var (order, attempt) = await HandedOverAsync();
        var json = StripeEvents.Session("checkout.session.completed", attempt, order.Total, order.Currency.ToLowerInvariant());

        var old = await PostAsync(json, DateTimeOffset.UtcNow.AddSeconds(-320));

        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(BillState.Placed, (await shop.BillAsync(order.Reference)).State);
        Assert.Equal(NotificationVerdict.BadSignature, (await shop.VerdictsAsync())[^1]);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(0, "usd")]
    public async Task Amount_or_currency_other_than_the_bills_flags_it_and_never_pays(long extra, string? currency)
    {
        var (order, attempt) = await HandedOverAsync();
        var json = StripeEvents.Session("checkout.session.completed", attempt, order.Total + extra, currency ?? order.Currency.ToLowerInvariant());

        var answer = await PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var bill = await shop.BillAsync(order.Reference);
        Assert.Equal(BillState.Placed, bill.State);
        Assert.True(bill.Flagged);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));
        Assert.Equal(NotificationVerdict.Mismatch, (await shop.VerdictsAsync())[^1]);
    }

    [Fact]
    public async Task Event_for_an_unknown_session_is_an_unknown_transaction_never_a_5xx()
    {
        var json = StripeEvents.Session("checkout.session.completed", "A-NOT-OURS", 1000);

        var answer = await PostAsync(json);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(NotificationVerdict.UnknownTransaction, (await shop.VerdictsAsync())[^1]);
    }

    [Fact]
    public async Task Delayed_method_waits_unpaid_then_its_async_failure_fails_the_bill()
    {
        var (order, attempt) = await HandedOverAsync();
        var currency = order.Currency.ToLowerInvariant();

        await PostAsync(StripeEvents.Session("checkout.session.completed", attempt, order.Total, currency, paymentStatus: "unpaid"));
        Assert.NotEqual(BillState.Complete, (await shop.BillAsync(order.Reference)).State);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));

        await PostAsync(StripeEvents.Session("checkout.session.async_payment_failed", attempt, order.Total, currency, paymentStatus: "unpaid"));

        Assert.Equal(BillState.Failed, (await shop.BillAsync(order.Reference)).State);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Delayed_method_that_succeeds_completes_the_bill()
    {
        var (order, attempt) = await HandedOverAsync();
        var currency = order.Currency.ToLowerInvariant();

        await PostAsync(StripeEvents.Session("checkout.session.completed", attempt, order.Total, currency, paymentStatus: "unpaid"));
        await PostAsync(StripeEvents.Session("checkout.session.async_payment_succeeded", attempt, order.Total, currency));

        Assert.Equal(BillState.Complete, (await shop.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task Expired_session_cancels_the_bill()
    {
        var (order, attempt) = await HandedOverAsync();

        await PostAsync(StripeEvents.Session("checkout.session.expired", attempt, order.Total, order.Currency.ToLowerInvariant(), paymentStatus: "unpaid"));

        Assert.Equal(BillState.Cancelled, (await shop.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task Event_of_another_API_version_is_still_judged_on_its_fields()
    {
        var (order, attempt) = await HandedOverAsync();

        var answer = await PostAsync(StripeEvents.Session("checkout.session.completed", attempt, order.Total, order.Currency.ToLowerInvariant(), apiVersion: "2020-08-27"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(BillState.Complete, (await shop.BillAsync(order.Reference)).State);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"id":"evt_1","object":"event","type":"checkout.session.completed","data":{"object":{"object":"checkout.session","id":"cs_1"}}}""")]
    [InlineData("""{"id":"evt_2","object":"event","type":"invoice.paid","data":{"object":{"object":"invoice","id":"in_1"}}}""")]
    public async Task Signed_junk_or_events_about_nothing_of_ours_never_answer_5xx_nor_pay(string json)
    {
        var answer = await PostAsync(json);

        Assert.True((int)answer.StatusCode < 500, $"answered {(int)answer.StatusCode}");
    }
}
