using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>One refund of a capture as the sandbox keeps it.</summary>
internal sealed class SandboxRefund
{
    public required string Id { get; init; }
    public required SandboxOrder Order { get; init; }
    public required string Currency { get; init; }
    public required string Value { get; init; }
    public string? InvoiceId { get; init; }
    public string? CustomId { get; init; }
    public string? NoteToPayer { get; init; }
    /// <summary>What the capture had returned once this refund went through.</summary>
    public required decimal RefundedSoFar { get; init; }
    public required string CreateTime { get; init; }
}

/// <summary>Payments v2 in the sandbox: a capture and its refunds, authenticated like the Orders routes.</summary>
public sealed partial class PayPalSandbox
{
    internal ApiAnswer GetCapture(string id) =>
        _captures.TryGetValue(id, out var order) ? Json(CaptureJson(order, order.CaptureStatus!)) : NotFoundError(PaymentsApi, "capture_id", id);

    internal ApiAnswer GetRefund(string id) =>
        _refunds.TryGetValue(id, out var refund) ? Json(RefundJson(refund)) : NotFoundError(PaymentsApi, "refund_id", id);

    /// <summary>
    /// <c>POST /v2/payments/captures/{id}/refund</c>: the amount in the body, or what remains of the capture without one.
    /// A repeated <c>PayPal-Request-Id</c> answers the refund it made the first time, and refunds nothing more.
    /// </summary>
    internal async Task<ApiAnswer> RefundAsync(HttpContext http, string captureId)
    {
        var requestId = http.Request.Headers["PayPal-Request-Id"].ToString();
        if (requestId.Length > 0 && _refundsByRequestId.TryGetValue(requestId, out var replay))
            return RefundAnswer(http, replay);
        if (!_captures.TryGetValue(captureId, out var order))
            return NotFoundError(PaymentsApi, "capture_id", captureId);
        var (body, malformed) = await ReadObjectAsync(http, PaymentsApi, optional: true);
        if (malformed is not null)
            return malformed;
        var issues = new List<SandboxIssue>();
        var amount = Money(body, "amount", "", issues, required: false);
        var invoiceId = Text(body, "invoice_id", "/invoice_id", issues);
        var customId = Text(body, "custom_id", "/custom_id", issues);
        var note = Text(body, "note_to_payer", "/note_to_payer", issues);
        if (issues.Count > 0)
            return ApiError(StatusCodes.Status400BadRequest, PaymentsApi, [.. issues]);

        SandboxRefund refund;
        lock (_refundGate)
        {
            if (requestId.Length > 0 && _refundsByRequestId.TryGetValue(requestId, out replay))
                return RefundAnswer(http, replay);
            if (RefuseRefund(order, amount) is { } issue)
                return ApiError(StatusCodes.Status422UnprocessableEntity, PaymentsApi, issue);
            var captured = Amount(order.Value);
            var value = amount is { } asked ? Amount(asked.Value) : captured - order.Refunded;
            order.Refunded += value;
            order.CaptureStatus = order.Refunded >= captured ? "REFUNDED" : "PARTIALLY_REFUNDED";
            order.UpdateTime = Now();
            refund = new SandboxRefund
            {
                Id = NewId(), Order = order, Currency = order.Currency, Value = Format(value, order.Currency),
                InvoiceId = invoiceId ?? order.InvoiceId, CustomId = customId ?? order.CustomId, NoteToPayer = note,
                RefundedSoFar = order.Refunded, CreateTime = order.UpdateTime,
            };
            _refunds[refund.Id] = refund;
            if (requestId.Length > 0)
                _refundsByRequestId[requestId] = refund;
        }
        await NotifyAsync(order, Event("PAYMENT.CAPTURE.REFUNDED", "refund", RefundJson(refund)), http.RequestAborted);
        return RefundAnswer(http, refund);
    }

    /// <summary>Why PayPal would refuse this refund of the capture (its 422 issue), or null when it goes through.</summary>
    private static SandboxIssue? RefuseRefund(SandboxOrder order, (string Currency, string Value)? amount)
    {
        if (order.CaptureStatus == "REFUNDED")
            return new("CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded");
        if (order.CaptureStatus == "PENDING")
            return new("PENDING_CAPTURE", "Cannot initiate a refund as the capture is pending.");
        if (order.CaptureStatus is not ("COMPLETED" or "PARTIALLY_REFUNDED"))
            return new("REFUND_NOT_ALLOWED", "Capture cannot be refunded.");
        if (amount is not { } asked)
            return null;
        if (asked.Currency != order.Currency)
            return new("REFUND_CAPTURE_CURRENCY_MISMATCH", "Refund must be in the same currency as the capture.", "/amount/currency_code", asked.Currency, "body");
        if (AmountRule(asked.Currency, asked.Value, "/amount/value") is { } rule)
            return rule;
        return Amount(asked.Value) > Amount(order.Value) - order.Refunded
            ? new("REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded. Verify the refund amount and try the request again.", "/amount/value", asked.Value, "body")
            : null;
    }

    private static ApiAnswer RefundAnswer(HttpContext http, SandboxRefund refund)
    {
        var json = RefundJson(refund);
        return Json(WantsRepresentation(http) ? json : Minimal(json), StatusCodes.Status201Created);
    }

    /// <summary>A refund as PayPal shows it, with its self link and an up link to its capture.</summary>
    private static JsonObject RefundJson(SandboxRefund refund)
    {
        var order = refund.Order;
        var json = new JsonObject
        {
            ["id"] = refund.Id,
            ["status"] = "COMPLETED",
            ["amount"] = new JsonObject { ["currency_code"] = refund.Currency, ["value"] = refund.Value },
        };
        AddIfPresent(json, "invoice_id", refund.InvoiceId);
        AddIfPresent(json, "custom_id", refund.CustomId);
        AddIfPresent(json, "note_to_payer", refund.NoteToPayer);
        json["seller_payable_breakdown"] = new JsonObject
        {
            ["gross_amount"] = new JsonObject { ["currency_code"] = refund.Currency, ["value"] = refund.Value },
            ["net_amount"] = new JsonObject { ["currency_code"] = refund.Currency, ["value"] = refund.Value },
            ["total_refunded_amount"] = new JsonObject { ["currency_code"] = refund.Currency, ["value"] = Format(refund.RefundedSoFar, refund.Currency) },
        };
        json["payer"] = new JsonObject { ["email_address"] = order.PayeeEmail, ["merchant_id"] = ReceiverId };
        json["create_time"] = refund.CreateTime;
        json["update_time"] = refund.CreateTime;
        json["links"] = new JsonArray(
            Link($"{order.SandboxBase}/v2/payments/refunds/{refund.Id}", "self", "GET"),
            Link($"{order.SandboxBase}/v2/payments/captures/{order.CaptureId}", "up", "GET"));
        return json;
    }

    /// <summary>Sandbox control: a PENDING capture clears; PayPal sends PAYMENT.CAPTURE.COMPLETED.</summary>
    public async Task<bool> CompletePendingCaptureAsync(string captureId)
    {
        if (!_captures.TryGetValue(captureId, out var order))
            return false;
        lock (_refundGate)
        {
            if (order.CaptureStatus != "PENDING")
                return false;
            order.CaptureStatus = "COMPLETED";
            order.UpdateTime = Now();
        }
        await NotifyAsync(order, CaptureEvent(order, "PAYMENT.CAPTURE.COMPLETED"));
        return true;
    }

    /// <summary>
    /// Sandbox control: the merchant refunds what remains of a capture from PayPal's dashboard, as
    /// <c>POST /v2/payments/captures/{id}/refund</c> without a body would; PayPal sends PAYMENT.CAPTURE.REFUNDED.
    /// </summary>
    public async Task<bool> RefundCaptureAsync(string captureId)
    {
        if (!_captures.TryGetValue(captureId, out var order))
            return false;
        SandboxRefund refund;
        lock (_refundGate)
        {
            if (RefuseRefund(order, null) is not null)
                return false;
            var captured = Amount(order.Value);
            var value = captured - order.Refunded;
            order.Refunded = captured;
            order.CaptureStatus = "REFUNDED";
            order.UpdateTime = Now();
            refund = new SandboxRefund
            {
                Id = NewId(), Order = order, Currency = order.Currency, Value = Format(value, order.Currency), InvoiceId = order.InvoiceId,
                CustomId = order.CustomId, RefundedSoFar = order.Refunded, CreateTime = order.UpdateTime,
            };
            _refunds[refund.Id] = refund;
        }
        await NotifyAsync(order, Event("PAYMENT.CAPTURE.REFUNDED", "refund", RefundJson(refund)));
        return true;
    }
}
