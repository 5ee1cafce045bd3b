namespace Shop.PayModes.Core;

public sealed record BillLine(int LineNo, string Sku, string Name, long UnitPrice, int Quantity, long LineTotal);

public sealed record AttemptView(string Reference, string PayMode, string ProviderReference, DateTime CreatedAt, string? Data)
{
    /// <summary>When the buyer came back from the provider with a verified (signed) return, before any notification.</summary>
    public DateTime? ReturnedAt { get; init; }
}

/// <summary>What a pay mode may know of a bill. Pay modes never touch the database themselves.</summary>
public sealed record BillView(
    string Reference,
    BillState State,
    long Total,
    long PaidAmount,
    string Currency,
    string PayMode,
    string CustomerFirstName,
    string CustomerLastName,
    string CustomerEmail,
    IReadOnlyList<BillLine> Items,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool Flagged,
    string? FlagReason,
    AttemptView? LatestAttempt)
{
    /// <summary>Payment attempts opened for the bill so far (the hand-over caps them).</summary>
    public int AttemptCount { get; init; }

    /// <summary>The short order number people quote (<c>2026-000123</c>); the status URL's <see cref="Reference"/> stays secret.</summary>
    public string Number { get; init; } = "";

    /// <summary>The ISO 11649 creditor reference (compact) a deferred payment quotes; null for other modes and for
    /// bills placed before such references existed (their instructions named <see cref="Reference"/>).</summary>
    public string? PaymentReference { get; init; }

    /// <summary>Some line is shipped by carrier: the bill completes only once an admin marks it shipped (docs/lifecycle.md).</summary>
    public bool HasShippedGoods { get; init; }

    /// <summary>When an admin marked the shipped goods as sent; null while they wait or when there are none.</summary>
    public DateTime? ShippedAt { get; init; }
}

/// <summary>Who did something to a bill, as the trace shows it.</summary>
public sealed record Actor(string Name)
{
    public static Actor System { get; } = new("system");

    public static Actor Buyer { get; } = new("buyer");

    public static Actor Provider(string payMode) => new($"provider:{payMode}");

    public static Actor Admin(string userName) => new($"admin:{userName}");

    public override string ToString() => Name;
}

public enum TransitionResult
{
    Moved,
    NotFound,
    /// <summary>The state table does not allow it from the current state.</summary>
    NotAllowed,
    /// <summary>Someone else moved the bill first (the compare-and-set failed).</summary>
    Conflict,
    /// <summary>A move into COMPLETE whose after-payment delivery did not finish: the bill stays where it was.</summary>
    NotDelivered,
}

public enum ApplyResult
{
    /// <summary>The notification changed the bill.</summary>
    Applied,
    /// <summary>Already processed: nothing changed.</summary>
    Duplicate,
    /// <summary>Recorded in the trace; the bill's state did not allow a change (e.g. pending on a paid bill).</summary>
    RecordedOnly,
    /// <summary>A payment the bill cannot take any more (after cancel, expiry, or a second payment): flagged for an admin.</summary>
    Flagged,
}

/// <summary>A verified provider message about one payment attempt.</summary>
public sealed record NotificationApplication(
    string PayMode,
    string ProviderReference,
    PaymentOutcome Outcome,
    string IdempotencyKey,
    long? Amount,
    string? ProviderTransactionId,
    string Summary,
    long JournalId)
{
    /// <summary>The refund this message is about, when its outcome is <see cref="PaymentOutcome.Refunded"/>.</summary>
    public RefundNotice? Refund { get; init; }
}

/// <summary>The bill operations the web project implements for the pay modes.</summary>
public interface IBillGateway
{
    Task<BillView?> FindAsync(string reference, CancellationToken ct = default);

    Task<BillView?> FindByAttemptAsync(string payMode, string providerReference, CancellationToken ct = default);

    /// <summary>Opens a payment attempt (one per hand-over) and runs before-payment fulfilment once per bill. Only on a
    /// PLACED bill in this very pay mode (a bill's mode never changes) with fewer than <paramref name="maxAttempts"/>
    /// attempts, checked in the transaction that opens it; null when it may not.</summary>
    Task<AttemptView?> StartAttemptAsync(string reference, string payMode, string? providerReference, int maxAttempts, CancellationToken ct = default);

    /// <summary>A per-name counter (e.g. a provider's per-day transaction number), atomically incremented.</summary>
    Task<int> NextSequenceAsync(string name, CancellationToken ct = default);

    Task SetAttemptDataAsync(string attemptReference, string? data, CancellationToken ct = default);

    /// <summary>PLACED → PENDING: the order is confirmed and waits for a deferred payment.</summary>
    Task<TransitionResult> ConfirmOrderAsync(string reference, Actor actor, CancellationToken ct = default);

    /// <summary>Marks the bill paid (compare-and-set), delivers exactly once, and completes it.</summary>
    Task<TransitionResult> MarkPaidAsync(string reference, long amount, Actor actor, string what, CancellationToken ct = default);

    /// <summary>Applies a verified notification idempotently (one transaction), then delivers when it paid.</summary>
    Task<ApplyResult> ApplyNotificationAsync(NotificationApplication notification, CancellationToken ct = default);

    Task FlagAsync(string reference, string reason, Actor actor, string? data = null, CancellationToken ct = default);

    /// <summary>The buyer came back from the provider with a verified (signed) return for this attempt: recorded once, so
    /// the status page can say the payment is being confirmed while the notification is on its way. Changes no state.</summary>
    Task RecordVerifiedReturnAsync(string payMode, string providerReference, CancellationToken ct = default);
}
