using Shop.PayModes.Core;

namespace Shop.Web.Data;

public sealed class Product
{
    public int Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Minor units.</summary>
    public long Price { get; set; }
    public required string Currency { get; set; }
    /// <summary>Name of the <see cref="Fulfilment.IFulfilmentHandler"/> that delivers it.</summary>
    public string FulfilmentHandler { get; set; } = "default";
    public bool Active { get; set; } = true;
    /// <summary>Goods sent by carrier: a bill holding one completes only once an admin marks it shipped
    /// (docs/lifecycle.md); otherwise the product is delivered at once after payment.</summary>
    public bool Shipped { get; set; }
}

public sealed class Customer
{
    public int Id { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public required string Address { get; set; }
    public required string Zip { get; set; }
    public required string City { get; set; }
    public required string Country { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Bill
{
    public int Id { get; set; }
    /// <summary>Public, unguessable (128 random bits, URL-safe).</summary>
    public required string Reference { get; set; }
    /// <summary>The short order number people quote (<c>2026-000123</c>): see <see cref="Bills.BillNumbers"/>.</summary>
    public string Number { get; set; } = "";
    /// <summary>ISO 11649 creditor reference (compact, <c>RF…</c>) a deferred payment quotes; null for other modes.</summary>
    public string? PaymentReference { get; set; }
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = default!;
    public List<BillItem> Items { get; set; } = [];
    public long Total { get; set; }
    public long PaidAmount { get; set; }
    public required string Currency { get; set; }
    public BillState State { get; set; }
    public required string PayMode { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool Flagged { get; set; }
    public string? FlagReason { get; set; }
    public List<PaymentAttempt> Attempts { get; set; } = [];
    /// <summary>When an admin marked the bill's shipped goods as sent; null while they wait (or when it has none).</summary>
    public DateTime? ShippedAt { get; set; }
}

/// <summary>A snapshot of what was bought, at the price it was sold: later catalogue edits do not change it.</summary>
public sealed class BillItem
{
    public int Id { get; set; }
    public int BillId { get; set; }
    public int LineNo { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public long UnitPrice { get; set; }
    public int Quantity { get; set; }
    public long LineTotal { get; set; }
    public string FulfilmentHandler { get; set; } = "default";
    /// <summary>Snapshot of <see cref="Product.Shipped"/> when the bill was placed.</summary>
    public bool Shipped { get; set; }
}

/// <summary>One hand-over to a provider. A retry opens a new attempt on the same bill.</summary>
public sealed class PaymentAttempt
{
    public int Id { get; set; }
    public int BillId { get; set; }
    public Bill Bill { get; set; } = default!;
    public required string Reference { get; set; }
    public required string PayMode { get; set; }
    /// <summary>The id the provider knows this attempt by (unique per pay mode).</summary>
    public required string ProviderReference { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Pay-mode private data (e.g. the simulator's deferred notification).</summary>
    public string? Data { get; set; }
    /// <summary>When a notification for this attempt paid the bill.</summary>
    public DateTime? PaidAt { get; set; }
    /// <summary>The provider's id of the payment that paid the bill, when the provider gives one.</summary>
    public string? PaidTransactionId { get; set; }
    /// <summary>When the buyer came back from the provider with a verified (signed) return: the notification is on its way.</summary>
    public DateTime? ReturnedAt { get; set; }
}

/// <summary>
/// Every notification received, verified or not. The raw request is never changed and the verdict is written once;
/// only old rejected rows that name no bill are ever removed, by the <c>journal archive</c> command (database triggers).
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public required string PayMode { get; set; }
    public DateTime ReceivedAt { get; set; }
    public required string Method { get; set; }
    public string? ContentType { get; set; }
    public string? RemoteIp { get; set; }
    /// <summary>The body as text when it was UTF-8, else Base64; only its start when <see cref="BodyBounded"/>.</summary>
    public required string Body { get; set; }
    public bool BodyIsBase64 { get; set; }
    /// <summary>Bytes of the whole body as read (the first <c>NotificationPipeline.MaxBodyBytes</c> when <see cref="Truncated"/>).</summary>
    public int BodyLength { get; set; }
    /// <summary>The request had more than the shop reads; the rest was never read.</summary>
    public bool Truncated { get; set; }
    /// <summary>Only the first <c>NotificationJournal.MaxStoredBodyBytes</c> bytes are kept: <see cref="BodySha256"/> and
    /// <see cref="BodyLength"/> describe the whole.</summary>
    public bool BodyBounded { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the whole body as read; null on rows journaled before it was kept.</summary>
    public string? BodySha256 { get; set; }
    /// <summary>The request's query string (with its '?'), as received.</summary>
    public string? QueryString { get; set; }
    /// <summary>The request's headers as a JSON object, bounded, without cookies or credentials: what judging it again needs.</summary>
    public string? Headers { get; set; }
    public NotificationVerdict Verdict { get; set; }
    public string? Detail { get; set; }
    public string? BillReference { get; set; }
}

/// <summary>Append-only history of a bill: who did what, when, from which state to which.</summary>
public sealed class BillTrace
{
    public long Id { get; set; }
    public int BillId { get; set; }
    public DateTime At { get; set; }
    public required string Who { get; set; }
    public required string What { get; set; }
    public BillState? FromState { get; set; }
    public BillState? ToState { get; set; }
    public string? PayMode { get; set; }
    public string? Data { get; set; }
}

/// <summary>The idempotency ledger: one row per provider message already acted upon.</summary>
public sealed class ProcessedNotification
{
    public long Id { get; set; }
    public required string PayMode { get; set; }
    public required string IdempotencyKey { get; set; }
    public int BillId { get; set; }
    public long JournalId { get; set; }
    public DateTime At { get; set; }
}

public enum FulfilmentPhase
{
    BeforePayment,
    AfterPayment,
}

/// <summary>
/// One fulfilment step for one bill line; unique per (bill, line, phase) so one caller at a time runs it. The row is the
/// claim (<see cref="ClaimedAt"/>); the step counts as done only once its handler succeeded (<see cref="DoneAt"/>).
/// </summary>
public sealed class FulfilmentRecord
{
    public long Id { get; set; }
    public int BillId { get; set; }
    public int LineNo { get; set; }
    public FulfilmentPhase Phase { get; set; }
    public required string Handler { get; set; }
    /// <summary>When the current claim was taken; a claim older than the lease with no <see cref="DoneAt"/> was left by a crash.</summary>
    public DateTime ClaimedAt { get; set; }
    /// <summary>When the handler succeeded; null while it runs (or if it never finished).</summary>
    public DateTime? DoneAt { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A pay mode's configuration as stored; settings are JSON of the mode's settings type.</summary>
public sealed class PayModeSettingRow
{
    public required string Code { get; set; }
    public bool Enabled { get; set; }
    public int SortOrder { get; set; }
    public bool IsDefault { get; set; }
    public string SettingsJson { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An allowed bill transition, seeded from <see cref="BillStateMachine.DefaultEdges"/>.</summary>
public sealed class BillTransitionRow
{
    public BillState FromState { get; set; }
    public BillState ToState { get; set; }
}

/// <summary>Named counters (e.g. a provider's per-day transaction numbers).</summary>
public sealed class Sequence
{
    public required string Name { get; set; }
    public int Value { get; set; }
}

/// <summary>One shop-wide setting (key-value), seeded from the <c>Shop</c> configuration section on first start.</summary>
public sealed class ShopSettingRow
{
    public required string Key { get; set; }
    public string? Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
