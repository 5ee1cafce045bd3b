using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.PayModes.PayPal;
using Shop.PayModes.PayPal.Sandbox;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>Payments Standard + IPN through the built-in sandbox, over HTTP.</summary>
public sealed partial class PayPalStandardHttpTests(PayPalStandardFactory shop) : IClassFixture<PayPalStandardFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    [Fact]
    public async Task Send_auto_posts_the_xclick_form_to_the_sandbox()
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        var (action, fields) = await HandOverAsync(order);

        Assert.Equal("http://localhost/sandbox/paypal/webscr", action);
        Assert.Equal("_xclick", fields["cmd"]);
        Assert.Equal(PayPalFactory.Business, fields["business"]);
        Assert.Equal("24.99", fields["amount"]);
        Assert.Equal("EUR", fields["currency_code"]);
        Assert.Equal("utf-8", fields["charset"]);
        Assert.Equal("http://localhost/paymodes/paypal/notify", fields["notify_url"]);
        Assert.Equal((await shop.BillAsync(order.Reference)).LatestAttempt!.Reference, fields["invoice"]);
    }

    [Fact]
    public async Task Buyer_pays_on_the_Standard_page_and_the_verified_IPN_delivers_once()
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        var back = await PayAsync(order, "pay");

        Assert.StartsWith("/paymodes/paypal/return", back.AbsolutePath);
        Assert.Equal($"/bills/{order.Reference}", (await _client.GetAsync(back.PathAndQuery)).Headers.Location!.OriginalString);
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal("COMPLETE", bill.State);
        Assert.Equal(2499, bill.PaidAmount);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Pending_IPN_waits_and_the_Completed_one_for_the_same_txn_delivers_once()
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        await PayAsync(order, "pending");
        Assert.Equal("PENDING", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));

        var txn = shop.Sandbox.FindIpnTransaction((await shop.BillAsync(order.Reference)).LatestAttempt!.Reference)!;
        Assert.True(await shop.Sandbox.CompletePendingIpnAsync(txn));

        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Buyer_back_before_the_IPN_waits_and_the_late_IPN_delivers_once_even_when_resent()
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        var back = await PayAsync(order, "late");
        await _client.GetAsync(back.PathAndQuery);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);

        var txn = shop.Sandbox.FindIpnTransaction((await shop.BillAsync(order.Reference)).LatestAttempt!.Reference)!;
        Assert.True(await shop.Sandbox.RedeliverIpnAsync(txn));
        Assert.True(await shop.Sandbox.RedeliverIpnAsync(txn));

        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Refund_IPN_after_payment_is_applied_as_a_refund()
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        await PayAsync(order, "pay");
        var txn = shop.Sandbox.FindIpnTransaction((await shop.BillAsync(order.Reference)).LatestAttempt!.Reference)!;

        Assert.True(await shop.Sandbox.RefundIpnAsync(txn));

        Assert.Equal("PAYBACK", (await _client.BillAsync(order.Reference)).State);
        Assert.True(await shop.TraceContainsAsync(order.Reference, "notification: refunded"));
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task IPN_that_PayPal_answers_INVALID_changes_nothing()
    {
        var (order, attempt) = await HandedOverAsync();
        // Hand-built: the sandbox never sent it, so its _notify-validate answers INVALID.
        var forged = string.Join("&", Ipn(attempt, "24.99").Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));

        var response = await PostIpnAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(NotificationVerdict.BadSignature, (await shop.VerdictsAsync())[^1]);
    }

    [Theory]
    [InlineData("Canceled_Reversal")]
    [InlineData("Processed")]
    [InlineData("In-Progress")]
    [InlineData("Partially_Refunded")]
    [InlineData(null)]
    public async Task Verified_IPN_with_a_status_the_shop_does_not_act_on_is_recorded_in_the_trace_and_answered_200(string? status)
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        await PayAsync(order, "pay");
        var attempt = (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference;
        var fields = Ipn(attempt, "24.99", status: status ?? "").Where(f => status is not null || f.Key != "payment_status").ToList();
        var body = shop.Sandbox.RegisterIpn(fields);

        var first = await PostIpnAsync(body);
        var resent = await PostIpnAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal([NotificationVerdict.Accepted, NotificationVerdict.Duplicate], (await shop.VerdictsAsync())[^2..]);
        Assert.True(await shop.TraceContainsAsync(order.Reference, "notification: informational"));
        Assert.True(await shop.TraceContainsAsync(order.Reference, "recorded only (bill is COMPLETE)"));
        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Verified_subscription_IPN_without_status_invoice_or_txn_is_journaled_and_answered_200()
    {
        var body = shop.Sandbox.RegisterIpn(
        [
            new("txn_type", "subscr_signup"), new("subscr_id", "I-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()),
            new("charset", "UTF-8"), new("receiver_email", PayPalFactory.Business), new("mc_amount3", "9.99"), new("mc_currency", "EUR"),
        ]);

        var response = await PostIpnAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var journal = await shop.DbAsync(db => db.Notifications.OrderBy(n => n.Id).Select(n => new { n.Verdict, n.Detail }).ToListAsync());
        Assert.Equal(NotificationVerdict.Accepted, journal[^1].Verdict);
        Assert.Contains("recorded only", journal[^1].Detail);
    }

    [Fact]
    public async Task Verified_IPN_with_an_absurd_amount_is_never_answered_5xx_and_never_pays()
    {
        var (order, attempt) = await HandedOverAsync();

        var response = await PostIpnAsync(shop.Sandbox.RegisterIpn(Ipn(attempt, "79228162514264337593543950335")));

        Assert.InRange((int)response.StatusCode, 200, 499);
        var bill = await shop.BillAsync(order.Reference);
        Assert.Equal(BillState.Placed, bill.State);
        Assert.True(bill.Flagged);
    }

    [Fact]
    public async Task Denied_IPN_refuses_the_bill_without_paying_it()
    {
        var (order, attempt) = await HandedOverAsync();
        await PostIpnAsync(shop.Sandbox.RegisterIpn(Ipn(attempt, "24.99", status: "Denied")));

        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal("REFUSED", bill.State);
        Assert.Equal(0, bill.PaidAmount);
    }

    [Theory]
    [InlineData("1.00", "EUR", PayPalFactory.Business)]
    [InlineData("24.99", "USD", PayPalFactory.Business)]
    [InlineData("24.99", "EUR", "someone-else@example.com")]
    public async Task IPN_with_another_amount_currency_or_receiver_is_flagged_not_paid(string gross, string currency, string receiver)
    {
        var (order, attempt) = await HandedOverAsync();

        var response = await PostIpnAsync(shop.Sandbox.RegisterIpn(Ipn(attempt, gross, currency, receiver: receiver)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bill = await shop.BillAsync(order.Reference);
        Assert.Equal(BillState.Placed, bill.State);
        Assert.True(bill.Flagged);
        Assert.Contains("mismatch", bill.FlagReason);
    }

    [Fact]
    public async Task Duplicate_and_20_concurrent_IPNs_deliver_once()
    {
        var (order, attempt) = await HandedOverAsync();
        var body = shop.Sandbox.RegisterIpn(Ipn(attempt, "24.99"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostIpnAsync(body)));
        var again = await PostIpnAsync(body);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Notify_validate_answers_VERIFIED_only_for_the_exact_bytes_sent()
    {
        var body = shop.Sandbox.RegisterIpn(Ipn("some-attempt", "24.99"));

        async Task<string> ValidateAsync(string text) => await (await _client.PostAsync("/sandbox/paypal/ipn",
            new StringContent(text, Encoding.ASCII, "application/x-www-form-urlencoded"))).Content.ReadAsStringAsync();

        Assert.Equal("VERIFIED", await ValidateAsync("cmd=_notify-validate&" + body));
        Assert.Equal("INVALID", await ValidateAsync("cmd=_notify-validate&" + body.Replace("+", "%20")));
        Assert.Equal("INVALID", await ValidateAsync(body));
    }

    private static List<KeyValuePair<string, string>> Ipn(string attempt, string gross, string currency = "EUR", string status = "Completed",
        string receiver = PayPalFactory.Business) =>
    [
        new("mc_gross", gross), new("invoice", attempt), new("payment_date", "20:12:59 Jan 13, 2009 PST"),
        new("payment_status", status), new("charset", "UTF-8"), new("first_name", "Zoë"), new("last_name", "Ångström"),
        new("txn_id", "TXN" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant()), new("receiver_email", receiver),
        new("receiver_id", PayPalSandbox.ReceiverId), new("txn_type", "web_accept"), new("mc_currency", currency),
    ];

    private Task<HttpResponseMessage> PostIpnAsync(string body) =>
        _client.PostAsync("/paymodes/paypal/notify", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));

    private async Task<(PlacedOrder Order, string Attempt)> HandedOverAsync()
    {
        var order = await _client.PlaceAsync("paypal", ("TEE-002", 1));
        await HandOverAsync(order);
        return (order, (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference);
    }

    private async Task<(string Action, Dictionary<string, string> Fields)> HandOverAsync(PlacedOrder order)
    {
        var send = await _client.SendAsync(order);
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        var html = await send.Content.ReadAsStringAsync();
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return (action, fields);
    }

    /// <summary>The browser's way through the Standard page: the auto-post, then a button; returns where PayPal sends it back.</summary>
    private async Task<Uri> PayAsync(PlacedOrder order, string choice)
    {
        var (_, fields) = await HandOverAsync(order);
        var page = await _client.PostAsync("/sandbox/paypal/webscr", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var pay = await _client.PostAsync("/sandbox/paypal/webscr/pay", new FormUrlEncodedContent(fields.Append(new("choice", choice))));
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        return pay.Headers.Location!;
    }

    [GeneratedRegex("""<form id="handover" method="post" action="([^"]*)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="([^"]*)" value="([^"]*)" />""")]
    private static partial Regex HiddenInput();
}
