using System.Text;
using System.Text.Json;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>
/// Orders v2 webhooks: each event is verified by PayPal itself (<c>verify-webhook-signature</c>, the event
/// forwarded byte for byte) before any field is read.
/// </summary>
public sealed class PayPalWebhookProtocol(PayPalContext context, PayPalApi api) : INotificationProtocol
{
    public string PayMode => PayPalPayMode.ModeCode;

    public async Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct)
    {
        if (WebhookHeaders.From(raw.Headers) is not { } headers)
            return NotificationCheck.BadSignature("PAYPAL-* transmission headers missing");
        if (raw.BodyText is null)
            return NotificationCheck.Malformed("body is not UTF-8");
        var setup = await context.GetAsync(ct);
        if (setup.Settings.WebhookId is not { Length: > 0 } webhookId)
            return NotificationCheck.Refused("no webhook id configured");
        bool verified;
        try
        {
            verified = await api.VerifyWebhookAsync(setup.Account, headers, webhookId, raw.Body, ct);
        }
        catch (PayPalUnavailableException ex)
        {
            // Not a verdict on the event: PayPal retries on a non-2xx, by which time its API may answer.
            return NotificationCheck.Refused($"could not verify now: {ex.Message}");
        }
        if (!verified)
            return NotificationCheck.BadSignature("PayPal answered verification_status FAILURE");

        using var document = JsonDocument.Parse(raw.Body);
        var root = document.RootElement;
        var eventType = PayPalOrderMessages.Text(root, "event_type") ?? throw new FormatException("event without event_type");
        if (PayPalOrderMessages.OutcomeOfEvent(eventType) is not { } outcome)
        {
            // Verified, but about nothing the shop acts on (a webhook subscribed to "all events"): take it, so PayPal stops retrying.
            return new NotificationCheck(NotificationVerdict.Accepted, null, $"verified; {eventType} is not acted on");
        }
        if (!root.TryGetProperty("resource", out var resource))
            throw new FormatException("event without resource");
        var capture = PayPalOrderMessages.ParseCapture(resource);
        if (capture.CustomId is not { Length: > 0 } attempt)
            throw new FormatException("resource without custom_id");
        return NotificationCheck.Valid(PayPalPayments.From(capture, outcome, attempt, setup,
            PayPalOrderMessages.IdempotencyKey(capture.Id, outcome == PaymentOutcome.Refunded ? eventType : capture.Status),
            $"webhook {PayPalOrderMessages.Text(root, "id")} {eventType}"));
    }
}

/// <summary>
/// The buyer's return after a capture: the browser only tells us to look. The order is re-read from PayPal
/// (authenticated, server to server) and its capture handed to the pipeline like a notification.
/// The "body" is the order id the shop stored itself, never a value from the browser.
/// </summary>
public sealed class PayPalOrderProtocol(PayPalContext context, PayPalApi api) : INotificationProtocol
{
    public string PayMode => PayPalPayMode.ModeCode;

    public static RawNotification Request(string orderId) =>
        new(PayPalPayMode.ModeCode, "GET-ORDER", "application/json",
            JsonSerializer.SerializeToUtf8Bytes(new { order_id = orderId }), "", new Dictionary<string, string>(), null);

    public async Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct)
    {
        using var request = JsonDocument.Parse(raw.Body);
        var orderId = PayPalOrderMessages.Text(request.RootElement, "order_id") ?? throw new FormatException("no order id");
        var setup = await context.GetAsync(ct);
        PayPalResponse order;
        try
        {
            order = await api.GetOrderAsync(setup.Account, orderId, ct);
        }
        catch (PayPalUnavailableException ex)
        {
            // Not a verdict on the payment: the journal says so, and the webhook or a later return decides.
            return NotificationCheck.Refused($"could not read the order now: {ex.Message}");
        }
        if (!order.IsSuccess)
            return NotificationCheck.Malformed($"PayPal does not know order {orderId} ({(int)order.Status})");
        if (PayPalOrderMessages.FirstCapture(order.Body) is not { } capture)
            return NotificationCheck.Malformed($"order {orderId} has no capture");
        if (PayPalOrderMessages.OutcomeOf(capture.Status) is not { } outcome)
            return NotificationCheck.Malformed($"capture status {capture.Status} is not one the shop acts on");
        var attempt = capture.CustomId ?? throw new FormatException("order without custom_id");
        return NotificationCheck.Valid(PayPalPayments.From(capture, outcome, attempt, setup,
            PayPalOrderMessages.IdempotencyKey(capture.Id, capture.Status), $"order {orderId} re-read after the buyer's return"));
    }
}

/// <summary>Payments Standard IPN: the raw body goes back to PayPal unchanged; only <c>VERIFIED</c> is acted on.</summary>
public sealed class PayPalIpnProtocol(PayPalContext context, IHttpClientFactory clients) : INotificationProtocol
{
    public string PayMode => PayPalPayMode.ModeCode;

    public async Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct)
    {
        if (raw.Body.Length == 0)
            return NotificationCheck.Malformed("empty IPN");
        var setup = await context.GetAsync(ct);
        // An IPN proves a payment to *some* PayPal account: only a shop on Payments Standard, with the receiver
        // it expects configured, can tell it was paid to this shop (rule 4).
        if (setup.Settings.UsesOrders)
            return NotificationCheck.Refused("the shop uses PayPal Checkout (Orders v2): IPN messages are not accepted");
        if (setup.ExpectedReceiver is null)
            return NotificationCheck.Refused("no Business receiver is configured to check the IPN against");
        string answer;
        try
        {
            using var content = new ByteArrayContent(PayPalIpnMessage.PostbackBody(raw.Body));
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            using var response = await clients.CreateClient(PayPalHttp.Ipn).PostAsync(setup.Urls.IpnVerifyUrl, content, ct);
            if (!response.IsSuccessStatusCode)
                return NotificationCheck.Refused($"IPN verification answered {(int)response.StatusCode}");
            answer = (await response.Content.ReadAsStringAsync(ct)).Trim();
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.ExecutionRejectedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return NotificationCheck.Refused($"could not verify now: {ex.GetType().Name}");
        }
        if (answer != "VERIFIED")
            return NotificationCheck.BadSignature($"PayPal answered {(answer.Length > 20 ? answer[..20] : answer)}");

        var fields = PayPalIpnMessage.Parse(raw.Body);
        string Field(string name) => fields.TryGetValue(name, out var value) ? value : "";
        var status = Field("payment_status");
        PaymentOutcome? outcome = status switch
        {
            "Completed" => PaymentOutcome.Paid,
            "Pending" => PaymentOutcome.Pending,
            "Denied" or "Failed" => PaymentOutcome.Refused,
            "Expired" or "Voided" => PaymentOutcome.Cancelled,
            "Refunded" or "Reversed" => PaymentOutcome.Refunded,
            _ => null,
        };
        if (outcome is null)
            return NotificationCheck.Malformed($"payment_status '{status}' is not one the shop acts on");
        var attempt = Field("invoice") is { Length: > 0 } invoice ? invoice : throw new FormatException("IPN without invoice");
        var txn = Field("txn_id") is { Length: > 0 } id ? id : throw new FormatException("IPN without txn_id");
        var currency = Field("mc_currency");
        var (receiver, expected) = setup.ExpectedReceiver is { IsEmail: false } byId
            ? (Field("receiver_id"), byId.Value)
            : (Field("receiver_email").ToLowerInvariant(), setup.ExpectedReceiver?.Value);
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: attempt,
            Outcome: outcome.Value,
            IdempotencyKey: $"ipn:{txn}:{status}",
            Amount: PayPalOrderMessages.ParseAmount(Field("mc_gross"), currency),
            Currency: currency,
            MerchantId: receiver,
            ExpectedMerchantId: expected,
            ProviderTransactionId: txn,
            Summary: $"IPN {Field("txn_type")} txn {txn} {status} {Field("mc_gross")} {currency} (parent {Field("parent_txn_id")})"));
    }

    /// <summary>
    /// PayPal wants a bare 200 for every IPN, and resends the same bytes on anything else: pointless for an INVALID
    /// message or another account's payment, so those get 200 too (journaled, bill untouched). When PayPal could not be
    /// asked (Refused) or the message is malformed, the usual 4xx makes it resend later.
    /// </summary>
    public Microsoft.AspNetCore.Http.IResult Answer(NotificationOutcome outcome) =>
        outcome.Verdict is NotificationVerdict.BadSignature or NotificationVerdict.UnknownTransaction
            ? Microsoft.AspNetCore.Http.Results.Ok()
            : NotificationAnswers.Default(outcome);
}

internal static class PayPalPayments
{
    public static ProviderPayment From(PayPalCapture capture, PaymentOutcome outcome, string attempt, PayPalSetup setup, string key, string summary)
    {
        var expected = setup.ExpectedReceiver;
        var receiver = expected is null ? null : expected.IsEmail ? capture.PayeeEmail?.ToLowerInvariant() : capture.PayeeMerchantId;
        return new ProviderPayment(
            ProviderReference: attempt,
            Outcome: outcome,
            IdempotencyKey: key,
            Amount: capture.Amount,
            Currency: capture.Currency,
            // Only checked when both sides are known: Orders captures name their payee, refunds need not.
            MerchantId: receiver,
            ExpectedMerchantId: receiver is null ? null : expected!.Value,
            ProviderTransactionId: capture.Id,
            Summary: $"{summary}: capture {capture.Id} {capture.Status} {capture.Amount?.ToString() ?? "?"} {capture.Currency}");
    }
}
