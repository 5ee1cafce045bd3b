namespace Shop.PayModes.Core;

/// <summary>Where a refund stands at the provider (and in the shop, which mirrors it).</summary>
public enum RefundStatus
{
    /// <summary>Recorded by the shop, and the provider has accepted it but not settled it yet (or its answer was lost).</summary>
    Pending,
    Succeeded,
    /// <summary>The provider refused it (e.g. over the refundable amount); no money moved.</summary>
    Failed,
}

/// <summary>
/// What the shop asks a provider to refund. <see cref="RefundReference"/> is the shop's own id for this refund, stored
/// before the call: the mode sends it as the provider's idempotency key (or transaction reference), so a call made again
/// with it never refunds twice.
/// </summary>
public sealed record RefundRequest(
    string BillReference,
    string RefundReference,
    long Amount,
    string Currency,
    long PaidAmount,
    long RefundedBefore,
    AttemptView PaidAttempt,
    string? PaidTransactionId,
    string? Note)
{
    /// <summary>After this refund nothing remains refundable (some providers name a last refund differently from a partial one).</summary>
    public bool IsFinal => RefundedBefore + Amount >= PaidAmount;
}

/// <summary>The provider's answer about one refund. <see cref="Detail"/> is readable by an admin and holds no secret; on
/// <see cref="RefundStatus.Failed"/> it carries the provider's own error (e.g. <c>REFUND_AMOUNT_EXCEEDED</c>).</summary>
public sealed record RefundAnswer(RefundStatus Status, string? ProviderRefundId, string Detail);

/// <summary>
/// A pay mode that refunds through its provider's API, declared with <see cref="PayModeBuilder.Refunds{TRefunds}"/>
/// (resolved scoped). A mode without one is refunded by hand: the admin records how the money went back (cheque, transfer).
/// Never called inside a database transaction; the shop has already checked the amount against what remains.
/// </summary>
public interface IPayModeRefunds
{
    /// <summary>Asks the provider to refund. Idempotent on <see cref="RefundRequest.RefundReference"/>: called again after a
    /// timeout or a crash it answers for the same refund rather than making a second one.</summary>
    /// <exception cref="HttpRequestException">The provider could not be reached or gave no usable answer: the refund stays
    /// pending and is asked about again (<see cref="QueryAsync"/>) later.</exception>
    Task<RefundAnswer> RefundAsync(RefundRequest request, CancellationToken ct);

    /// <summary>Where a refund started earlier stands at the provider (a pending answer, a lost answer). Null when the
    /// provider never heard of it: the shop may then call <see cref="RefundAsync"/> again with the same reference.</summary>
    Task<RefundAnswer?> QueryAsync(RefundRequest request, CancellationToken ct);
}

/// <summary>
/// What a verified notification says about a refund (set on <see cref="ProviderPayment.Refund"/> with outcome
/// <see cref="PaymentOutcome.Refunded"/>): matched to the shop's refund by <see cref="RefundReference"/> or
/// <see cref="ProviderRefundId"/> and settled, or recorded as a new one started in the provider's back office.
/// <see cref="Amount"/> is this refund's amount in minor units (positive), not the total refunded so far.
/// </summary>
public sealed record RefundNotice(string? ProviderRefundId, string? RefundReference, long Amount, RefundStatus Status);
