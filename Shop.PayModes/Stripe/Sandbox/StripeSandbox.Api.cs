using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>A JSON answer of Stripe's API with the headers Stripe sends (<c>Request-Id</c>, <c>Stripe-Version</c>, …).</summary>
internal sealed class StripeAnswer(int status, string json, bool saved = true) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => status;

    public string ContentType => "application/json";

    public string Json => json;

    /// <summary>Whether an idempotency key keeps this answer: Stripe keeps what an endpoint executed, not a refused request.</summary>
    public bool Saved => saved;

    public string? IdempotencyKey { get; init; }

    public bool Replayed { get; init; }

    public string? WwwAuthenticate { get; init; }

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        var headers = http.Response.Headers;
        headers["Request-Id"] = StripeSandbox.NewId("req_", 14);
        headers["Stripe-Version"] = StripeSandbox.ApiVersion;
        headers.CacheControl = "no-cache, no-store";
        if (IdempotencyKey is not null)
            headers["Idempotency-Key"] = IdempotencyKey;
        if (Replayed)
            headers["Idempotent-Replayed"] = "true";
        if (WwwAuthenticate is not null)
            headers.WWWAuthenticate = WwwAuthenticate;
        http.Response.ContentType = ContentType;
        await http.Response.WriteAsync(json, http.RequestAborted);
    }

    public StripeAnswer As(string? key, bool replayed) =>
        new(status, json, saved) { IdempotencyKey = key, Replayed = replayed, WwwAuthenticate = WwwAuthenticate };
}

public sealed partial class StripeSandbox
{
    private const int MaxIdempotencyKey = 255;

    private readonly Dictionary<string, IdempotentCall> _idempotent = new(StringComparer.Ordinal);
    private readonly Queue<string> _idempotentOrder = new();
    private readonly Lock _idempotencyGate = new();

    /// <summary>A key's first request: its endpoint, its parameters, and the answer once there is one (null while running).</summary>
    private sealed record IdempotentCall(string Endpoint, string Parameters)
    {
        public StripeAnswer? Answer { get; set; }
    }

    // ---------------------------------------------------------------- errors

    /// <summary>Stripe's error object: <c>{"error":{"type","code","message","param","doc_url","request_log_url"}}</c>.</summary>
    internal static StripeAnswer Error(int status, string type, string message, string? code = null, string? param = null, bool saved = false)
    {
        var error = new JsonObject();
        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = "https://stripe.com/docs/error-codes/" + code.Replace('_', '-');
        }
        error["message"] = message;
        if (param is not null)
            error["param"] = param;
        error["request_log_url"] = "https://dashboard.stripe.com/test/logs";
        error["type"] = type;
        return new StripeAnswer(status, Serialize(new JsonObject { ["error"] = error }), saved);
    }

    internal static StripeAnswer InvalidRequest(string message, string? param = null, string? code = null) =>
        Error(StatusCodes.Status400BadRequest, "invalid_request_error", message, code, param);

    internal static StripeAnswer Missing(string param) =>
        InvalidRequest($"Missing required param: {param}.", param, "parameter_missing");

    internal static StripeAnswer NoSuch(string kind, string id, string param = "id") =>
        Error(StatusCodes.Status404NotFound, "invalid_request_error", $"No such {kind}: '{id}'", "resource_missing", param);

    internal static StripeAnswer Unrecognized(HttpRequest request) =>
        Error(StatusCodes.Status404NotFound, "invalid_request_error",
            $"Unrecognized request URL ({request.Method}: {request.Path.Value?[Prefix.Length..]}). The sandbox answers the Checkout Session and refund calls of Stripe's API.");

    private static StripeAnswer Ok(JsonNode body) => new(StatusCodes.Status200OK, Serialize(body));

    // ---------------------------------------------------------------- authentication

    /// <summary>
    /// Stripe's 401 for a request without the account's secret key (Bearer, or Basic with the key as the user name, as
    /// <c>curl -u</c> sends it); null when the key is the sandbox's. The key is never echoed back.
    /// </summary>
    internal StripeAnswer? RefuseKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        string? key = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            key = header[7..].Trim();
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try { key = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2)[0]; }
            catch (FormatException) { key = ""; }
        }
        if (key is not null && SignatureCompare.ExactEquals(key, SecretKey))
            return null;
        var message = string.IsNullOrEmpty(key)
            ? "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
            : "Invalid API Key provided. In the shop's sandbox world only the sandbox's own secret key is valid: leave the Stripe mode's API base URL empty and the shop uses it.";
        var refused = Error(StatusCodes.Status401Unauthorized, "invalid_request_error", message);
        return new StripeAnswer(StatusCodes.Status401Unauthorized, refused.Json, saved: false) { WwwAuthenticate = "Bearer realm=\"Stripe\"" };
    }

    // ---------------------------------------------------------------- idempotency

    /// <summary>
    /// Runs a POST once per <c>Idempotency-Key</c>: the same key with the same parameters replays the first answer
    /// (<c>Idempotent-Replayed: true</c>); with other parameters or on another endpoint it is Stripe's 400
    /// <c>idempotency_error</c>; while the first is still running, a 409. A request refused before it ran keeps no answer.
    /// </summary>
    internal async Task<StripeAnswer> IdempotentAsync(HttpRequest request, IReadOnlyList<KeyValuePair<string, string>> form,
        Func<Task<StripeAnswer>> run)
    {
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
            return await run();
        if (key.Length > MaxIdempotencyKey)
            return InvalidRequest($"Idempotency-Key must be at most {MaxIdempotencyKey} characters long.", code: "idempotency_key_too_long");
        var endpoint = $"{request.Method} {request.Path.Value?[Prefix.Length..]}";
        var parameters = string.Join("&", form.Select(f => $"{f.Key}={f.Value}").Order(StringComparer.Ordinal));
        lock (_idempotencyGate)
        {
            if (_idempotent.TryGetValue(key, out var first))
            {
                if (first.Answer is null)
                    return Error(StatusCodes.Status409Conflict, "idempotency_error",
                        "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through). Please try again later.",
                        "idempotency_key_in_use");
                if (first.Endpoint != endpoint)
                    return Error(StatusCodes.Status400BadRequest, "idempotency_error",
                        $"Keys for idempotent requests can only be used for the same endpoint they were first used for ('{first.Endpoint}' vs '{endpoint}'). Try using a key other than '{key}' if you meant to execute a different request.");
                if (first.Parameters != parameters)
                    return Error(StatusCodes.Status400BadRequest, "idempotency_error",
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
                return first.Answer.As(key, replayed: true);
            }
            _idempotent[key] = new IdempotentCall(endpoint, parameters);
            _idempotentOrder.Enqueue(key);
            while (_idempotentOrder.Count > Capacity && _idempotentOrder.TryDequeue(out var oldest))
                _idempotent.Remove(oldest);
        }
        StripeAnswer answer;
        try
        {
            answer = await run();
        }
        catch
        {
            lock (_idempotencyGate)
                _idempotent.Remove(key);
            throw;
        }
        lock (_idempotencyGate)
        {
            if (answer.Saved)
                _idempotent[key].Answer = answer;
            else
                _idempotent.Remove(key);
        }
        return answer.As(key, replayed: false);
    }

    // ---------------------------------------------------------------- Checkout Sessions

    /// <summary>The top-level parameters <c>POST /v1/checkout/sessions</c> takes; anything else is Stripe's <c>parameter_unknown</c>.</summary>
    private static readonly HashSet<string> SessionParameters =
    [
        "adaptive_pricing", "after_expiration", "allow_promotion_codes", "automatic_tax", "billing_address_collection", "branding_settings",
        "cancel_url", "client_reference_id", "consent_collection", "currency", "custom_fields", "custom_text", "customer", "customer_account",
        "customer_creation", "customer_email", "customer_update", "discounts", "excluded_payment_method_types", "expand", "expires_at",
        "integration_identifier", "invoice_creation", "line_items", "locale", "managed_payments", "metadata", "mode", "name_collection",
        "optional_items", "origin_context", "payment_intent_data", "payment_method_collection", "payment_method_configuration",
        "payment_method_data", "payment_method_options", "payment_method_types", "permissions", "phone_number_collection",
        "redirect_on_completion", "return_url", "saved_payment_method_options", "setup_intent_data", "shipping_address_collection",
        "shipping_options", "submit_type", "subscription_data", "success_url", "tax_id_collection", "ui_mode", "wallet_options",
    ];

    private static readonly HashSet<string> LineItemParameters = ["adjustable_quantity", "dynamic_tax_rates", "metadata", "price", "price_data", "quantity", "tax_rates"];

    private static readonly HashSet<string> PriceDataParameters = ["currency", "product", "product_data", "recurring", "tax_behavior", "unit_amount", "unit_amount_decimal"];

    private static readonly HashSet<string> ProductDataParameters = ["description", "images", "metadata", "name", "tax_code", "unit_label"];

    /// <summary>Stripe's minimum charge per currency (minor units); a session must total at least this.</summary>
    private static readonly Dictionary<string, long> MinimumCharge = new(StringComparer.Ordinal)
    {
        ["usd"] = 50, ["aud"] = 50, ["brl"] = 50, ["cad"] = 50, ["chf"] = 50, ["czk"] = 1500, ["dkk"] = 250, ["eur"] = 50,
        ["gbp"] = 30, ["hkd"] = 400, ["huf"] = 17500, ["inr"] = 50, ["jpy"] = 50, ["mxn"] = 1000, ["myr"] = 200, ["nok"] = 300,
        ["nzd"] = 50, ["pln"] = 200, ["ron"] = 200, ["sek"] = 300, ["sgd"] = 50, ["thb"] = 1000,
    };

    /// <summary><c>POST /v1/checkout/sessions</c>: a one-off payment (<c>mode=payment</c>) of inline prices (<c>price_data</c>).</summary>
    internal StripeAnswer CreateSession(HttpContext http, StripeParams p)
    {
        if (p.Keys.FirstOrDefault(k => !SessionParameters.Contains(k)) is { } unknown)
            return InvalidRequest($"Received unknown parameter: {unknown}", unknown, "parameter_unknown");
        if (p.Text("mode") is not { Length: > 0 } mode)
            return Missing("mode");
        if (mode is "subscription" or "setup")
            return InvalidRequest($"The built-in sandbox takes one-off payments only (mode=payment), not mode={mode}.", "mode", "parameter_invalid_string");
        if (mode != "payment")
            return InvalidRequest($"Invalid mode: must be one of payment, setup, or subscription", "mode", "parameter_invalid_string");
        if (p.Text("ui_mode") is { } ui && ui != "hosted")
            return InvalidRequest($"The built-in sandbox shows the hosted page only (ui_mode=hosted), not ui_mode={ui}.", "ui_mode", "parameter_invalid_string");
        if (p.Has("customer") || p.Has("discounts") || p.Has("optional_items") || p.Has("shipping_options"))
            return InvalidRequest("The built-in sandbox has no customers, coupons, optional items or shipping rates.",
                new[] { "customer", "discounts", "optional_items", "shipping_options" }.First(p.Has), "parameter_unknown");

        var urls = new[] { "success_url", "cancel_url" };
        foreach (var name in urls)
        {
            if (p.Text(name) is not { } url)
                continue;
            if (url.Length > 5000 || !Uri.TryCreate(url.Replace("{CHECKOUT_SESSION_ID}", "x", StringComparison.Ordinal), UriKind.Absolute, out var parsed)
                || parsed.Scheme is not ("http" or "https"))
                return InvalidRequest("Not a valid URL", name, "url_invalid");
            if (!IsShopUrl(http, url.Replace("{CHECKOUT_SESSION_ID}", "x", StringComparison.Ordinal)))
                return InvalidRequest(SandboxShop.ForeignTargetMessage(url), name, "url_invalid");
        }

        var lines = p.Hash("line_items");
        if (lines is null && p.IsText("line_items") is false)
            return Missing("line_items");
        if (lines?.Items() is not { Count: > 0 } items)
            return InvalidRequest("line_items must be a list of line items: line_items[0][price_data][…], line_items[1][…], …", "line_items", "parameter_invalid_empty");
        if (items.Count > 100)
            return InvalidRequest("A Checkout Session can have at most 100 line items.", "line_items", "parameter_invalid_array_too_long");

        string? currency = p.Text("currency")?.ToLowerInvariant();
        var lineItems = new List<SandboxLineItem>();
        foreach (var item in items)
        {
            var read = ReadLineItem(item, ref currency);
            if (read.Error is not null)
                return read.Error;
            lineItems.Add(read.Line!);
        }
        currency ??= "usd";
        if (!CurrencyInfo.IsKnown(currency))
            return InvalidRequest($"Invalid currency: {currency}.", "currency", "parameter_invalid_string");

        var total = lineItems.Sum(l => l.Total);
        if (MinimumCharge.TryGetValue(currency, out var minimum) && total < minimum)
            return InvalidRequest($"The Checkout Session's total amount due must add up to at least {Money.Format(minimum, currency.ToUpperInvariant())}",
                "line_items", "amount_too_small");
        if (total > 99_999_999)
            return InvalidRequest($"The Checkout Session's total amount due must be no more than {Money.Format(99_999_999, currency.ToUpperInvariant())}",
                "line_items", "amount_too_large");

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (p.Has("metadata"))
        {
            if (p.Hash("metadata") is not { } hash)
                return InvalidRequest("Invalid object", "metadata", "parameter_invalid_string");
            foreach (var (key, value) in hash.Texts())
            {
                if (value is null)
                    return InvalidRequest("Invalid metadata: values must be strings", $"metadata[{key}]");
                if (key.Length > 40)
                    return InvalidRequest($"Invalid metadata: keys can be at most 40 characters.", $"metadata[{key}]");
                if (value.Length > 500)
                    return InvalidRequest($"Invalid metadata: values can be at most 500 characters.", $"metadata[{key}]");
                if (value.Length > 0)
                    metadata[key] = value;
            }
            if (metadata.Count > 50)
                return InvalidRequest("Invalid metadata: at most 50 keys.", "metadata");
        }

        if (p.Text("client_reference_id") is { Length: > 200 })
            return InvalidRequest("client_reference_id can be at most 200 characters.", "client_reference_id", "parameter_invalid_string_too_long");

        var now = Now;
        var expiresAt = now + 24 * 3600;
        if (p.Text("expires_at") is { } expires)
        {
            if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out expiresAt))
                return InvalidRequest($"Invalid integer: {expires}", "expires_at", "parameter_invalid_integer");
            if (expiresAt < now + 30 * 60 - 5 || expiresAt > now + 24 * 3600 + 5)
                return InvalidRequest("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
        }

        var session = new SandboxSession
        {
            Id = NewId("cs_test_", 58),
            PaymentIntentId = NewId("pi_"),
            ChargeId = NewId("ch_"),
            Created = now,
            ExpiresAt = expiresAt,
            Currency = currency,
            LineItems = lineItems,
            Metadata = metadata,
            SuccessUrl = p.Text("success_url"),
            CancelUrl = p.Text("cancel_url"),
            ClientReferenceId = p.Text("client_reference_id") is { Length: > 0 } reference ? reference : null,
            CustomerEmail = p.Text("customer_email") is { Length: > 0 } email ? email : null,
            Locale = p.Text("locale") is { Length: > 0 } locale ? locale : null,
            PaymentMethodTypes = p.Hash("payment_method_types")?.Texts().Select(t => t.Value ?? "").Where(t => t.Length > 0).ToList() is { Count: > 0 } types
                ? types : ["card"],
        };
        Remember(session);
        Log("session created", session);
        return Ok(session.ToJson(HostedPage(session)));
    }

    private sealed record LineRead(SandboxLineItem? Line, StripeAnswer? Error);

    private static LineRead ReadLineItemResult(StripeAnswer error) => new(null, error);

    /// <summary>One line item; an error names the parameter by its full bracketed name, as Stripe's do.</summary>
    private static LineRead ReadLineItem(StripeParams item, ref string? currency)
    {
        if (item.Keys.FirstOrDefault(k => !LineItemParameters.Contains(k)) is { } unknown)
            return ReadLineItemResult(InvalidRequest($"Received unknown parameter: {item.Name(unknown)}", item.Name(unknown), "parameter_unknown"));
        if (item.Text("price") is { } price)
            return ReadLineItemResult(NoSuch("price", price, item.Name("price")));
        if (item.Hash("price_data") is not { } data)
            return ReadLineItemResult(InvalidRequest("You must specify either `price` or `price_data` for each line item.", item.Path));
        if (data.Keys.FirstOrDefault(k => !PriceDataParameters.Contains(k)) is { } unknownData)
            return ReadLineItemResult(InvalidRequest($"Received unknown parameter: {data.Name(unknownData)}", data.Name(unknownData), "parameter_unknown"));
        if (data.Has("recurring"))
            return ReadLineItemResult(InvalidRequest("You specified `payment` mode but passed a recurring price.", data.Name("recurring")));
        if (data.Text("currency")?.ToLowerInvariant() is not { Length: > 0 } lineCurrency)
            return ReadLineItemResult(Missing(data.Name("currency")));
        if (!CurrencyInfo.IsKnown(lineCurrency))
            return ReadLineItemResult(InvalidRequest($"Invalid currency: {lineCurrency}.", data.Name("currency"), "parameter_invalid_string"));
        if (currency is not null && currency != lineCurrency)
            return ReadLineItemResult(InvalidRequest("All line items must have the same currency.", data.Name("currency")));
        currency = lineCurrency;
        if (data.Has("product"))
            return ReadLineItemResult(NoSuch("product", data.Text("product") ?? "", data.Name("product")));
        if (data.Hash("product_data") is not { } product)
            return ReadLineItemResult(Missing(data.Name("product_data")));
        if (product.Keys.FirstOrDefault(k => !ProductDataParameters.Contains(k)) is { } unknownProduct)
            return ReadLineItemResult(InvalidRequest($"Received unknown parameter: {product.Name(unknownProduct)}", product.Name(unknownProduct), "parameter_unknown"));
        if (product.Text("name") is not { Length: > 0 } name)
            return ReadLineItemResult(Missing(product.Name("name")));
        if (data.Text("unit_amount") is not { } amountText)
            return ReadLineItemResult(data.Has("unit_amount_decimal")
                ? InvalidRequest("The built-in sandbox takes whole minor units: use unit_amount.", data.Name("unit_amount_decimal"))
                : Missing(data.Name("unit_amount")));
        if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var unitAmount) || unitAmount > 99_999_999)
            return ReadLineItemResult(InvalidRequest($"Invalid non-negative integer: {amountText}", data.Name("unit_amount"), "parameter_invalid_integer"));
        if (item.Text("quantity") is not { } quantityText)
            return ReadLineItemResult(Missing(item.Name("quantity")));
        if (!long.TryParse(quantityText, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > 999_999)
            return ReadLineItemResult(InvalidRequest($"Invalid positive integer: {quantityText}", item.Name("quantity"), "parameter_invalid_integer"));
        return new(new SandboxLineItem(name, product.Text("description"), unitAmount, quantity), null);
    }

    /// <summary><c>GET /v1/checkout/sessions/{id}</c>, with <c>expand[]=payment_intent</c> if asked.</summary>
    internal StripeAnswer GetSession(string id, IQueryCollection query)
    {
        var expand = query.Where(q => q.Key == "expand[]" || q.Key.StartsWith("expand[", StringComparison.Ordinal)).SelectMany(q => q.Value).ToList();
        if (expand.FirstOrDefault(e => e is not "payment_intent") is { } cannot)
            return InvalidRequest($"This property cannot be expanded ({cannot}).", "expand");
        if (Find(id) is not { } session)
            return NoSuch("checkout.session", id);
        lock (session.Gate)
            return Ok(session.ToJson(HostedPage(session), expandPaymentIntent: expand.Count > 0));
    }

    /// <summary><c>POST /v1/checkout/sessions/{id}/expire</c>: an open session expires now and <c>checkout.session.expired</c> is sent.</summary>
    internal StripeAnswer ExpireSession(string id)
    {
        if (Find(id) is not { } session)
            return NoSuch("checkout.session", id);
        JsonObject snapshot;
        lock (session.Gate)
        {
            if (session.Status != "open")
                return Error(StatusCodes.Status400BadRequest, "invalid_request_error",
                    $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session.Status}\".",
                    "checkout_session_expire_not_open", saved: true);
            session.Status = "expired";
            snapshot = session.ToJson(HostedPage(session));
        }
        Log("session expired", session);
        DeliverLater(session, Event(session, "checkout.session.expired", snapshot));
        return Ok(snapshot);
    }

    // ---------------------------------------------------------------- refunds

    private static readonly HashSet<string> RefundParameters =
        ["amount", "charge", "currency", "customer", "expand", "instructions_email", "metadata", "origin", "payment_intent", "reason", "refund_application_fee", "reverse_transfer"];

    /// <summary>
    /// <c>POST /v1/refunds</c> of a paid session's PaymentIntent or charge, in full or in part: the refund succeeds at
    /// once and <c>charge.refunded</c> is sent (<c>refund.created</c> is not: the shop listens to the charge).
    /// </summary>
    internal StripeAnswer CreateRefund(StripeParams p)
    {
        if (p.Keys.FirstOrDefault(k => !RefundParameters.Contains(k)) is { } unknown)
            return InvalidRequest($"Received unknown parameter: {unknown}", unknown, "parameter_unknown");
        var intent = p.Text("payment_intent");
        var charge = p.Text("charge");
        if (intent is null && charge is null)
            return InvalidRequest("One of the following params should be provided for this request: payment_intent or charge.", null, "parameter_missing");
        if (intent is not null && charge is not null)
            return InvalidRequest("You cannot specify both payment_intent and charge.", "charge");
        var session = intent is not null
            ? _byPaymentIntent.GetValueOrDefault(intent)
            : _byCharge.GetValueOrDefault(charge!);
        if (session is null)
            return intent is not null ? NoSuch("payment_intent", intent, "payment_intent") : NoSuch("charge", charge!, "charge");
        if (p.Text("reason") is { } reason && reason is not ("duplicate" or "fraudulent" or "requested_by_customer"))
            return InvalidRequest("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason", "parameter_invalid_string");
        long? asked = null;
        if (p.Text("amount") is { } amountText)
        {
            if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1)
                return InvalidRequest($"Invalid positive integer: {amountText}", "amount", "parameter_invalid_integer");
            asked = amount;
        }
        var metadata = new JsonObject();
        foreach (var (key, value) in p.Hash("metadata")?.Texts() ?? [])
            if (!string.IsNullOrEmpty(value))
                metadata[key] = value;

        JsonObject refund, chargeJson;
        lock (session.Gate)
        {
            if (!session.Captured)
                return Error(StatusCodes.Status400BadRequest, "invalid_request_error",
                    $"This PaymentIntent ({session.PaymentIntentId}) does not have a successful charge to refund.", "charge_not_refundable", saved: true);
            var left = session.AmountTotal - session.AmountRefunded;
            if (left == 0)
                return Error(StatusCodes.Status400BadRequest, "invalid_request_error",
                    $"Charge {session.ChargeId} has already been refunded.", "charge_already_refunded", "charge", saved: true);
            var amount = asked ?? left;
            if (amount > left)
                return Error(StatusCodes.Status400BadRequest, "invalid_request_error",
                    $"Refund amount ({Money.Format(amount, session.Currency.ToUpperInvariant())}) is greater than unrefunded amount on charge ({Money.Format(left, session.Currency.ToUpperInvariant())})",
                    "amount_too_large", "amount", saved: true);
            session.AmountRefunded += amount;
            refund = new JsonObject
            {
                ["id"] = NewId("re_"),
                ["object"] = "refund",
                ["amount"] = amount,
                ["balance_transaction"] = NewId("txn_"),
                ["charge"] = session.ChargeId,
                ["created"] = Now,
                ["currency"] = session.Currency,
                ["destination_details"] = null,
                ["metadata"] = metadata,
                ["payment_intent"] = session.PaymentIntentId,
                ["reason"] = p.Text("reason"),
                ["receipt_number"] = null,
                ["source_transfer_reversal"] = null,
                ["status"] = "succeeded",
                ["transfer_reversal"] = null,
            };
            chargeJson = session.ChargeJson();
        }
        _refunds[refund["id"]!.GetValue<string>()] = (session, refund);
        Log("refund made", session);
        DeliverLater(session, Event(session, "charge.refunded", chargeJson));
        return Ok(refund);
    }

    /// <summary><c>GET /v1/refunds/{id}</c>.</summary>
    internal StripeAnswer GetRefund(string id) =>
        _refunds.TryGetValue(id, out var refund) ? Ok(refund.Refund.DeepClone()) : NoSuch("refund", id);
}
