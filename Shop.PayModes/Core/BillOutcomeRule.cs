namespace Shop.PayModes.Core;

/// <summary>What the bill domain does with an outcome: the rule's answer, applied by the web project in one transaction.</summary>
public abstract record BillDecision
{
    private BillDecision()
    {
    }

    /// <summary>The trace line written whatever happens.</summary>
    public abstract string What { get; }

    /// <summary>
    /// Compare-and-set the bill from the state it was judged in to <paramref name="To"/>. When the move does not happen
    /// (someone moved the bill first, or the state table refuses it), <paramref name="Otherwise"/> applies instead.
    /// </summary>
    /// <param name="PaidAmount">Recorded as the bill's paid amount with the move.</param>
    /// <param name="FlagReason">Raised together with the move, for an administrator to look at.</param>
    public sealed record Move(BillState To, string What, long? PaidAmount = null, string? FlagReason = null, BillDecision? Otherwise = null) : BillDecision
    {
        public override string What { get; } = What;
    }

    /// <summary>The bill stays where it is; the outcome is recorded in its trace only.</summary>
    public sealed record Stay(string What) : BillDecision
    {
        public override string What { get; } = What;
    }

    /// <summary>The bill stays where it is and is flagged: money arrived that it cannot take.</summary>
    public sealed record Flag(string Reason, string What) : BillDecision
    {
        public override string What { get; } = What;
    }
}

/// <summary>A verified provider notification, with what the database knows about the attempt it is about.</summary>
/// <param name="State">The bill's state, read in the transaction that applies the notification.</param>
/// <param name="IsLatestAttempt">No newer payment attempt was opened for the bill since this one.</param>
/// <param name="IsSamePayment">This attempt already paid the bill, with the same provider transaction id (both absent counts
/// as the same: a provider that gives no id allows one payment per attempt reference).</param>
public sealed record NotificationFacts(
    BillState State,
    PaymentOutcome Outcome,
    string PayMode,
    string? TransactionId,
    long? Amount,
    bool IsLatestAttempt,
    bool IsSamePayment);

/// <summary>
/// The rule that turns what a provider or an administrator reports into a bill's next state and its trace wording.
/// Pure: no database, no clock; the bill service reads the facts, asks here, and applies the answer.
/// </summary>
public static class BillOutcomeRule
{
    /// <summary>
    /// A payment that succeeded pays any bill still waiting for one (even after a refusal or failure: the buyer retried).
    /// Refusal, failure and cancellation only count from the latest attempt: a late "refused" about an abandoned attempt
    /// must not undo the one the buyer is paying with now. A refund ends a paid bill in PAYBACK. A payment the bill cannot
    /// take (after cancellation or expiry, or a second one) is flagged, never dropped; a later status of the payment that
    /// paid the bill (AUTHORISED then CAPTURED) is news, recorded only.
    /// </summary>
    public static BillDecision ForNotification(NotificationFacts facts)
    {
        var what = $"notification: {facts.Outcome.ToString().ToLowerInvariant()}" + (facts.TransactionId is { } id ? $" (transaction {id})" : "");
        var unmoved = Unmoved(facts, what);
        BillState? target = (facts.Outcome, facts.State) switch
        {
            (PaymentOutcome.Paid, BillState.Placed or BillState.Pending or BillState.Failed or BillState.Refused) => BillState.SoldOut,
            (PaymentOutcome.Pending, BillState.Placed) => BillState.Pending,
            (PaymentOutcome.Refused, BillState.Placed or BillState.Pending) when facts.IsLatestAttempt => BillState.Refused,
            (PaymentOutcome.Failed, BillState.Placed or BillState.Pending) when facts.IsLatestAttempt => BillState.Failed,
            (PaymentOutcome.Cancelled, BillState.Placed or BillState.Pending) when facts.IsLatestAttempt => BillState.Cancelled,
            (PaymentOutcome.Refunded, BillState.SoldOut or BillState.Complete or BillState.Partial) => BillState.Payback,
            _ => null,
        };
        return target is { } to
            ? new BillDecision.Move(to, what, to == BillState.SoldOut ? facts.Amount : null, Otherwise: unmoved)
            : unmoved;
    }

    /// <summary>
    /// An administrator records a cheque or transfer received. The full amount pays the bill (SOLDOUT, then delivery);
    /// another amount moves it to PARTIAL and flags it, so nothing is delivered on a short payment.
    /// </summary>
    public static BillDecision.Move ForPaymentReceived(long total, string currency, long amountReceived, DateOnly receivedOn, string? note)
    {
        var what = $"payment of {Money.Format(amountReceived, currency)} received on {receivedOn:yyyy-MM-dd}" + (string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}");
        return amountReceived == total
            ? new BillDecision.Move(BillState.SoldOut, what, amountReceived)
            : new BillDecision.Move(BillState.Partial, what, amountReceived,
                FlagReason: $"Received {Money.Format(amountReceived, currency)}, expected {Money.Format(total, currency)}");
    }

    private static BillDecision Unmoved(NotificationFacts facts, string what)
    {
        if (facts.Outcome == PaymentOutcome.Paid && facts.State.IsPaid() && facts.IsSamePayment)
            return new BillDecision.Stay($"{what}; the payment already recorded for this bill, recorded only");
        if (facts.Outcome == PaymentOutcome.Paid)
        {
            var reason = facts.State.IsPaid() || facts.State == BillState.Partial
                ? $"A second payment was notified by {facts.PayMode} for an already paid bill: refund one of them"
                : $"A payment arrived from {facts.PayMode} while the bill was {facts.State.ToWire()}: reinstate the order or refund";
            return new BillDecision.Flag(reason, $"{what}; flagged: {reason}");
        }
        return new BillDecision.Stay($"{what}; recorded only (bill is {facts.State.ToWire()})");
    }
}
