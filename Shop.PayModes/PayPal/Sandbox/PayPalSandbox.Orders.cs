using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>One order as the sandbox keeps it, with its capture and the capture's refunds.</summary>
internal sealed class SandboxOrder
{
    public required string Id { get; init; }
    public required string ShopBase { get; init; }
    public required string SandboxBase { get; init; }
    public required string Intent { get; init; }
    public required string ReferenceId { get; init; }
    public required string Currency { get; init; }
    public required string Value { get; init; }
    public string? CustomId { get; init; }
    public string? InvoiceId { get; init; }
    public string? Description { get; init; }
    public required string PayeeEmail { get; init; }
    /// <summary>Where the approval page sends the buyer; absent when the caller gave none (PayPal's JS SDK then closes its window).</summary>
    public string? ReturnUrl { get; init; }
    public string? CancelUrl { get; init; }
    /// <summary>Created with <c>payment_source.paypal</c>: the order waits on the payer (<c>payer-action</c> link) instead of <c>approve</c>.</summary>
    public bool WithPaymentSource { get; init; }
    public required string CreateTime { get; init; }
    public string? UpdateTime { get; set; }
    public string Status { get; set; } = "CREATED";
    /// <summary>What the buyer chose on the approval page: the capture's fate.</summary>
    public string? CaptureOutcome { get; set; }
    public string? CaptureId { get; set; }
    public string? CaptureStatus { get; set; }
    public string? CaptureRequestId { get; set; }
    public string? CaptureTime { get; set; }
    /// <summary>What the refunds have returned so far, in the capture's currency.</summary>
    public decimal Refunded { get; set; }
    /// <summary>The buyer chose "pay but delay the notification": webhooks wait for a redelivery.</summary>
    public bool HoldWebhooks { get; set; }
    /// <summary>The last event about this order, delivered or held, for redelivery on demand.</summary>
    public string? LastEvent { get; set; }
}

public sealed partial class PayPalSandbox
{
    /// <summary><c>POST /v2/checkout/orders</c>: one purchase unit, approved on the sandbox's page; a repeated <c>PayPal-Request-Id</c> answers the same order.</summary>
    internal async Task<ApiAnswer> CreateOrderAsync(HttpContext http)
    {
        var requestId = http.Request.Headers["PayPal-Request-Id"].ToString();
        if (requestId.Length > 0 && _ordersByRequestId.TryGetValue(requestId, out var replay))
            return OrderAnswer(http, replay, StatusCodes.Status201Created);
        var (body, malformed) = await ReadObjectAsync(http, OrdersApi, optional: false);
        if (malformed is not null)
            return malformed;

        var issues = new List<SandboxIssue>();
        var intent = Text(body, "intent", "/intent", issues, required: true);
        if (intent is not null and not ("CAPTURE" or "AUTHORIZE"))
            issues.Add(new("INVALID_PARAMETER_VALUE", InvalidDescription, "/intent", intent, "body"));
        JsonElement? unit = null;
        if (!body.TryGetProperty("purchase_units", out var units) || units.ValueKind == JsonValueKind.Null)
            issues.Add(new("MISSING_REQUIRED_PARAMETER", MissingDescription, "/purchase_units", Location: "body"));
        else if (units.ValueKind != JsonValueKind.Array)
            issues.Add(new("INVALID_PARAMETER_VALUE", InvalidDescription, "/purchase_units", units.GetRawText(), "body"));
        else if (units.GetArrayLength() == 0)
            issues.Add(new("INVALID_ARRAY_MIN_ITEMS", "The number of items in an array parameter is too small.", "/purchase_units", "[]", "body"));
        else if (units.GetArrayLength() > 1)
            issues.Add(new("INVALID_ARRAY_MAX_ITEMS", "The number of items in an array parameter is too large (the built-in sandbox takes one purchase unit).", "/purchase_units", Location: "body"));
        else if (units[0].ValueKind != JsonValueKind.Object)
            issues.Add(new("INVALID_PARAMETER_VALUE", InvalidDescription, "/purchase_units/0", units[0].GetRawText(), "body"));
        else
            unit = units[0];

        string referenceId = "default";
        (string Currency, string Value)? amount = null;
        string? customId = null, invoiceId = null, description = null, payee = null;
        if (unit is { } u)
        {
            referenceId = Text(u, "reference_id", "/purchase_units/0/reference_id", issues) ?? "default";
            var path = $"/purchase_units/@reference_id=='{referenceId}'";
            amount = Money(u, "amount", path, issues, required: true);
            customId = Text(u, "custom_id", $"{path}/custom_id", issues);
            invoiceId = Text(u, "invoice_id", $"{path}/invoice_id", issues);
            description = Text(u, "description", $"{path}/description", issues);
            if (Member(u, "payee", $"{path}/payee", issues) is { } payeeObject)
                payee = Text(payeeObject, "email_address", $"{path}/payee/email_address", issues);
        }
        // Where the buyer returns: payment_source.paypal.experience_context, else the deprecated application_context.
        string? returnUrl = null, cancelUrl = null;
        var withPaymentSource = false;
        if (Member(body, "payment_source", "/payment_source", issues) is { } source
            && Member(source, "paypal", "/payment_source/paypal", issues) is { } paypal)
        {
            withPaymentSource = true;
            if (Member(paypal, "experience_context", "/payment_source/paypal/experience_context", issues) is { } experience)
            {
                returnUrl = Text(experience, "return_url", "/payment_source/paypal/experience_context/return_url", issues);
                cancelUrl = Text(experience, "cancel_url", "/payment_source/paypal/experience_context/cancel_url", issues);
            }
        }
        if (Member(body, "application_context", "/application_context", issues) is { } application)
        {
            var appReturn = Text(application, "return_url", "/application_context/return_url", issues);
            var appCancel = Text(application, "cancel_url", "/application_context/cancel_url", issues);
            returnUrl ??= appReturn;
            cancelUrl ??= appCancel;
        }
        if (issues.Count > 0)
            return ApiError(StatusCodes.Status400BadRequest, OrdersApi, [.. issues]);
        var (currency, value) = amount!.Value;
        if (AmountRule(currency, value, $"/purchase_units/@reference_id=='{referenceId}'/amount/value") is { } rule)
            return ApiError(StatusCodes.Status422UnprocessableEntity, OrdersApi, rule);

        var order = new SandboxOrder
        {
            Id = NewId(), ShopBase = address.BaseUrl, SandboxBase = SandboxBaseUrl, Intent = intent!, ReferenceId = referenceId,
            Currency = currency, Value = value, CustomId = customId, InvoiceId = invoiceId, Description = description,
            PayeeEmail = payee ?? DefaultPayee, ReturnUrl = returnUrl, CancelUrl = cancelUrl,
            WithPaymentSource = withPaymentSource, Status = withPaymentSource ? "PAYER_ACTION_REQUIRED" : "CREATED", CreateTime = Now(),
        };
        if (requestId.Length > 0)
            order = _ordersByRequestId.GetOrAdd(requestId, order);
        _orders[order.Id] = order;
        return OrderAnswer(http, order, StatusCodes.Status201Created);
    }

    private static ApiAnswer OrderAnswer(HttpContext http, SandboxOrder order, int status)
    {
        var json = OrderJson(order);
        return Json(WantsRepresentation(http) ? json : Minimal(json), status);
    }

    internal ApiAnswer GetOrder(string id) =>
        _orders.TryGetValue(id, out var order) ? Json(OrderJson(order)) : NotFoundError(OrdersApi, "order_id", id);

    /// <summary><c>POST /v2/checkout/orders/{id}/capture</c>: the buyer's choice on the approval page decides the capture's status.</summary>
    internal async Task<ApiAnswer> CaptureAsync(HttpContext http, string id)
    {
        if (!_orders.TryGetValue(id, out var order))
            return NotFoundError(OrdersApi, "order_id", id);
        var (_, malformed) = await ReadObjectAsync(http, OrdersApi, optional: true);
        if (malformed is not null)
            return malformed;
        var requestId = http.Request.Headers["PayPal-Request-Id"].ToString();
        string eventType;
        lock (order)
        {
            if (order.CaptureId is not null)
                return requestId.Length > 0 && requestId == order.CaptureRequestId
                    ? Json(OrderJson(order), StatusCodes.Status201Created)
                    : ApiError(StatusCodes.Status422UnprocessableEntity, OrdersApi, new SandboxIssue("ORDER_ALREADY_CAPTURED",
                        "Order already captured.If 'intent=CAPTURE' only one capture per order is allowed."));
            if (order.Intent != "CAPTURE")
                return ApiError(StatusCodes.Status422UnprocessableEntity, OrdersApi, new SandboxIssue("ACTION_DOES_NOT_MATCH_INTENT",
                    "Order was created with an intent to 'AUTHORIZE'. Please use v2/checkout/orders/order_id/authorize to complete the transaction or alternately Create an order with an intent of 'CAPTURE'.",
                    "intent", order.Intent, "body"));
            if (order.Status != "APPROVED")
                return ApiError(StatusCodes.Status422UnprocessableEntity, OrdersApi, new SandboxIssue("ORDER_NOT_APPROVED",
                    "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request."));
            order.CaptureId = NewId();
            order.CaptureRequestId = requestId;
            order.CaptureStatus = order.CaptureOutcome switch { "pending" => "PENDING", "decline" => "DECLINED", _ => "COMPLETED" };
            order.CaptureTime = order.UpdateTime = Now();
            order.Status = "COMPLETED";
            _captures[order.CaptureId] = order;
            eventType = order.CaptureStatus switch { "PENDING" => "PAYMENT.CAPTURE.PENDING", "DECLINED" => "PAYMENT.CAPTURE.DENIED", _ => "PAYMENT.CAPTURE.COMPLETED" };
        }
        // PayPal notifies every capture by webhook too; the shop must take the second path as a duplicate.
        await NotifyAsync(order, CaptureEvent(order, eventType), http.RequestAborted);
        return Json(OrderJson(order), StatusCodes.Status201Created);
    }

    /// <summary>Sandbox control: (re)delivers the last event about the capture, held or not; a duplicate when it was delivered already.</summary>
    public async Task<bool> RedeliverAsync(string captureId)
    {
        if (!_captures.TryGetValue(captureId, out var order) || order.LastEvent is not { } last)
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
    public (string OrderId, string? CaptureId, string? CaptureStatus)? FindOrder(string? customId) =>
        _orders.Values.FirstOrDefault(o => o.CustomId == customId) is { } order ? (order.Id, order.CaptureId, order.CaptureStatus) : null;

    /// <summary>The approval the buyer gives on the approval page, for tests that skip the browser.</summary>
    public bool Approve(string orderId, string outcome = "approve")
    {
        if (!_orders.TryGetValue(orderId, out var order))
            return false;
        lock (order)
        {
            if (order.Status is not ("PAYER_ACTION_REQUIRED" or "CREATED"))
                return false;
            order.Status = "APPROVED";
            order.UpdateTime = Now();
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

    /// <summary>A capture as PayPal shows it (in its order, by <c>GET /v2/payments/captures/{id}</c>, in webhooks), with its self, refund and up links.</summary>
    private static JsonObject CaptureJson(SandboxOrder order, string status, string? value = null, string? currency = null, string? payee = null)
    {
        var capture = new JsonObject
        {
            ["id"] = order.CaptureId,
            ["status"] = status,
            ["amount"] = new JsonObject { ["currency_code"] = currency ?? order.Currency, ["value"] = value ?? order.Value },
            ["final_capture"] = true,
        };
        AddIfPresent(capture, "invoice_id", order.InvoiceId);
        AddIfPresent(capture, "custom_id", order.CustomId);
        capture["payee"] = new JsonObject { ["email_address"] = payee ?? order.PayeeEmail, ["merchant_id"] = ReceiverId };
        capture["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = order.Id } };
        capture["create_time"] = order.CaptureTime;
        capture["update_time"] = order.UpdateTime ?? order.CaptureTime;
        capture["links"] = new JsonArray(
            Link($"{order.SandboxBase}/v2/payments/captures/{order.CaptureId}", "self", "GET"),
            Link($"{order.SandboxBase}/v2/payments/captures/{order.CaptureId}/refund", "refund", "POST"),
            Link($"{order.SandboxBase}/v2/checkout/orders/{order.Id}", "up", "GET"));
        return capture;
    }

    /// <summary>
    /// An order as PayPal shows it: the purchase unit as sent (<c>reference_id</c> <c>"default"</c> when none was, absent
    /// fields left out) and the links its status allows: <c>approve</c>/<c>update</c>/<c>capture</c> while created,
    /// <c>payer-action</c> while it waits on the payer, <c>update</c>/<c>capture</c> once approved, <c>self</c> only once completed.
    /// </summary>
    private static JsonObject OrderJson(SandboxOrder order)
    {
        var unit = new JsonObject
        {
            ["reference_id"] = order.ReferenceId,
            ["amount"] = new JsonObject { ["currency_code"] = order.Currency, ["value"] = order.Value },
            ["payee"] = new JsonObject { ["email_address"] = order.PayeeEmail, ["merchant_id"] = ReceiverId },
        };
        AddIfPresent(unit, "description", order.Description);
        AddIfPresent(unit, "custom_id", order.CustomId);
        AddIfPresent(unit, "invoice_id", order.InvoiceId);
        if (order.CaptureId is not null)
            unit["payments"] = new JsonObject { ["captures"] = new JsonArray(CaptureJson(order, order.CaptureStatus!)) };
        var self = $"{order.SandboxBase}/v2/checkout/orders/{order.Id}";
        var links = new JsonArray(Link(self, "self", "GET"));
        switch (order.Status)
        {
            case "CREATED":
                links.Add(Link($"{order.SandboxBase}/checkoutnow?token={order.Id}", "approve", "GET"));
                links.Add(Link(self, "update", "PATCH"));
                links.Add(Link($"{self}/capture", "capture", "POST"));
                break;
            case "PAYER_ACTION_REQUIRED":
                links.Add(Link($"{order.SandboxBase}/checkoutnow?token={order.Id}", "payer-action", "GET"));
                break;
            case "APPROVED":
                links.Add(Link(self, "update", "PATCH"));
                links.Add(Link($"{self}/capture", "capture", "POST"));
                break;
        }
        var json = new JsonObject
        {
            ["id"] = order.Id,
            ["intent"] = order.Intent,
            ["status"] = order.Status,
        };
        if (order.WithPaymentSource)
            json["payment_source"] = new JsonObject { ["paypal"] = new JsonObject() };
        json["purchase_units"] = new JsonArray(unit);
        if (order.Status is "APPROVED" or "COMPLETED")
            json["payer"] = new JsonObject
            {
                ["name"] = new JsonObject { ["given_name"] = "Sandbox", ["surname"] = "Buyer" },
                ["email_address"] = "buyer@sandbox.example",
                ["payer_id"] = PayerId,
            };
        json["create_time"] = order.CreateTime;
        if (order.UpdateTime is not null)
            json["update_time"] = order.UpdateTime;
        json["links"] = links;
        return json;
    }

    // ---------------------------------------------------------------- approval page

    internal Results<NotFound, ContentHttpResult> ApprovalPage(string token)
    {
        if (!_orders.TryGetValue(token, out var order))
            return TypedResults.NotFound();
        if (order.Status is not ("CREATED" or "PAYER_ACTION_REQUIRED"))
            return Page("PayPal sandbox", "<h1 id=\"sandbox-done\">This payment was already approved</h1><p>You can close this window.</p>");
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

    internal async Task<Results<NotFound, ContentHttpResult, RedirectHttpResult>> ApproveAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!_orders.TryGetValue(form["token"].ToString(), out var order))
            return TypedResults.NotFound();
        var choice = form["choice"].ToString();
        if (new[] { order.ReturnUrl, order.CancelUrl }.FirstOrDefault(url => url is not null && !IsShopUrl(http, url)) is { } foreign)
            return ForeignTarget(foreign);
        if (choice == "cancel")
            return order.CancelUrl is { } cancelUrl
                ? TypedResults.Redirect(AddQuery(cancelUrl, $"token={order.Id}"))
                : Page("PayPal sandbox", "<h1 id=\"sandbox-cancelled\">You cancelled this payment</h1><p>You can close this window.</p>");
        Approve(order.Id, choice is "pending" or "decline" or "late" ? choice : "approve");
        // Without a return URL (an order made for PayPal's JS SDK buttons), PayPal closes its window: the page says so.
        return order.ReturnUrl is { } returnUrl
            ? TypedResults.Redirect(AddQuery(returnUrl, $"token={order.Id}&PayerID={PayerId}"))
            : Page("PayPal sandbox", "<h1 id=\"sandbox-approved\">You approved this payment</h1><p>You can close this window and return to the shop.</p>");
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
            foreach (var (name, value) in SignWebhook(shopBase + Prefix, await WebhookIdAsync(ct), body))
                request.Headers.TryAddWithoutValidation(name, value);
            using var response = await clients.CreateClient(DeliveryClient).SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException or Polly.ExecutionRejectedException)
        {
            logger.LogWarning("Sandbox webhook delivery failed: {Reason}", ex.Message);
            return 0;
        }
    }

    /// <summary>The webhook id registered for this shop: the one in its PayPal settings.</summary>
    private async Task<string> WebhookIdAsync(CancellationToken ct) => (await AccountAsync(ct))["WebhookId"] ?? "";

    /// <summary><c>POST /v1/notifications/verify-webhook-signature</c>: SUCCESS only for an event this sandbox signed, as it signed it.</summary>
    internal async Task<Results<ApiAnswer, JsonHttpResult<WebhookVerification>>> VerifyWebhookAsync(HttpContext http)
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
                return ApiError(StatusCodes.Status400BadRequest, NotificationsApi, new SandboxIssue("MISSING_REQUIRED_PARAMETER", MissingDescription, Location: "body"));
            // The CRC is over the event exactly as it appears in the request: a re-serialised event does not match.
            var eventBytes = Encoding.UTF8.GetBytes(webhookEvent.GetRawText());
            var valid = Field(root, "auth_algo") == PayPalSandboxSigning.AuthAlgo
                && Field(root, "cert_url")?.StartsWith(SandboxBaseUrl, StringComparison.Ordinal) == true
                && PayPalSandboxSigning.Verify(_webhookKey, PayPalSandboxSigning.StringToSign(id, time, webhookId, eventBytes), signature);
            return TypedResults.Json(new WebhookVerification(valid ? "SUCCESS" : "FAILURE"));
        }
        catch (JsonException)
        {
            return MalformedJson(NotificationsApi);
        }
    }
}
