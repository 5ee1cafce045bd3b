using System.Text.Json.Nodes;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>One line of a session, from <c>line_items[n][price_data]</c>.</summary>
internal sealed record SandboxLineItem(string Name, string? Description, long UnitAmount, long Quantity)
{
    public long Total => UnitAmount * Quantity;
}

/// <summary>What the buyer chose for a delayed payment method: it settles later as this.</summary>
internal enum DelayedOutcome
{
    Succeeds,
    Fails,
}

/// <summary>A webhook event the sandbox made for a session, with the shop's answers to each delivery.</summary>
internal sealed class SandboxEvent(string id, string type, string json)
{
    private readonly List<int> _statuses = [];

    public string Id { get; } = id;

    public string Type { get; } = type;

    /// <summary>The event as first sent: every delivery (a retry, a resend) carries these bytes, newly signed.</summary>
    public string Json { get; } = json;

    public IReadOnlyList<int> Statuses
    {
        get { lock (_statuses) return [.. _statuses]; }
    }

    public void Delivered(int status)
    {
        lock (_statuses)
            _statuses.Add(status);
    }
}

/// <summary>
/// A Checkout Session in the sandbox: what the create call asked for, and its state as Stripe moves it (open →
/// complete or expired; unpaid → paid). Every change happens under <see cref="Gate"/>.
/// </summary>
internal sealed class SandboxSession
{
    private readonly List<SandboxEvent> _events = [];

    public required string Id { get; init; }

    public required string PaymentIntentId { get; init; }

    public required string ChargeId { get; init; }

    public required long Created { get; init; }

    public required long ExpiresAt { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<SandboxLineItem> LineItems { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required string? SuccessUrl { get; init; }

    public required string? CancelUrl { get; init; }

    public string? ClientReferenceId { get; init; }

    public string? CustomerEmail { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<string> PaymentMethodTypes { get; init; } = ["card"];

    public Lock Gate { get; } = new();

    /// <summary>One delivery at a time per session, so the shop receives its events in the order they happened.</summary>
    public SemaphoreSlim Deliveries { get; } = new(1, 1);

    public long AmountTotal => LineItems.Sum(l => l.Total);

    /// <summary><c>open</c>, <c>complete</c> or <c>expired</c>.</summary>
    public string Status { get; set; } = "open";

    /// <summary><c>unpaid</c> or <c>paid</c>.</summary>
    public string PaymentStatus { get; set; } = "unpaid";

    /// <summary>Set once the buyer pays: card, or a delayed method (<c>sepa_debit</c>).</summary>
    public string? PaymentMethod { get; set; }

    /// <summary>A delayed payment not settled yet, and how it will settle.</summary>
    public DelayedOutcome? Pending { get; set; }

    /// <summary>Whether the delayed payment failed when it settled.</summary>
    public bool Failed { get; set; }

    /// <summary>The last decline shown on the page, for the buyer to try again.</summary>
    public string? Declined { get; set; }

    public long AmountRefunded { get; set; }

    public long? CompletedAt { get; set; }

    public IReadOnlyList<SandboxEvent> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    public void Add(SandboxEvent created)
    {
        lock (_events)
            _events.Add(created);
    }

    /// <summary>Whether money was taken and not (yet) fully given back: a refund needs it.</summary>
    public bool Captured => PaymentStatus == "paid";

    /// <summary>The PaymentIntent's status as Stripe reports it at this point.</summary>
    public string IntentStatus => Status == "expired" ? "canceled"
        : PaymentStatus == "paid" ? "succeeded"
        : Pending is not null ? "processing"
        : Failed ? "requires_payment_method"
        : "requires_payment_method";

    /// <summary>The Checkout Session object as Stripe returns it (API version 2026-10-28.endive).</summary>
    public JsonObject ToJson(string hostedPage, bool expandPaymentIntent = false)
    {
        var session = new JsonObject
        {
            ["id"] = Id,
            ["object"] = "checkout.session",
            ["adaptive_pricing"] = null,
            ["after_expiration"] = null,
            ["allow_promotion_codes"] = null,
            ["amount_subtotal"] = AmountTotal,
            ["amount_total"] = AmountTotal,
            ["automatic_tax"] = new JsonObject { ["enabled"] = false, ["liability"] = null, ["provider"] = null, ["status"] = null },
            ["billing_address_collection"] = null,
            ["cancel_url"] = CancelUrl,
            ["client_reference_id"] = ClientReferenceId,
            ["client_secret"] = null,
            ["collected_information"] = null,
            ["consent"] = null,
            ["consent_collection"] = null,
            ["created"] = Created,
            ["currency"] = Currency,
            ["currency_conversion"] = null,
            ["custom_fields"] = new JsonArray(),
            ["custom_text"] = new JsonObject { ["after_submit"] = null, ["shipping_address"] = null, ["submit"] = null, ["terms_of_service_acceptance"] = null },
            ["customer"] = null,
            ["customer_creation"] = "if_required",
            ["customer_details"] = CompletedAt is null ? null : new JsonObject
            {
                ["address"] = null,
                ["email"] = CustomerEmail ?? "buyer@sandbox.example",
                ["name"] = "Sandbox Buyer",
                ["phone"] = null,
                ["tax_exempt"] = "none",
                ["tax_ids"] = new JsonArray(),
            },
            ["customer_email"] = CustomerEmail,
            ["discounts"] = new JsonArray(),
            ["expires_at"] = ExpiresAt,
            ["invoice"] = null,
            ["invoice_creation"] = new JsonObject { ["enabled"] = false, ["invoice_data"] = null },
            ["livemode"] = false,
            ["locale"] = Locale,
            ["metadata"] = Hash(Metadata),
            ["mode"] = "payment",
            ["origin_context"] = null,
            ["payment_intent"] = CompletedAt is null ? null : expandPaymentIntent ? PaymentIntentJson() : PaymentIntentId,
            ["payment_link"] = null,
            ["payment_method_collection"] = "if_required",
            ["payment_method_configuration_details"] = null,
            ["payment_method_options"] = new JsonObject(),
            ["payment_method_types"] = new JsonArray([.. PaymentMethodTypes.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["payment_status"] = PaymentStatus,
            ["permissions"] = null,
            ["phone_number_collection"] = new JsonObject { ["enabled"] = false },
            ["recovered_from"] = null,
            ["saved_payment_method_options"] = null,
            ["setup_intent"] = null,
            ["shipping_address_collection"] = null,
            ["shipping_cost"] = null,
            ["shipping_options"] = new JsonArray(),
            ["status"] = Status,
            ["submit_type"] = null,
            ["subscription"] = null,
            ["success_url"] = SuccessUrl,
            ["total_details"] = new JsonObject { ["amount_discount"] = 0, ["amount_shipping"] = 0, ["amount_tax"] = 0 },
            ["ui_mode"] = "hosted",
            ["url"] = Status == "open" ? hostedPage : null,
            ["wallet_options"] = null,
        };
        return session;
    }

    /// <summary>The PaymentIntent the session created when the buyer paid (returned when <c>expand[]=payment_intent</c>).</summary>
    public JsonObject PaymentIntentJson() => new()
    {
        ["id"] = PaymentIntentId,
        ["object"] = "payment_intent",
        ["amount"] = AmountTotal,
        ["amount_capturable"] = 0,
        ["amount_received"] = PaymentStatus == "paid" ? AmountTotal : 0,
        ["capture_method"] = "automatic_async",
        ["client_secret"] = null,
        ["created"] = CompletedAt ?? Created,
        ["currency"] = Currency,
        ["latest_charge"] = PaymentMethod is null ? null : ChargeId,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["payment_method_types"] = new JsonArray([.. PaymentMethodTypes.Select(t => (JsonNode)JsonValue.Create(t))]),
        ["status"] = IntentStatus,
    };

    /// <summary>The charge of a paid session, as <c>charge.refunded</c> carries it.</summary>
    public JsonObject ChargeJson() => new()
    {
        ["id"] = ChargeId,
        ["object"] = "charge",
        ["amount"] = AmountTotal,
        ["amount_captured"] = AmountTotal,
        ["amount_refunded"] = AmountRefunded,
        ["captured"] = true,
        ["created"] = CompletedAt ?? Created,
        ["currency"] = Currency,
        ["disputed"] = false,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["paid"] = true,
        ["payment_intent"] = PaymentIntentId,
        ["payment_method_details"] = new JsonObject { ["type"] = PaymentMethod ?? "card" },
        ["refunded"] = AmountRefunded >= AmountTotal,
        ["status"] = "succeeded",
    };

    private static JsonObject Hash(IReadOnlyDictionary<string, string> values)
    {
        var hash = new JsonObject();
        foreach (var (key, value) in values)
            hash[key] = value;
        return hash;
    }
}
