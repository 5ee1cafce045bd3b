using Microsoft.EntityFrameworkCore;
using Shop.Web.Data;

namespace Shop.Web.Fulfilment;

/// <summary>
/// Runs one phase of fulfilment for every line of a bill, each line at most once: the line is claimed by
/// inserting its (bill, line, phase) record, which a unique index makes impossible to insert twice.
/// </summary>
public sealed class FulfilmentService(
    IDbContextFactory<ShopDbContext> dbs,
    IEnumerable<IFulfilmentHandler> handlers,
    TimeProvider clock,
    ILogger<FulfilmentService> logger)
{
    private readonly Dictionary<string, IFulfilmentHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns true when every line of the bill has this phase done (now or before).</summary>
    public async Task<bool> RunAsync(int billId, FulfilmentPhase phase, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().Include(b => b.Items).Include(b => b.Customer).SingleAsync(b => b.Id == billId, ct);
        var done = await db.FulfilmentRecords.Where(f => f.BillId == billId && f.Phase == phase).Select(f => f.LineNo).ToListAsync(ct);
        var complete = true;
        foreach (var line in bill.Items.Where(i => !done.Contains(i.LineNo)).OrderBy(i => i.LineNo))
            complete &= await RunLineAsync(bill, line, phase, ct);
        return complete;
    }

    private async Task<bool> RunLineAsync(Bill bill, BillItem line, FulfilmentPhase phase, CancellationToken ct)
    {
        var handler = _handlers.GetValueOrDefault(line.FulfilmentHandler) ?? _handlers["default"];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var record = new FulfilmentRecord { BillId = bill.Id, LineNo = line.LineNo, Phase = phase, Handler = handler.Name, At = clock.GetUtcNow().UtcDateTime };
        db.FulfilmentRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);   // the claim
        }
        catch (DbUpdateException)
        {
            return true;   // another caller claimed this line first: it is (being) done
        }

        try
        {
            var context = new FulfilmentContext(bill.Reference, line, bill.Customer);
            record.Note = phase == FulfilmentPhase.BeforePayment
                ? await handler.BeforePaymentAsync(context, ct)
                : await handler.AfterPaymentAsync(context, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Release the claim so the recovery sweep can try again; the bill stays where it is.
            logger.LogError(ex, "Fulfilment {Phase} of line {LineNo} with {Handler} failed", phase, line.LineNo, handler.Name);
            db.FulfilmentRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }
}
