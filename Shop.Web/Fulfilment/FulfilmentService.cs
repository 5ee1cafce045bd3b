using Microsoft.EntityFrameworkCore;
using Shop.Web.Data;

namespace Shop.Web.Fulfilment;

/// <summary>Where one phase of a bill's fulfilment stands after a run.</summary>
public enum FulfilmentProgress
{
    /// <summary>Every line's handler has succeeded (now or before).</summary>
    Done,
    /// <summary>Another caller holds a live claim on a line: it is being done there.</summary>
    InProgress,
    /// <summary>A handler failed; its claim was released for the next try.</summary>
    Failed,
}

/// <summary>
/// Runs one phase of fulfilment for every line of a bill, each line at most once at a time: the line is claimed by
/// inserting its (bill, line, phase) record, which a unique index makes impossible to insert twice, and recorded done
/// only after its handler succeeded. A claim never marked done and older than <see cref="ClaimLease"/> was left by a
/// crash between the two: the next run takes it over and runs the handler again, which is why handlers must be
/// idempotent (<see cref="IFulfilmentHandler"/>).
/// </summary>
public sealed class FulfilmentService(
    IDbContextFactory<ShopDbContext> dbs,
    IEnumerable<IFulfilmentHandler> handlers,
    TimeProvider clock,
    ILogger<FulfilmentService> logger)
{
    /// <summary>How long a claim protects a running handler; a handler must finish well within it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>How long a handler may run before it is asked to stop (its token is cancelled): half the lease.</summary>
    public static readonly TimeSpan HandlerTimeout = ClaimLease / 2;

    private readonly Dictionary<string, IFulfilmentHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<FulfilmentProgress> RunAsync(int billId, FulfilmentPhase phase, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().Include(b => b.Items).Include(b => b.Customer).SingleAsync(b => b.Id == billId, ct);
        var records = await db.FulfilmentRecords.AsNoTracking().Where(f => f.BillId == billId && f.Phase == phase).ToDictionaryAsync(f => f.LineNo, ct);
        var progress = FulfilmentProgress.Done;
        foreach (var line in bill.Items.OrderBy(i => i.LineNo))
        {
            var record = records.GetValueOrDefault(line.LineNo);
            if (record?.DoneAt is not null)
                continue;
            var lineProgress = await RunLineAsync(bill, line, phase, record, ct);
            progress = (FulfilmentProgress)Math.Max((int)progress, (int)lineProgress);
        }
        return progress;
    }

    private async Task<FulfilmentProgress> RunLineAsync(Bill bill, BillItem line, FulfilmentPhase phase, FulfilmentRecord? seen, CancellationToken ct)
    {
        var handler = _handlers.GetValueOrDefault(line.FulfilmentHandler) ?? _handlers["default"];
        var claim = await ClaimAsync(bill, line, phase, handler, seen, ct);
        if (claim is null)
            return await IsDoneAsync(bill.Id, line.LineNo, phase, ct) ? FulfilmentProgress.Done : FulfilmentProgress.InProgress;

        string note;
        // A handler is asked to stop well within the claim's lease: past the lease, another run takes the claim over.
        using var withinLease = new CancellationTokenSource(HandlerTimeout, clock);
        using var handlerToken = CancellationTokenSource.CreateLinkedTokenSource(ct, withinLease.Token);
        try
        {
            var context = new FulfilmentContext(bill.Reference, line, bill.Customer);
            note = phase == FulfilmentPhase.BeforePayment
                ? await handler.BeforePaymentAsync(context, handlerToken.Token)
                : await handler.AfterPaymentAsync(context, handlerToken.Token);
        }
        catch (Exception ex)
        {
            // Release the claim so the next run (the recovery sweep, a provider's retry) can try again; the bill stays where it is.
            var stopped = ex is OperationCanceledException && ct.IsCancellationRequested;
            if (!stopped)
                logger.LogError(ex, "Fulfilment {Phase} of line {LineNo} of {BillReference} with {Handler} failed{Overran}", phase, line.LineNo,
                    bill.Reference, handler.Name, withinLease.IsCancellationRequested ? $" (it did not finish within {HandlerTimeout})" : "");
            await ReleaseAsync(claim, CancellationToken.None);
            if (stopped)
                throw;
            return FulfilmentProgress.Failed;
        }

        // Recorded done only now that the handler succeeded: a crash before this line leaves a claim to take over.
        await using var db = await dbs.CreateDbContextAsync(CancellationToken.None);
        await db.FulfilmentRecords.Where(f => f.Id == claim.Id && f.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.DoneAt, Now).SetProperty(f => f.Note, note), CancellationToken.None);
        return FulfilmentProgress.Done;
    }

    /// <summary>A new claim, or a stale one taken over (compare-and-set on its time); null when someone else holds the line.</summary>
    private async Task<FulfilmentRecord?> ClaimAsync(Bill bill, BillItem line, FulfilmentPhase phase, IFulfilmentHandler handler, FulfilmentRecord? seen, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = Now;
        if (seen is null)
        {
            var record = new FulfilmentRecord { BillId = bill.Id, LineNo = line.LineNo, Phase = phase, Handler = handler.Name, ClaimedAt = now };
            db.FulfilmentRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException)
            {
                return null;   // another caller claimed this line first
            }
        }

        if (seen.ClaimedAt > now - ClaimLease)
            return null;   // a live claim: its handler is running elsewhere
        var takenOver = await db.FulfilmentRecords
            .Where(f => f.Id == seen.Id && f.DoneAt == null && f.ClaimedAt == seen.ClaimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ClaimedAt, now).SetProperty(f => f.Handler, handler.Name), ct);
        if (takenOver == 0)
            return null;
        logger.LogWarning("Fulfilment {Phase} of line {LineNo} of {BillReference} was claimed at {ClaimedAt:u} and never finished (a crash?): running {Handler} again",
            phase, line.LineNo, bill.Reference, seen.ClaimedAt, handler.Name);
        seen.ClaimedAt = now;
        return seen;
    }

    private async Task ReleaseAsync(FulfilmentRecord claim, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.FulfilmentRecords.Where(f => f.Id == claim.Id && f.DoneAt == null && f.ClaimedAt == claim.ClaimedAt).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> IsDoneAsync(int billId, int lineNo, FulfilmentPhase phase, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.FulfilmentRecords.AnyAsync(f => f.BillId == billId && f.LineNo == lineNo && f.Phase == phase && f.DoneAt != null, ct);
    }
}
