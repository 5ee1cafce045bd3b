using System.Security.Cryptography;
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

    /// <summary>The journal's method for an order look-up: no HTTP request can carry it.</summary>
    public const string Method = "GET-ORDER";

    public static RawNotification Request(string orderId) =>
        new(PayPalPayMode.ModeCode, Method, "application/json",
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
        var outcome = OutcomeOf(status);
        var attempt = Field("invoice");
        var txn = Field("txn_id");
        var what = $"IPN {Field("txn_type")} txn {(txn.Length > 0 ? txn : "-")} {(status.Length > 0 ? status : "(no payment_status)")}";
        if (outcome == PaymentOutcome.Informational && attempt.Length == 0)
        {
            // Verified, about no bill of ours (subscr_*, a payment made elsewhere): anything but a 2xx and PayPal resends it for days.
            return new NotificationCheck(NotificationVerdict.Accepted, null, $"verified; {what} without invoice: recorded only");
        }
        if (attempt.Length == 0)
            throw new FormatException("IPN without invoice");
        if (txn.Length == 0 && outcome != PaymentOutcome.Informational)
            throw new FormatException("IPN without txn_id");
        var currency = Field("mc_currency");
        var (receiver, expected) = setup.ExpectedReceiver is { IsEmail: false } byId
            ? (Field("receiver_id"), byId.Value)
            : (Field("receiver_email").ToLowerInvariant(), setup.ExpectedReceiver?.Value);
        return NotificationCheck.Valid(new ProviderPayment(
            ProviderReference: attempt,
            Outcome: outcome,
            // (txn_id, payment_status), never txn_id alone (docs/providers/paypal.md); a message without txn_id is deduplicated on its exact bytes.
            IdempotencyKey: txn.Length > 0 ? $"ipn:{txn}:{status}" : $"ipn:body:{Convert.ToHexString(SHA256.HashData(raw.Body))}",
            Amount: PayPalOrderMessages.ParseAmount(Field("mc_gross"), currency),
            Currency: currency,
            MerchantId: receiver,
            ExpectedMerchantId: expected,
            ProviderTransactionId: txn.Length > 0 ? txn : null,
            Summary: $"{what} {Field("mc_gross")} {currency} (parent {Field("parent_txn_id")})"));
    }

    /// <summary>
    /// The statuses the shop acts on; any other one, or none (<c>subscr_*</c>, <c>recurring_payment_profile_*</c>...), is
    /// <see cref="PaymentOutcome.Informational"/>: recorded, never acted on, never refused.
    /// </summary>
    public static PaymentOutcome OutcomeOf(string paymentStatus) => paymentStatus switch
    {
        "Completed" => PaymentOutcome.Paid,
        "Pending" => PaymentOutcome.Pending,
        "Denied" or "Failed" => PaymentOutcome.Refused,
        "Expired" or "Voided" => PaymentOutcome.Cancelled,
        "Refunded" or "Reversed" => PaymentOutcome.Refunded,
        _ => PaymentOutcome.Informational,
    };

    /// <summary>
    /// An IPN for an invoice this shop never issued is a real payment to the account (its IPN URL is account-wide): PayPal
    /// would resend it for days on anything but a 200, so it gets one (journaled, no bill touched). Every other verdict is
    /// answered as for any provider: INVALID is a bad signature (400), a malformed message 400, a mismatch is flagged (200).
    /// </summary>
    public Microsoft.AspNetCore.Http.IResult Answer(NotificationOutcome outcome) =>
        outcome.Verdict is NotificationVerdict.UnknownTransaction
            ? Microsoft.AspNetCore.Http.TypedResults.Ok()
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
