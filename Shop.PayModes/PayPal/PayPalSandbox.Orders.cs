using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>One order as the sandbox keeps it.</summary>
internal sealed class SandboxOrder
{
    public required string Id { get; init; }
    public required string ShopBase { get; init; }
    public required string SandboxBase { get; init; }
    public required string Currency { get; init; }
    public required string Value { get; init; }
    public required string CustomId { get; init; }
    public string? InvoiceId { get; init; }
    public required string PayeeEmail { get; init; }
    public required string ReturnUrl { get; init; }
    public required string CancelUrl { get; init; }
    public string Status { get; set; } = "PAYER_ACTION_REQUIRED";
    /// <summary>What the buyer chose on the approval page: the capture's fate.</summary>
    public string? CaptureOutcome { get; set; }
    public string? CaptureId { get; set; }
    public string? CaptureStatus { get; set; }
    public string? CaptureRequestId { get; set; }
    /// <summary>The buyer chose "pay but delay the notification": webhooks wait for a redelivery.</summary>
    public bool HoldWebhooks { get; set; }
    /// <summary>The last event about this order, delivered or held, for redelivery on demand.</summary>
    public string? LastEvent { get; set; }
}

public sealed partial class PayPalSandbox
{
    private async Task<IResult> CreateOrderAsync(HttpContext http)
    {
        var requestId = http.Request.Headers["PayPal-Request-Id"].ToString();
        if (requestId.Length > 0 && _ordersByRequestId.TryGetValue(requestId, out var replay))
            return Results.Json(OrderJson(replay), statusCode: 201);
        JsonNode? body;
        try { body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted); }
        catch (JsonException) { return Error(400, "INVALID_REQUEST", "MALFORMED_REQUEST_JSON"); }
        var unit = body?["purchase_units"]?[0];
        var amount = unit?["amount"];
        var context = body?["payment_source"]?["paypal"]?["experience_context"];
        var currency = amount?["currency_code"]?.GetValue<string>();
        var value = amount?["value"]?.GetValue<string>();
        if (body?["intent"]?.GetValue<string>() != "CAPTURE" || currency is null || value is null || PayPalOrderMessages.ParseAmount(value, currency) is null || context?["return_url"] is null || context["cancel_url"] is null)
            return Error(422, "UNPROCESSABLE_ENTITY", "INVALID_PARAMETER_VALUE");
        var sandboxBase = SandboxBaseUrl;
        var order = new SandboxOrder
        {
            Id = NewId(), ShopBase = address.BaseUrl, SandboxBase = sandboxBase, Currency = currency, Value = value,
            CustomId = unit?["custom_id"]?.GetValue<string>() ?? "", InvoiceId = unit?["invoice_id"]?.GetValue<string>(),
            PayeeEmail = unit?["payee"]?["email_address"]?.GetValue<string>() ?? DefaultPayee,
            ReturnUrl = context["return_url"]!.GetValue<string>(), CancelUrl = context["cancel_url"]!.GetValue<string>(),
        };
        _orders[order.Id] = order;
        if (requestId.Length > 0)
            order = _ordersByRequestId.GetOrAdd(requestId, order);
        return Results.Json(OrderJson(order), statusCode: 201);
    }

    private IResult GetOrder(string id) =>
        _orders.TryGetValue(id, out var order) ? Results.Json(OrderJson(order)) : Error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID");

    private async Task<IResult> CaptureAsync(HttpContext http, string id)
    {
        if (!_orders.TryGetValue(id, out var order))
            return Error(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID");
        var requestId = http.Request.Headers["PayPal-Request-Id"].ToString();
        string eventType;
        lock (order)
        {
            if (order.CaptureId is not null)
                return requestId.Length > 0 && requestId == order.CaptureRequestId
                    ? Results.Json(OrderJson(order), statusCode: 201)
                    : Error(422, "UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED");
            if (order.Status != "APPROVED")
                return Error(422, "UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED");
            order.CaptureId = NewId();
            order.CaptureRequestId = requestId;
            order.CaptureStatus = order.CaptureOutcome switch { "pending" => "PENDING", "decline" => "DECLINED", _ => "COMPLETED" };
            order.Status = "COMPLETED";
            eventType = order.CaptureStatus switch { "PENDING" => "PAYMENT.CAPTURE.PENDING", "DECLINED" => "PAYMENT.CAPTURE.DENIED", _ => "PAYMENT.CAPTURE.COMPLETED" };
        }
        // PayPal notifies every capture by webhook too; the shop must take the second path as a duplicate.
        await NotifyAsync(order, CaptureEvent(order, eventType), http.RequestAborted);
        return Results.Json(OrderJson(order), statusCode: 201);
    }

    /// <summary>Sandbox control: a PENDING capture clears; PayPal sends PAYMENT.CAPTURE.COMPLETED.</summary>
    public async Task<bool> CompletePendingCaptureAsync(string captureId)
    {
        if (_orders.Values.FirstOrDefault(o => o.CaptureId == captureId) is not { } order)
            return false;
        lock (order)
        {
            if (order.CaptureStatus != "PENDING")
                return false;
            order.CaptureStatus = "COMPLETED";
        }
        await NotifyAsync(order, CaptureEvent(order, "PAYMENT.CAPTURE.COMPLETED"));
        return true;
    }

    /// <summary>Sandbox control: the merchant refunds a completed capture; PayPal sends PAYMENT.CAPTURE.REFUNDED.</summary>
    public async Task<bool> RefundCaptureAsync(string captureId)
    {
        if (_orders.Values.FirstOrDefault(o => o.CaptureId == captureId) is not { } order)
            return false;
        lock (order)
        {
            if (order.CaptureStatus != "COMPLETED")
                return false;
            order.CaptureStatus = "REFUNDED";
        }
        var refund = new JsonObject
        {
            ["id"] = NewId(), ["status"] = "COMPLETED",
            ["amount"] = new JsonObject { ["currency_code"] = order.Currency, ["value"] = order.Value },
            ["invoice_id"] = order.InvoiceId, ["custom_id"] = order.CustomId,
            ["links"] = new JsonArray(new JsonObject { ["rel"] = "up", ["method"] = "GET", ["href"] = $"{order.SandboxBase}/v2/payments/captures/{order.CaptureId}" }),
        };
        await NotifyAsync(order, Event("PAYMENT.CAPTURE.REFUNDED", "refund", refund));
        return true;
    }

    /// <summary>Sandbox control: (re)delivers the last event about the capture, held or not; a duplicate when it was delivered already.</summary>
    public async Task<bool> RedeliverAsync(string captureId)
    {
        if (_orders.Values.FirstOrDefault(o => o.CaptureId == captureId) is not { LastEvent: { } last } order)
            return false;
        order.HoldWebhooks = false;
        return await DeliverWebhookAsync(order.ShopBase, last) != 0;
    }

    private async Task NotifyAsync(SandboxOrder order, string eventJson, CancellationToken ct = default)
    {
        order.LastEvent = eventJson;
        if (!order.HoldWebhooks)
            await DeliverWebhookAsync(order.ShopBase, eventJson, ct);
    }

    /// <summary>The order the sandbox holds for an attempt (by custom id), for tests and the control endpoints.</summary>
    public (string OrderId, string? CaptureId, string? CaptureStatus)? FindOrder(string customId) =>
        _orders.Values.FirstOrDefault(o => o.CustomId == customId) is { } order ? (order.Id, order.CaptureId, order.CaptureStatus) : null;

    /// <summary>The approval the buyer gives on the approval page, for tests that skip the browser.</summary>
    public bool Approve(string orderId, string outcome = "approve")
    {
        if (!_orders.TryGetValue(orderId, out var order))
            return false;
        lock (order)
        {
            if (order.Status != "PAYER_ACTION_REQUIRED")
                return false;
            order.Status = "APPROVED";
            order.CaptureOutcome = outcome == "late" ? "approve" : outcome;
            order.HoldWebhooks = outcome == "late";
            return true;
        }
    }

    /// <summary>A PAYMENT.CAPTURE.* event for the order's capture (the sandbox signs what it sends, not this).</summary>
    public string CaptureEventFor(string orderId, string eventType, string? value = null, string? currency = null, string? payee = null) =>
        _orders.TryGetValue(orderId, out var order) ? CaptureEvent(order, eventType, value, currency, payee) : throw new ArgumentException("unknown order", nameof(orderId));

    private string CaptureEvent(SandboxOrder order, string eventType, string? value = null, string? currency = null, string? payee = null)
    {
        var status = eventType switch { "PAYMENT.CAPTURE.PENDING" => "PENDING", "PAYMENT.CAPTURE.DENIED" => "DECLINED", _ => "COMPLETED" };
        return Event(eventType, "capture", CaptureJson(order, status, value, currency, payee));
    }

    private string Event(string eventType, string resourceType, JsonObject resource) => new JsonObject
    {
        ["id"] = "WH-" + NewId(),
        ["event_version"] = "1.0",
        ["create_time"] = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["resource_type"] = resourceType,
        ["resource_version"] = "2.0",
        ["event_type"] = eventType,
        ["summary"] = $"Payment {eventType.Split('.')[^1].ToLowerInvariant()}",
        ["resource"] = resource,
    }.ToJsonString();

    private static JsonObject CaptureJson(SandboxOrder order, string status, string? value = null, string? currency = null, string? payee = null) => new()
    {
        ["id"] = order.CaptureId,
        ["status"] = status,
        ["amount"] = new JsonObject { ["currency_code"] = currency ?? order.Currency, ["value"] = value ?? order.Value },
        ["final_capture"] = true,
        ["invoice_id"] = order.InvoiceId,
        ["custom_id"] = order.CustomId,
        ["payee"] = new JsonObject { ["email_address"] = payee ?? order.PayeeEmail, ["merchant_id"] = ReceiverId },
        ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = order.Id } },
    };

    private static JsonObject OrderJson(SandboxOrder order)
    {
        var unit = new JsonObject
        {
            ["reference_id"] = order.InvoiceId,
            ["amount"] = new JsonObject { ["currency_code"] = order.Currency, ["value"] = order.Value },
            ["payee"] = new JsonObject { ["email_address"] = order.PayeeEmail, ["merchant_id"] = ReceiverId },
            ["invoice_id"] = order.InvoiceId,
            ["custom_id"] = order.CustomId,
        };
        if (order.CaptureId is not null)
            unit["payments"] = new JsonObject { ["captures"] = new JsonArray(CaptureJson(order, order.CaptureStatus!)) };
        return new JsonObject
        {
            ["id"] = order.Id,
            ["intent"] = "CAPTURE",
            ["status"] = order.Status,
            ["purchase_units"] = new JsonArray(unit),
            ["links"] = new JsonArray(
                new JsonObject { ["href"] = $"{order.SandboxBase}/v2/checkout/orders/{order.Id}", ["rel"] = "self", ["method"] = "GET" },
                new JsonObject { ["href"] = $"{order.SandboxBase}/checkoutnow?token={order.Id}", ["rel"] = "payer-action", ["method"] = "GET" }),
        };
    }

    // ---------------------------------------------------------------- approval page

    private IResult ApprovalPage(string token)
    {
        if (!_orders.TryGetValue(token, out var order))
            return Results.NotFound();
        var amount = Html.Encode($"{order.Value} {order.Currency}");
        return Page("Approve your payment · PayPal sandbox", $"""
            <h1>Pay {Html.Encode(order.PayeeEmail)}</h1>
            <div class="amount" id="sandbox-amount">{amount}</div>
            <form method="post" action="{Html.Encode(order.SandboxBase)}/checkoutnow">
              <input type="hidden" name="token" value="{Html.Encode(order.Id)}" />
              <button class="primary" id="sandbox-approve" name="choice" value="approve">Approve and pay</button>
              <button class="secondary" id="sandbox-approve-late" name="choice" value="late">Approve (webhook delayed until redelivered)</button>
              <button class="secondary" id="sandbox-approve-pending" name="choice" value="pending">Approve (capture stays pending)</button>
              <button class="secondary" id="sandbox-approve-decline" name="choice" value="decline">Approve (capture is declined)</button>
              <button class="secondary" id="sandbox-cancel" name="choice" value="cancel">Cancel and return to the shop</button>
            </form>
            """);
    }

    private async Task<IResult> ApproveAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!_orders.TryGetValue(form["token"].ToString(), out var order))
            return Results.NotFound();
        var choice = form["choice"].ToString();
        if (new[] { order.ReturnUrl, order.CancelUrl }.FirstOrDefault(url => !IsShopUrl(http, url)) is { } foreign)
            return ForeignTarget(foreign);
        if (choice == "cancel")
            return Results.Redirect(AddQuery(order.CancelUrl, $"token={order.Id}"));
        Approve(order.Id, choice is "pending" or "decline" or "late" ? choice : "approve");
        return Results.Redirect(AddQuery(order.ReturnUrl, $"token={order.Id}&PayerID=SANDBOXPAYER1"));
    }

    private static string AddQuery(string url, string query) => url + (url.Contains('?') ? "&" : "?") + query;

    // ---------------------------------------------------------------- webhooks

    /// <summary>The PAYPAL-* headers for <paramref name="body"/>, signed with the sandbox key for <paramref name="webhookId"/>.</summary>
    public IReadOnlyDictionary<string, string> SignWebhook(string sandboxBase, string webhookId, byte[] body)
    {
        var id = Guid.NewGuid().ToString();
        var time = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ");
        return new Dictionary<string, string>
        {
            ["PAYPAL-AUTH-ALGO"] = PayPalSandboxSigning.AuthAlgo,
            ["PAYPAL-CERT-URL"] = sandboxBase + "/certs/sandbox-webhook",
            ["PAYPAL-TRANSMISSION-ID"] = id,
            ["PAYPAL-TRANSMISSION-TIME"] = time,
            ["PAYPAL-TRANSMISSION-SIG"] = PayPalSandboxSigning.Sign(_webhookKey, PayPalSandboxSigning.StringToSign(id, time, webhookId, body)),
        };
    }

    /// <summary>Posts a signed event to the shop's notify endpoint, as PayPal does; returns the shop's status code.</summary>
    public async Task<int> DeliverWebhookAsync(string shopBase, string eventJson, CancellationToken ct = default)
    {
        try
        {
            var body = Encoding.UTF8.GetBytes(eventJson);
            using var request = new HttpRequestMessage(HttpMethod.Post, shopBase + "/paymodes/paypal/notify") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in SignWebhook(shopBase + PayPalUrls.SandboxPrefix, await WebhookIdAsync(ct), body))
                request.Headers.TryAddWithoutValidation(name, value);
            using var response = await clients.CreateClient(PayPalHttp.Sandbox).SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException or Polly.ExecutionRejectedException)
        {
            logger.LogWarning("Sandbox webhook delivery failed: {Reason}", ex.Message);
            return 0;
        }
    }

    /// <summary>The webhook id registered for this shop: the one in its PayPal settings.</summary>
    private async Task<string> WebhookIdAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<PayPalSettings>(PayPalPayMode.ModeCode, ct);
        return settings.WebhookId ?? "";
    }

    private async Task<IResult> VerifyWebhookAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        string? Field(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        try
        {
            using var request = JsonDocument.Parse(buffer.ToArray());
            var root = request.RootElement;
            if (!root.TryGetProperty("webhook_event", out var webhookEvent) || Field(root, "transmission_id") is not { } id
                || Field(root, "transmission_time") is not { } time || Field(root, "webhook_id") is not { } webhookId
                || Field(root, "transmission_sig") is not { } signature)
                return Error(400, "VALIDATION_ERROR", "MISSING_REQUIRED_PARAMETER");
            // The CRC is over the event exactly as it appears in the request: a re-serialised event does not match.
            var eventBytes = Encoding.UTF8.GetBytes(webhookEvent.GetRawText());
            var valid = Field(root, "auth_algo") == PayPalSandboxSigning.AuthAlgo
                && Field(root, "cert_url")?.StartsWith(SandboxBaseUrl, StringComparison.Ordinal) == true
                && PayPalSandboxSigning.Verify(_webhookKey, PayPalSandboxSigning.StringToSign(id, time, webhookId, eventBytes), signature);
            return Results.Json(new { verification_status = valid ? "SUCCESS" : "FAILURE" });
        }
        catch (JsonException)
        {
            return Error(400, "INVALID_REQUEST", "MALFORMED_REQUEST_JSON");
        }
    }
}
