using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

/// <summary>The outcome-to-state rule alone, without a database: every state × outcome × attempt fact.</summary>
public sealed class BillOutcomeRuleTests
{
    private static NotificationFacts Facts(BillState state, PaymentOutcome outcome, bool latest = true, bool samePayment = false,
        string? transaction = "T1", long? amount = 2500) =>
        new(state, outcome, "systempay", transaction, amount, latest, samePayment);

    private static BillDecision Decide(BillState state, PaymentOutcome outcome, bool latest = true, bool samePayment = false) =>
        BillOutcomeRule.ForNotification(Facts(state, outcome, latest, samePayment));

    public static TheoryData<BillState, PaymentOutcome, BillState> Moves => new()
    {
        { BillState.Placed, PaymentOutcome.Paid, BillState.SoldOut },
        { BillState.Pending, PaymentOutcome.Paid, BillState.SoldOut },
        { BillState.Failed, PaymentOutcome.Paid, BillState.SoldOut },
        { BillState.Refused, PaymentOutcome.Paid, BillState.SoldOut },
        { BillState.Placed, PaymentOutcome.Pending, BillState.Pending },
        { BillState.Placed, PaymentOutcome.Refused, BillState.Refused },
        { BillState.Pending, PaymentOutcome.Refused, BillState.Refused },
        { BillState.Placed, PaymentOutcome.Failed, BillState.Failed },
        { BillState.Pending, PaymentOutcome.Failed, BillState.Failed },
        { BillState.Placed, PaymentOutcome.Cancelled, BillState.Cancelled },
        { BillState.Pending, PaymentOutcome.Cancelled, BillState.Cancelled },
        { BillState.SoldOut, PaymentOutcome.Refunded, BillState.Payback },
        { BillState.Complete, PaymentOutcome.Refunded, BillState.Payback },
        { BillState.Partial, PaymentOutcome.Refunded, BillState.Payback },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void An_outcome_moves_a_bill_waiting_for_it(BillState state, PaymentOutcome outcome, BillState to)
    {
        var move = Assert.IsType<BillDecision.Move>(Decide(state, outcome));
        Assert.Equal(to, move.To);
        Assert.Null(move.FlagReason);
    }

    [Fact]
    public void Every_other_pair_leaves_the_bill_where_it_is()
    {
        var moves = Moves.Select(row => ((BillState)row[0], (PaymentOutcome)row[1])).ToHashSet();
        foreach (var state in Enum.GetValues<BillState>())
            foreach (var outcome in Enum.GetValues<PaymentOutcome>())
                if (!moves.Contains((state, outcome)))
                    Assert.IsNotType<BillDecision.Move>(Decide(state, outcome));
    }

    [Fact]
    public void Every_move_is_one_the_default_state_table_allows()
    {
        foreach (var state in Enum.GetValues<BillState>())
            foreach (var outcome in Enum.GetValues<PaymentOutcome>())
                if (Decide(state, outcome) is BillDecision.Move move)
                    Assert.True(BillStateMachine.Default.CanMove(state, move.To), $"{state} → {move.To} on {outcome}");
    }

    [Fact]
    public void A_payment_records_its_amount_and_no_other_move_does()
    {
        Assert.Equal(2500, Assert.IsType<BillDecision.Move>(Decide(BillState.Placed, PaymentOutcome.Paid)).PaidAmount);
        Assert.Null(Assert.IsType<BillDecision.Move>(Decide(BillState.SoldOut, PaymentOutcome.Refunded)).PaidAmount);
        Assert.Null(Assert.IsType<BillDecision.Move>(Decide(BillState.Placed, PaymentOutcome.Cancelled)).PaidAmount);
    }

    [Theory]
    [InlineData(PaymentOutcome.Refused)]
    [InlineData(PaymentOutcome.Failed)]
    [InlineData(PaymentOutcome.Cancelled)]
    public void A_late_failure_about_an_older_attempt_does_not_undo_the_current_one(PaymentOutcome outcome)
    {
        var decision = Decide(BillState.Pending, outcome, latest: false);
        Assert.Equal(new BillDecision.Stay($"notification: {outcome.ToString().ToLowerInvariant()} (transaction T1); recorded only (bill is PENDING)"), decision);
    }

    [Fact]
    public void A_payment_from_an_older_attempt_still_pays_the_bill()
    {
        Assert.Equal(BillState.SoldOut, Assert.IsType<BillDecision.Move>(Decide(BillState.Pending, PaymentOutcome.Paid, latest: false)).To);
    }

    [Theory]
    [InlineData(BillState.Cancelled)]
    [InlineData(BillState.Payback)]
    [InlineData(BillState.Working)]
    [InlineData(BillState.PreProd)]
    public void A_payment_after_cancellation_or_expiry_is_flagged_for_reinstatement_or_refund(BillState state)
    {
        var flag = Assert.IsType<BillDecision.Flag>(Decide(state, PaymentOutcome.Paid));
        Assert.Equal($"A payment arrived from systempay while the bill was {state.ToWire()}: reinstate the order or refund", flag.Reason);
        Assert.Equal($"notification: paid (transaction T1); flagged: {flag.Reason}", flag.What);
    }

    [Theory]
    [InlineData(BillState.SoldOut)]
    [InlineData(BillState.Complete)]
    [InlineData(BillState.Partial)]
    public void A_second_payment_on_a_paid_bill_is_flagged_for_a_refund(BillState state)
    {
        var flag = Assert.IsType<BillDecision.Flag>(Decide(state, PaymentOutcome.Paid));
        Assert.Equal("A second payment was notified by systempay for an already paid bill: refund one of them", flag.Reason);
    }

    [Theory]
    [InlineData(BillState.SoldOut)]
    [InlineData(BillState.Complete)]
    public void A_later_status_of_the_payment_that_paid_the_bill_is_recorded_only(BillState state)
    {
        Assert.Equal(new BillDecision.Stay("notification: paid (transaction T1); the payment already recorded for this bill, recorded only"),
            Decide(state, PaymentOutcome.Paid, samePayment: true));
    }

    [Fact]
    public void The_same_payment_on_a_PARTIAL_bill_is_still_a_second_payment()
    {
        Assert.IsType<BillDecision.Flag>(Decide(BillState.Partial, PaymentOutcome.Paid, samePayment: true));
    }

    [Fact]
    public void A_payment_is_never_recorded_only_unless_it_is_the_one_already_recorded()
    {
        foreach (var state in Enum.GetValues<BillState>())
            foreach (var same in new[] { false, true })
            {
                var decision = Decide(state, PaymentOutcome.Paid, samePayment: same);
                var unmoved = decision is BillDecision.Move move ? move.Otherwise : decision;
                if (unmoved is BillDecision.Stay)
                    Assert.True(same && state.IsPaid(), $"{state}, same payment {same}");
                else
                    Assert.IsType<BillDecision.Flag>(unmoved);
            }
    }

    [Fact]
    public void A_payment_whose_move_loses_the_race_falls_back_to_the_flag()
    {
        var move = Assert.IsType<BillDecision.Move>(Decide(BillState.Pending, PaymentOutcome.Paid));
        var flag = Assert.IsType<BillDecision.Flag>(move.Otherwise);
        Assert.Contains("while the bill was PENDING", flag.Reason);
    }

    [Theory]
    [InlineData(BillState.Placed)]
    [InlineData(BillState.Complete)]
    [InlineData(BillState.Cancelled)]
    public void A_refund_notice_on_an_unpaid_bill_and_news_are_recorded_only(BillState state)
    {
        if (state != BillState.Complete)
            Assert.IsType<BillDecision.Stay>(Decide(state, PaymentOutcome.Refunded));
        Assert.IsType<BillDecision.Stay>(Decide(state, PaymentOutcome.Informational));
    }

    [Fact]
    public void The_trace_wording_names_the_outcome_and_the_transaction_when_there_is_one()
    {
        Assert.Equal("notification: refunded (transaction T1)", Decide(BillState.SoldOut, PaymentOutcome.Refunded).What);
        Assert.Equal("notification: pending; recorded only (bill is COMPLETE)",
            BillOutcomeRule.ForNotification(Facts(BillState.Complete, PaymentOutcome.Pending, transaction: null)).What);
    }

    [Fact]
    public void The_full_amount_received_pays_the_bill()
    {
        var move = BillOutcomeRule.ForPaymentReceived(2500, "EUR", 2500, new DateOnly(2026, 11, 28), "  cheque 0042 ");
        Assert.Equal(new BillDecision.Move(BillState.SoldOut, $"payment of {Money.Format(2500, "EUR")} received on 2026-11-28: cheque 0042", 2500), move);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3000)]
    public void Another_amount_received_is_an_amount_mismatch_PARTIAL_and_flagged(long received)
    {
        var move = BillOutcomeRule.ForPaymentReceived(2500, "EUR", received, new DateOnly(2026, 11, 28), null);
        Assert.Equal(BillState.Partial, move.To);
        Assert.Equal(received, move.PaidAmount);
        Assert.Equal($"Received {Money.Format(received, "EUR")}, expected {Money.Format(2500, "EUR")}", move.FlagReason);
        Assert.Equal($"payment of {Money.Format(received, "EUR")} received on 2026-11-28", move.What);
    }
}
