using System.Text;
using System.Text.Json;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>What the shop asks PayPal to collect for one payment attempt.</summary>
public sealed record PayPalOrderRequest(
    string AttemptReference,
    string BillReference,
    long Amount,
    string Currency,
    string ReturnUrl,
    string CancelUrl,
    string? PayeeEmail,
    string BrandName);

/// <summary>One capture as PayPal reports it (in an order, or as a webhook resource).</summary>
public sealed record PayPalCapture(string Id, string Status, long? Amount, string? Currency, string? CustomId, string? PayeeEmail, string? PayeeMerchantId);

/// <summary>Pure Orders v2 message code: request bodies and response parsing, no I/O.</summary>
public static class PayPalOrderMessages
{
    /// <summary>The body of <c>POST /v2/checkout/orders</c>.</summary>
    public static string CreateOrderBody(PayPalOrderRequest request)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("intent", "CAPTURE");
            json.WriteStartArray("purchase_units");
            json.WriteStartObject();
            json.WriteString("reference_id", request.AttemptReference);
            json.WriteString("invoice_id", request.AttemptReference);
            json.WriteString("custom_id", request.AttemptReference);
            json.WriteString("description", $"Order {request.BillReference}");
            json.WriteStartObject("amount");
            json.WriteString("currency_code", request.Currency.ToUpperInvariant());
            json.WriteString("value", Money.ToDecimalString(request.Amount, request.Currency));
            json.WriteEndObject();
            if (request.PayeeEmail is { Length: > 0 } payee && payee.Contains('@'))
            {
                json.WriteStartObject("payee");
                json.WriteString("email_address", payee);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("payment_source");
            json.WriteStartObject("paypal");
            json.WriteStartObject("experience_context");
            json.WriteString("brand_name", request.BrandName);
            json.WriteString("user_action", "PAY_NOW");
            json.WriteString("shipping_preference", "NO_SHIPPING");
            json.WriteString("return_url", request.ReturnUrl);
            json.WriteString("cancel_url", request.CancelUrl);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The link the buyer approves the order at: <c>payer-action</c>, else <c>approve</c>.</summary>
    public static string? ApprovalLink(JsonElement order)
    {
        if (!order.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
            return null;
        string? approve = null;
        foreach (var link in links.EnumerateArray())
        {
            var rel = link.TryGetProperty("rel", out var r) ? r.GetString() : null;
            var href = link.TryGetProperty("href", out var h) ? h.GetString() : null;
            if (rel == "payer-action")
                return href;
            if (rel == "approve")
                approve = href;
        }
        return approve;
    }

    /// <summary>The first capture of the order's first purchase unit, with the unit's payee and custom id.</summary>
    public static PayPalCapture? FirstCapture(JsonElement order)
    {
        if (!order.TryGetProperty("purchase_units", out var units) || units.ValueKind != JsonValueKind.Array || units.GetArrayLength() == 0)
            return null;
        var unit = units[0];
        if (!unit.TryGetProperty("payments", out var payments) || !payments.TryGetProperty("captures", out var captures)
            || captures.ValueKind != JsonValueKind.Array || captures.GetArrayLength() == 0)
            return null;
        var capture = ParseCapture(captures[0]);
        var (payeeEmail, payeeId) = Payee(unit);
        return capture with
        {
            CustomId = capture.CustomId ?? Text(unit, "custom_id"),
            PayeeEmail = capture.PayeeEmail ?? payeeEmail,
            PayeeMerchantId = capture.PayeeMerchantId ?? payeeId,
        };
    }

    /// <summary>A capture (or refund) resource: id, status, amount in minor units, custom id, payee.</summary>
    public static PayPalCapture ParseCapture(JsonElement resource)
    {
        var id = Text(resource, "id") ?? throw new FormatException("capture without id");
        var status = Text(resource, "status") ?? throw new FormatException("capture without status");
        long? amount = null;
        string? currency = null;
        if (resource.TryGetProperty("amount", out var money) && money.ValueKind == JsonValueKind.Object)
        {
            currency = Text(money, "currency_code");
            amount = ParseAmount(Text(money, "value"), currency);
        }
        var (payeeEmail, payeeId) = Payee(resource);
        return new PayPalCapture(id, status, amount, currency, Text(resource, "custom_id") ?? Text(resource, "invoice_id"), payeeEmail, payeeId);
    }

    /// <summary>The shop's view of a capture status: only COMPLETED pays.</summary>
    public static PaymentOutcome? OutcomeOf(string captureStatus) => captureStatus switch
    {
        "COMPLETED" => PaymentOutcome.Paid,
        "PENDING" => PaymentOutcome.Pending,
        "DECLINED" => PaymentOutcome.Refused,
        "FAILED" => PaymentOutcome.Failed,
        "REFUNDED" or "PARTIALLY_REFUNDED" => PaymentOutcome.Refunded,
        _ => null,
    };

    /// <summary>The webhook events the shop acts on and what they mean.</summary>
    public static PaymentOutcome? OutcomeOfEvent(string eventType) => eventType switch
    {
        "PAYMENT.CAPTURE.COMPLETED" => PaymentOutcome.Paid,
        "PAYMENT.CAPTURE.PENDING" => PaymentOutcome.Pending,
        "PAYMENT.CAPTURE.DENIED" => PaymentOutcome.Refused,
        "PAYMENT.CAPTURE.REFUNDED" or "PAYMENT.CAPTURE.REVERSED" => PaymentOutcome.Refunded,
        _ => null,
    };

    /// <summary>Idempotency: one key per (capture or refund id, status), so PENDING then COMPLETED are two notifications.</summary>
    public static string IdempotencyKey(string resourceId, string status) => $"capture:{resourceId}:{status}";

    /// <summary>A PayPal decimal amount in minor units; null when malformed or in a currency the shop does not know.</summary>
    public static long? ParseAmount(string? value, string? currency)
    {
        if (currency is null)
            return null;
        try { return Money.TryParseMinor(value, currency); }
        catch (ArgumentException) { return null; }
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static (string? Email, string? MerchantId) Payee(JsonElement element) =>
        element.TryGetProperty("payee", out var payee) ? (Text(payee, "email_address"), Text(payee, "merchant_id")) : (null, null);
}
