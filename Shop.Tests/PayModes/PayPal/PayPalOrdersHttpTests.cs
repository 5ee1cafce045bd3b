using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.PayPal;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>PayPal Checkout (Orders v2) through the built-in sandbox, over HTTP.</summary>
public sealed class PayPalOrdersHttpTests(PayPalOrdersFactory shop) : IClassFixture<PayPalOrdersFactory>
{
    private readonly HttpClient _client = shop.NoRedirects();

    private async Task<(PlacedOrder Order, string OrderId)> StartAsync()
    {
        var order = await _client.PlaceAsync("paypal", ("MUG-001", 2));
        return (order, await _client.StartOrderAsync(order));
    }

    [Fact]
    public async Task Approved_order_is_captured_paid_and_delivered_once()
    {
        var (order, orderId) = await StartAsync();
        var back = await _client.ChooseAsync(orderId, "approve");
        var returned = await _client.ReturnAsync(back);

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal($"/bills/{order.Reference}", returned.Headers.Location!.OriginalString);
        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal("COMPLETE", bill.State);
        Assert.Equal(order.Total, bill.PaidAmount);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));

        // The sandbox's webhook and the re-read order both reported it: one was a duplicate.
        var replay = await _client.ReturnAsync(back);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Return_pays_through_the_order_re_read_from_PayPal_before_any_webhook_and_the_late_webhook_is_a_duplicate()
    {
        var (order, orderId) = await StartAsync();
        await _client.ReturnAsync(await _client.ChooseAsync(orderId, "late"));

        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        var capture = shop.Sandbox.FindOrder((await shop.BillAsync(order.Reference)).LatestAttempt!.Reference)!.Value.CaptureId!;
        Assert.True(await shop.Sandbox.RedeliverAsync(capture));
        Assert.True(await shop.Sandbox.RedeliverAsync(capture));

        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
        var journal = await shop.DbAsync(db =>
            db.Notifications.Where(n => n.BillReference == order.Reference).OrderBy(n => n.Id).Select(n => new { n.Method, n.Verdict }).ToListAsync());
        Assert.Equal([("GET-ORDER", NotificationVerdict.Accepted), ("POST", NotificationVerdict.Duplicate), ("POST", NotificationVerdict.Duplicate)],
            journal.Select(j => (j.Method, j.Verdict)));
    }

    [Fact]
    public async Task Return_without_approval_pays_nothing_and_the_buyer_can_retry()
    {
        var (order, _) = await StartAsync();
        var attempt = (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference;

        var returned = await _client.GetAsync($"/paymodes/paypal/return?attempt={attempt}");

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var page = await returned.Content.ReadAsStringAsync();
        Assert.Contains("nothing was charged", page);
        Assert.Contains($"/checkout?retry={order.Reference}", page);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(HttpStatusCode.Redirect, (await _client.SendAsync(order)).StatusCode);
    }

    [Fact]
    public async Task Cancel_at_PayPal_leaves_the_bill_waiting()
    {
        var (order, orderId) = await StartAsync();
        var back = await _client.ChooseAsync(orderId, "cancel");
        Assert.StartsWith("/paymodes/paypal/cancel", back.AbsolutePath);

        var returned = await _client.ReturnAsync(back);

        Assert.Equal($"/bills/{order.Reference}", returned.Headers.Location!.OriginalString);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task Pending_capture_waits_and_is_delivered_once_when_it_completes()
    {
        var (order, orderId) = await StartAsync();
        await _client.ReturnAsync(await _client.ChooseAsync(orderId, "pending"));

        Assert.Equal("PENDING", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));

        var capture = shop.Sandbox.FindOrder((await shop.BillAsync(order.Reference)).LatestAttempt!.Reference)!.Value.CaptureId!;
        Assert.True(await shop.Sandbox.CompletePendingCaptureAsync(capture));

        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Declined_capture_does_not_pay_the_bill()
    {
        var (order, orderId) = await StartAsync();
        await _client.ReturnAsync(await _client.ChooseAsync(orderId, "decline"));

        var bill = await _client.BillAsync(order.Reference);
        Assert.Equal("REFUSED", bill.State);
        Assert.Equal(0, bill.PaidAmount);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Refund_after_payment_is_verified_and_applied_as_a_refund()
    {
        var (order, orderId) = await StartAsync();
        await _client.ReturnAsync(await _client.ChooseAsync(orderId, "approve"));
        var capture = shop.Sandbox.FindOrder((await shop.BillAsync(order.Reference)).LatestAttempt!.Reference)!.Value.CaptureId!;

        Assert.True(await shop.Sandbox.RefundCaptureAsync(capture));

        Assert.Equal("PAYBACK", (await _client.BillAsync(order.Reference)).State);
        Assert.True(await shop.TraceContainsAsync(order.Reference, "notification: refunded"));
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Webhook_whose_body_was_modified_fails_verification_and_changes_nothing()
    {
        var (order, attempt) = await PlacedWithAttemptAsync();
        var body = CaptureEvent(attempt, "PAYMENT.CAPTURE.COMPLETED", Money.ToDecimalString(order.Total, "EUR"));
        var headers = shop.Sandbox.SignWebhook("http://localhost/sandbox/paypal", PayPalFactory.WebhookId, Encoding.UTF8.GetBytes(body));

        var tampered = await PostWebhookAsync(body.Replace("\"COMPLETED\"", "\"COMPLETED\" "), headers);
        var reserialised = await PostWebhookAsync(JsonNode.Parse(body)!.ToJsonString(new() { WriteIndented = true }), headers);
        var unsigned = await PostWebhookAsync(body, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reserialised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);

        // The untouched event with the same headers verifies: the failures were the body's.
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(body, headers)).StatusCode);
        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
    }

    [Theory]
    [InlineData("1.00", "EUR", null)]
    [InlineData(null, "USD", null)]
    [InlineData(null, "EUR", "someone-else@example.com")]
    public async Task Webhook_with_another_amount_currency_or_receiver_is_flagged_not_paid(string? value, string currency, string? payee)
    {
        var (order, attempt) = await PlacedWithAttemptAsync();
        var body = CaptureEvent(attempt, "PAYMENT.CAPTURE.COMPLETED", value ?? Money.ToDecimalString(order.Total, "EUR"), currency, payee);

        var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bill = await shop.BillAsync(order.Reference);
        Assert.Equal(BillState.Placed, bill.State);
        Assert.True(bill.Flagged);
        Assert.Contains("mismatch", bill.FlagReason);
        Assert.Equal(0, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Duplicate_and_20_concurrent_webhooks_deliver_once()
    {
        var (order, attempt) = await PlacedWithAttemptAsync();
        var body = CaptureEvent(attempt, "PAYMENT.CAPTURE.COMPLETED", Money.ToDecimalString(order.Total, "EUR"));
        var headers = shop.Sandbox.SignWebhook("http://localhost/sandbox/paypal", PayPalFactory.WebhookId, Encoding.UTF8.GetBytes(body));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostWebhookAsync(body, headers)));
        var again = await PostWebhookAsync(body, headers);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(1, await shop.AfterPaymentDeliveriesAsync(order.Reference));
    }

    [Fact]
    public async Task Verified_event_the_shop_does_not_act_on_is_taken_with_200_and_changes_nothing()
    {
        var (order, attempt) = await PlacedWithAttemptAsync();
        var body = CaptureEvent(attempt, "CHECKOUT.ORDER.APPROVED", Money.ToDecimalString(order.Total, "EUR"));

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(body)).StatusCode);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
    }

    [Fact]
    public async Task Webhook_for_an_unknown_attempt_is_rejected_with_a_4xx()
    {
        var response = await PostSignedAsync(CaptureEvent("no-such-attempt", "PAYMENT.CAPTURE.COMPLETED", "10.00"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sandbox_checks_the_PayPal_Request_Id_and_the_bearer_token()
    {
        var unauthorised = await _client.PostAsync("/sandbox/paypal/v2/checkout/orders", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }

    [Fact]
    public async Task Sandbox_OAuth_takes_only_the_configured_client_id_with_the_sandbox_secret_never_the_configured_secret()
    {
        var secret = SandboxSecret();
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync("sandbox-client-id", secret)).StatusCode);
        // The configured client secret belongs to the provider's world: the sandbox never takes it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("sandbox-client-id", "sandbox-client-secret-1234")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("sandbox-client-id", "wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("another-client-id", secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync("sandbox-client-id", secret[..^1])).StatusCode);
    }

    private string SandboxSecret() => shop.Service<SandboxCredentials>().For("paypal", nameof(PayPalSettings.ClientSecret));

    [Fact]
    public async Task Sandbox_replays_order_creation_and_capture_with_the_same_PayPal_Request_Id()
    {
        var token = await BearerAsync();
        var request = $"req-{Guid.NewGuid():N}";

        var created = await ApiPostAsync("/sandbox/paypal/v2/checkout/orders", OrderBody("replayed-attempt"), token, request + "-create");
        var replayed = await ApiPostAsync("/sandbox/paypal/v2/checkout/orders", OrderBody("replayed-attempt"), token, request + "-create");
        var other = await ApiPostAsync("/sandbox/paypal/v2/checkout/orders", OrderBody("another-attempt"), token, request + "-other");

        Assert.Equal(HttpStatusCode.Created, replayed.Status);
        Assert.Equal(created.Body["id"]!.GetValue<string>(), replayed.Body["id"]!.GetValue<string>());
        Assert.NotEqual(created.Body["id"]!.GetValue<string>(), other.Body["id"]!.GetValue<string>());

        var orderId = created.Body["id"]!.GetValue<string>();
        Assert.True(shop.Sandbox.Approve(orderId));
        var captured = await ApiPostAsync($"/sandbox/paypal/v2/checkout/orders/{orderId}/capture", "{}", token, request + "-capture");
        var recaptured = await ApiPostAsync($"/sandbox/paypal/v2/checkout/orders/{orderId}/capture", "{}", token, request + "-capture");
        var second = await ApiPostAsync($"/sandbox/paypal/v2/checkout/orders/{orderId}/capture", "{}", token, request + "-capture-again");

        Assert.Equal(HttpStatusCode.Created, captured.Status);
        Assert.Equal(HttpStatusCode.Created, recaptured.Status);
        var captures = recaptured.Body["purchase_units"]![0]!["payments"]!["captures"]!.AsArray();
        Assert.Equal(CaptureId(captured.Body), Assert.Single(captures)!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.Status);
        Assert.Contains("ORDER_ALREADY_CAPTURED", second.Body.ToJsonString());
        Assert.Equal(CaptureId(captured.Body), shop.Sandbox.FindOrder("replayed-attempt")?.CaptureId);
    }

    [Fact]
    public async Task The_pay_mode_sends_a_PayPal_Request_Id_of_its_attempt_when_it_creates_and_captures_the_order()
    {
        var (order, orderId) = await StartAsync();
        await _client.ReturnAsync(await _client.ChooseAsync(orderId, "approve"));
        var attempt = (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference;
        var calls = shop.ApiCalls.ToList();

        var create = Assert.Single(calls, c => c is { Method: "POST", Path: "/sandbox/paypal/v2/checkout/orders" } && c.RequestId?.Contains(attempt) == true);
        var capture = Assert.Single(calls, c => c.Path == $"/sandbox/paypal/v2/checkout/orders/{orderId}/capture");
        Assert.Contains(attempt, capture.RequestId);
        Assert.NotEqual(create.RequestId, capture.RequestId);
        Assert.Equal("COMPLETE", (await _client.BillAsync(order.Reference)).State);
    }

    private static string CaptureId(JsonNode order) => order["purchase_units"]![0]!["payments"]!["captures"]![0]!["id"]!.GetValue<string>();

    private static string OrderBody(string customId) => new JsonObject
    {
        ["intent"] = "CAPTURE",
        ["purchase_units"] = new JsonArray(new JsonObject
        {
            ["custom_id"] = customId, ["invoice_id"] = customId,
            ["amount"] = new JsonObject { ["currency_code"] = "EUR", ["value"] = "12.50" },
        }),
        ["payment_source"] = new JsonObject
        {
            ["paypal"] = new JsonObject
            {
                ["experience_context"] = new JsonObject { ["return_url"] = "http://localhost/back", ["cancel_url"] = "http://localhost/cancel" },
            },
        },
    }.ToJsonString();

    private async Task<HttpResponseMessage> TokenAsync(string clientId, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/paypal/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return await _client.SendAsync(request);
    }

    private async Task<string> BearerAsync()
    {
        var response = await TokenAsync("sandbox-client-id", SandboxSecret());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ApiPostAsync(string path, string json, string token, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("PayPal-Request-Id", requestId);
        var response = await _client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<(PlacedOrder Order, string Attempt)> PlacedWithAttemptAsync()
    {
        var (order, _) = await StartAsync();
        return (order, (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference);
    }

    internal static string CaptureEvent(string attempt, string eventType, string value, string currency = "EUR", string? payee = null) => new JsonObject
    {
        ["id"] = "WH-" + Guid.NewGuid().ToString("N"),
        ["event_version"] = "1.0",
        ["resource_type"] = "capture",
        ["event_type"] = eventType,
        ["summary"] = "Payment completed for EUR",
        ["resource"] = new JsonObject
        {
            ["id"] = "CAP" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant(),
            ["status"] = eventType == "PAYMENT.CAPTURE.PENDING" ? "PENDING" : "COMPLETED",
            ["amount"] = new JsonObject { ["currency_code"] = currency, ["value"] = value },
            ["custom_id"] = attempt,
            ["invoice_id"] = attempt,
            ["payee"] = new JsonObject { ["email_address"] = payee ?? PayPalFactory.Business, ["merchant_id"] = "SANDBOXMERCHANT1" },
        },
    }.ToJsonString();

    private Task<HttpResponseMessage> PostSignedAsync(string body) =>
        PostWebhookAsync(body, shop.Sandbox.SignWebhook("http://localhost/sandbox/paypal", PayPalFactory.WebhookId, Encoding.UTF8.GetBytes(body)));

    private async Task<HttpResponseMessage> PostWebhookAsync(string body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/paymodes/paypal/notify") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task A_verified_IPN_is_refused_while_the_shop_uses_Orders_so_a_payment_to_another_account_cannot_pay_the_bill()
    {
        var (order, _) = await StartAsync();
        var attempt = (await shop.BillAsync(order.Reference)).LatestAttempt!.Reference;
        // PayPal would answer VERIFIED: it is a real payment, but into the sender's own account.
        var ipn = shop.Sandbox.RegisterIpn(
        [
            new("mc_gross", "29.98"), new("invoice", attempt), new("payment_status", "Completed"), new("charset", "UTF-8"),
            new("txn_id", "TXNFOREIGN0001"), new("receiver_email", "someone-else@example.com"), new("mc_currency", "EUR"),
        ]);

        var response = await _client.PostAsync("/paymodes/paypal/notify", new StringContent(ipn, Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("PLACED", (await _client.BillAsync(order.Reference)).State);
        Assert.Equal(NotificationVerdict.Refused, (await shop.VerdictsAsync())[^1]);
    }
}
