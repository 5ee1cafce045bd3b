using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;
using Shop.Web.Fulfilment;

namespace Shop.Web.Bills;

/// <summary>What marking a bill shipped did.</summary>
public enum ShipResult
{
    Shipped,
    /// <summary>It was marked shipped before: nothing changed.</summary>
    AlreadyShipped,
    NotFound,
    /// <summary>The bill holds no shipped goods.</summary>
    NothingToShip,
    /// <summary>The bill is not paid (or was refunded or cancelled): nothing may be sent.</summary>
    NotPaid,
}

/// <summary>
/// The write side of the bill domain: every state change is a compare-and-set on the state inside a transaction,
/// checked against the transition table, and written to the trace. What an outcome does to a bill is decided by
/// <see cref="BillOutcomeRule"/>; this class reads the facts and applies the decision. Pay modes reach it through
/// <see cref="IBillGateway"/>, whose lookups and counter it hands to <see cref="BillQueries"/> and <see cref="NamedCounters"/>.
/// </summary>
public sealed class BillService(
    IDbContextFactory<ShopDbContext> dbs,
    BillQueries queries,
    NamedCounters counters,
    BillStateMachine machine,
    FulfilmentService fulfilment,
    BillEvents events,
    TimeProvider clock,
    ILogger<BillService> logger) : IBillGateway
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<BillView?> FindAsync(string reference, CancellationToken ct = default) => queries.FindAsync(reference, ct);

    public Task<BillView?> FindByAttemptAsync(string payMode, string providerReference, CancellationToken ct = default) =>
        queries.FindByAttemptAsync(payMode, providerReference, ct);

    public Task<int> NextSequenceAsync(string name, CancellationToken ct = default) => counters.NextAsync(name, ct);

    public async Task<AttemptView?> StartAttemptAsync(string reference, string payMode, string? providerReference, int maxAttempts, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        AttemptView view;
        int billId;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var bill = await db.Bills.SingleOrDefaultAsync(b => b.Reference == reference, ct);
            // The pay mode is the one the bill was placed with: a hand-over never switches it (a GET may be forged cross-site).
            if (bill is null || bill.State != BillState.Placed || bill.PayMode != payMode
                || await db.PaymentAttempts.CountAsync(a => a.BillId == bill.Id, ct) >= maxAttempts)
                return null;
            billId = bill.Id;
            var attemptReference = References.NewAttemptReference();
            var attempt = new PaymentAttempt
            {
                BillId = bill.Id, Reference = attemptReference, PayMode = payMode,
                ProviderReference = providerReference ?? attemptReference, CreatedAt = Now,
            };
            db.PaymentAttempts.Add(attempt);
            bill.UpdatedAt = Now;
            Trace(db, bill.Id, Actor.Buyer, $"handed over to {payMode} (attempt {attempt.Reference})", null, null, payMode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            view = BillQueries.ToView(attempt);
        }
        await fulfilment.RunAsync(billId, FulfilmentPhase.BeforePayment, ct);
        events.Raise(reference);
        return view;
    }

    public async Task SetAttemptDataAsync(string attemptReference, string? data, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var attempt = await db.PaymentAttempts.Include(a => a.Bill).SingleAsync(a => a.Reference == attemptReference, ct);
        attempt.Data = data;
        await db.SaveChangesAsync(ct);
        events.Raise(attempt.Bill.Reference);
    }

    public async Task<TransitionResult> ConfirmOrderAsync(string reference, Actor actor, CancellationToken ct = default)
    {
        var result = await TransitionAsync(reference, BillState.Placed, BillState.Pending, actor, "order confirmed, waiting for payment", ct: ct);
        return result;
    }

    /// <summary>
    /// Moves a bill from an expected state to another (compare-and-set), with a trace line. A move into
    /// COMPLETE (PARTIAL or PREPROD settled by an admin) first runs the after-payment delivery, since
    /// COMPLETE means "paid and delivered" whichever path got there; it stays put if delivery is incomplete.
    /// </summary>
    public async Task<TransitionResult> TransitionAsync(string reference, BillState from, BillState to, Actor actor, string what, string? data = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (to == BillState.Complete && await DeliverBeforeCompletingAsync(db, reference, from, ct) is { } refused)
            return refused;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bill = await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (bill is null)
            return TransitionResult.NotFound;
        if (bill.State != from)
            return TransitionResult.Conflict;
        var result = await MoveAsync(db, BillTransition.Of(bill, from, to, actor, what) with { Data = data }, ct);
        if (result == TransitionResult.Moved)
        {
            await tx.CommitAsync(ct);
            events.Raise(reference);
        }
        return result;
    }

    private async Task<TransitionResult?> DeliverBeforeCompletingAsync(ShopDbContext db, string reference, BillState from, CancellationToken ct)
    {
        var bill = await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (bill is null)
            return TransitionResult.NotFound;
        if (bill.State != from)
            return TransitionResult.Conflict;
        if (!machine.CanMove(from, BillState.Complete))
            return TransitionResult.NotAllowed;
        if (await AwaitsShipmentAsync(bill.Id, ct))
        {
            logger.LogWarning("{BillReference} holds shipped goods not yet marked shipped; it stays {State}", reference, from.ToWire());
            return TransitionResult.NotDelivered;
        }
        if (await fulfilment.RunAsync(bill.Id, FulfilmentPhase.AfterPayment, ct) == FulfilmentProgress.Done)
            return null;
        logger.LogWarning("Delivery of {BillReference} incomplete; it stays {State}", reference, from.ToWire());
        return TransitionResult.NotDelivered;
    }

    public async Task RecordVerifiedReturnAsync(string payMode, string providerReference, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var attempt = await db.PaymentAttempts.AsNoTracking().Include(a => a.Bill)
            .SingleOrDefaultAsync(a => a.PayMode == payMode && a.ProviderReference == providerReference, ct);
        if (attempt is null || attempt.ReturnedAt is not null)
            return;
        // Once per attempt (compare-and-set): a reloaded return page neither moves the time nor floods the trace.
        if (await db.PaymentAttempts.Where(a => a.Id == attempt.Id && a.ReturnedAt == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReturnedAt, Now), ct) == 0)
            return;
        Trace(db, attempt.BillId, Actor.Buyer, $"came back from {payMode} with a verified return (attempt {attempt.Reference}); waiting for the notification", null, null, payMode);
        await db.SaveChangesAsync(ct);
        events.Raise(attempt.Bill.Reference);
    }

    /// <summary>
    /// An admin marks a bill's shipped goods as sent: recorded exactly once (compare-and-set on <see cref="Bill.ShippedAt"/>),
    /// traced, then a paid bill is delivered and completed. Allowed while the bill is paid (SOLDOUT) or settled by hand
    /// later (PARTIAL, PREPROD). Marking it again changes nothing and says so.
    /// </summary>
    public async Task<ShipResult> MarkShippedAsync(string reference, Actor actor, string? note, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().Include(b => b.Items).SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (bill is null)
            return ShipResult.NotFound;
        if (!bill.Items.Any(i => i.Shipped))
            return ShipResult.NothingToShip;
        if (bill.ShippedAt is not null)
            return ShipResult.AlreadyShipped;
        if (bill.State is not (BillState.SoldOut or BillState.Partial or BillState.PreProd))
            return ShipResult.NotPaid;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var now = Now;
            var marked = await db.Bills.Where(b => b.Id == bill.Id && b.ShippedAt == null && b.State == bill.State)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ShippedAt, now).SetProperty(b => b.UpdatedAt, now), ct);
            if (marked == 0)
            {
                await using var fresh = await dbs.CreateDbContextAsync(ct);
                return await fresh.Bills.AnyAsync(b => b.Id == bill.Id && b.ShippedAt != null, ct) ? ShipResult.AlreadyShipped : ShipResult.NotPaid;
            }
            var what = string.IsNullOrWhiteSpace(note) ? "marked shipped" : $"marked shipped: {note.Trim()}";
            Trace(db, bill.Id, actor, what, null, null, bill.PayMode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        events.Raise(reference);
        if (bill.State == BillState.SoldOut)
            await DeliverAsync(bill.Id, reference, ct);
        return ShipResult.Shipped;
    }

    public async Task<TransitionResult> MarkPaidAsync(string reference, long amount, Actor actor, string what, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        int billId;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var bill = await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.Reference == reference, ct);
            if (bill is null)
                return TransitionResult.NotFound;
            billId = bill.Id;
            var result = await MoveAsync(db, BillTransition.Of(bill, bill.State, BillState.SoldOut, actor, what) with { PaidAmount = amount }, ct);
            if (result != TransitionResult.Moved)
                return result;
            await tx.CommitAsync(ct);
        }
        events.Raise(reference);
        await DeliverAsync(billId, reference, ct);
        return TransitionResult.Moved;
    }

    /// <summary>An admin records a cheque or transfer received: see <see cref="BillOutcomeRule.ForPaymentReceived"/>.</summary>
    public async Task<TransitionResult> ConfirmDeferredPaymentAsync(string reference, Actor actor, long amountReceived, DateOnly receivedOn, string? note, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountReceived);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (bill is null)
            return TransitionResult.NotFound;
        var decision = BillOutcomeRule.ForPaymentReceived(bill.Total, bill.Currency, amountReceived, receivedOn, note);
        if (decision.To == BillState.SoldOut)
            return await MarkPaidAsync(reference, amountReceived, actor, decision.What, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await MoveAsync(db, BillTransition.Of(bill, bill.State, decision.To, actor, decision.What) with { PaidAmount = decision.PaidAmount }, ct);
        if (result != TransitionResult.Moved)
            return result;
        if (decision.FlagReason is { } reason)
            await SetFlagAsync(db, bill.Id, reason, ct);
        await tx.CommitAsync(ct);
        events.Raise(reference);
        return result;
    }

    public async Task<ApplyResult> ApplyNotificationAsync(NotificationApplication n, CancellationToken ct = default)
    {
        var (billId, reference, state, result) = await RecordNotificationAsync(n, ct);
        if (result != ApplyResult.Duplicate)
            events.Raise(reference);
        // SOLDOUT is paid and not yet delivered: this notification paid the bill, or it is a provider's retry (a duplicate)
        // about a bill whose delivery a crash interrupted. Either way deliver now rather than leave it to the sweep
        // (if a delivery finished meanwhile, this one finds every line done and the bill already complete).
        if (state == BillState.SoldOut)
            await DeliverAsync(billId, reference, ct);
        return result;
    }

    /// <summary>The idempotent part, in one transaction: the ledger row for the message, then its effect on the bill, and the
    /// state the bill is left in.</summary>
    private async Task<(int BillId, string Reference, BillState State, ApplyResult Result)> RecordNotificationAsync(NotificationApplication n, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var attempt = await db.PaymentAttempts.AsNoTracking().Include(a => a.Bill)
            .SingleAsync(a => a.PayMode == n.PayMode && a.ProviderReference == n.ProviderReference, ct);
        var bill = attempt.Bill;
        if (await db.ProcessedNotifications.AnyAsync(p => p.PayMode == n.PayMode && p.IdempotencyKey == n.IdempotencyKey, ct))
            return (bill.Id, bill.Reference, bill.State, ApplyResult.Duplicate);
        db.ProcessedNotifications.Add(new ProcessedNotification { PayMode = n.PayMode, IdempotencyKey = n.IdempotencyKey, BillId = bill.Id, JournalId = n.JournalId, At = Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent writer recorded the same key first (possible on PostgreSQL; SQLite serializes writers).
            if (await IsProcessedElsewhereAsync(n, ct))
                return (bill.Id, bill.Reference, bill.State, ApplyResult.Duplicate);
            throw;
        }

        var isLatest = !await db.PaymentAttempts.AnyAsync(a => a.BillId == bill.Id && a.Id > attempt.Id, ct);
        var result = await ApplyAsync(db, bill, attempt, n, isLatest, ct);
        await tx.CommitAsync(ct);
        return (bill.Id, bill.Reference, bill.State, result);
    }

    public async Task FlagAsync(string reference, string reason, Actor actor, string? data = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().SingleAsync(b => b.Reference == reference, ct);
        await SetFlagAsync(db, bill.Id, reason, ct);
        Trace(db, bill.Id, actor, $"flagged: {reason}", null, null, bill.PayMode, data);
        await db.SaveChangesAsync(ct);
        events.Raise(reference);
    }

    /// <summary>An administrator has dealt with a flagged bill (refunded the second payment, called the buyer...).</summary>
    public async Task<bool> ClearFlagAsync(string reference, Actor actor, string note, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (bill is null || !bill.Flagged)
            return false;
        // Compare-and-set on the reason the admin saw: a newer flag landing meanwhile stays up.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cleared = await db.Bills.Where(b => b.Id == bill.Id && b.Flagged && b.FlagReason == bill.FlagReason)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Flagged, false).SetProperty(b => b.FlagReason, (string?)null), ct);
        if (cleared == 0)
            return false;
        Trace(db, bill.Id, actor, $"flag cleared ({bill.FlagReason}): {note.Trim()}", null, null, bill.PayMode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        events.Raise(reference);
        return true;
    }

    /// <summary>
    /// After-payment fulfilment, then SOLDOUT → COMPLETE. Safe to call again, and concurrently (recovery, a provider's
    /// retry): each line is delivered once, and only the caller that finds every line done completes the bill.
    /// Returns false while the bill still waits for its delivery.
    /// </summary>
    public async Task<bool> DeliverAsync(int billId, string reference, CancellationToken ct = default)
    {
        if (await AwaitsShipmentAsync(billId, ct))
        {
            logger.LogInformation("{BillReference} is paid and holds shipped goods: it completes once an admin marks it shipped", reference);
            return false;
        }
        switch (await fulfilment.RunAsync(billId, FulfilmentPhase.AfterPayment, ct))
        {
            case FulfilmentProgress.Failed:
                logger.LogWarning("Delivery of {BillReference} incomplete; it stays SOLDOUT for the recovery sweep", reference);
                return false;
            case FulfilmentProgress.InProgress:
                logger.LogInformation("Delivery of {BillReference} is under way elsewhere; that run completes the bill", reference);
                return false;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bill = await db.Bills.AsNoTracking().SingleAsync(b => b.Id == billId, ct);
        if (await MoveAsync(db, BillTransition.Of(bill, BillState.SoldOut, BillState.Complete, Actor.System, "delivered"), ct) == TransitionResult.Moved)
        {
            await tx.CommitAsync(ct);
            events.Raise(reference);
        }
        return true;
    }

    private async Task<ApplyResult> ApplyAsync(ShopDbContext db, Bill bill, PaymentAttempt attempt, NotificationApplication n, bool isLatestAttempt, CancellationToken ct)
    {
        var actor = Actor.Provider(n.PayMode);
        var decision = BillOutcomeRule.ForNotification(new NotificationFacts(
            bill.State, n.Outcome, n.PayMode, n.ProviderTransactionId, n.Amount, isLatestAttempt, IsSamePayment(attempt, n)));
        if (decision is BillDecision.Move move)
        {
            var transition = BillTransition.Of(bill, bill.State, move.To, actor, move.What) with { Data = n.Summary, PaidAmount = move.PaidAmount };
            if (await MoveAsync(db, transition, ct) == TransitionResult.Moved)
            {
                bill.State = move.To;   // the row moved: the caller reads where the bill now stands from this copy
                if (move.To == BillState.SoldOut)
                    await db.PaymentAttempts.Where(a => a.Id == attempt.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(a => a.PaidAt, Now).SetProperty(a => a.PaidTransactionId, n.ProviderTransactionId), ct);
                return ApplyResult.Applied;
            }
            decision = move.Otherwise ?? new BillDecision.Stay(move.What);
        }

        if (decision is BillDecision.Flag flag)
            await SetFlagAsync(db, bill.Id, flag.Reason, ct);
        Trace(db, bill.Id, actor, decision.What, bill.State, null, n.PayMode, n.Summary);
        await db.SaveChangesAsync(ct);
        return decision is BillDecision.Flag ? ApplyResult.Flagged : ApplyResult.RecordedOnly;
    }

    /// <summary>
    /// This attempt paid the bill, and with the same provider transaction id (both absent counts as the
    /// same: a provider that gives no id allows one payment per attempt reference).
    /// </summary>
    private static bool IsSamePayment(PaymentAttempt attempt, NotificationApplication n) =>
        attempt.PaidAt is not null && string.Equals(attempt.PaidTransactionId, n.ProviderTransactionId, StringComparison.Ordinal);

    /// <summary>The compare-and-set: moves only if the bill is still in the transition's From state and the table allows it.</summary>
    private async Task<TransitionResult> MoveAsync(ShopDbContext db, BillTransition move, CancellationToken ct)
    {
        if (!machine.CanMove(move.From, move.To))
            return TransitionResult.NotAllowed;
        var (billId, from, to, paidAmount) = (move.BillId, move.From, move.To, move.PaidAmount);
        var now = Now;
        var moved = await db.Bills.Where(b => b.Id == billId && b.State == from).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(b => b.State, to).SetProperty(b => b.UpdatedAt, now);
            if (paidAmount is { } amount)
                s.SetProperty(b => b.PaidAmount, amount);
        }, ct);
        if (moved == 0)
            return TransitionResult.Conflict;
        Trace(db, billId, move.Who, move.Why, from, to, move.PayMode, move.Data);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Bill {BillReference} ({PayMode}) moved {From} → {To} by {Actor}: {What}", move.Reference, move.PayMode, from.ToWire(), to.ToWire(), move.Who.Name, move.Why);
        return TransitionResult.Moved;
    }

    /// <summary>The bill holds shipped goods that no admin has marked shipped yet: delivery (and so COMPLETE) waits.</summary>
    private async Task<bool> AwaitsShipmentAsync(int billId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Bills.AnyAsync(b => b.Id == billId && b.ShippedAt == null && b.Items.Any(i => i.Shipped), ct);
    }

    private Task SetFlagAsync(ShopDbContext db, int billId, string reason, CancellationToken ct) =>
        db.Bills.Where(b => b.Id == billId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Flagged, true).SetProperty(b => b.FlagReason, reason), ct);

    private void Trace(ShopDbContext db, int billId, Actor actor, string what, BillState? from, BillState? to, string? payMode, string? data = null) =>
        db.BillTraces.Add(new BillTrace { BillId = billId, At = Now, Who = actor.Name, What = what, FromState = from, ToState = to, PayMode = payMode, Data = data });

    private async Task<bool> IsProcessedElsewhereAsync(NotificationApplication n, CancellationToken ct)
    {
        await using var other = await dbs.CreateDbContextAsync(ct);
        return await other.ProcessedNotifications.AnyAsync(p => p.PayMode == n.PayMode && p.IdempotencyKey == n.IdempotencyKey, ct);
    }
}
