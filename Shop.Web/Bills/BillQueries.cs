using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Bills;

/// <summary>The read side of the bill domain: views of one bill, never tracked, never written.</summary>
public sealed class BillQueries(IDbContextFactory<ShopDbContext> dbs)
{
    public async Task<BillView?> FindAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ViewAsync(db, db.Bills.Where(b => b.Reference == reference), ct);
    }

    public async Task<BillView?> FindByAttemptAsync(string payMode, string providerReference, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ViewAsync(db, db.Bills.Where(b => b.Attempts.Any(a => a.PayMode == payMode && a.ProviderReference == providerReference)), ct);
    }

    private static async Task<BillView?> ViewAsync(ShopDbContext db, IQueryable<Bill> query, CancellationToken ct)
    {
        var bill = await query.AsNoTracking().Include(b => b.Customer).Include(b => b.Items).SingleOrDefaultAsync(ct);
        if (bill is null)
            return null;
        var attempt = await db.PaymentAttempts.AsNoTracking().Where(a => a.BillId == bill.Id).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return new BillView(bill.Reference, bill.State, bill.Total, bill.PaidAmount, bill.Currency, bill.PayMode,
            bill.Customer.FirstName, bill.Customer.LastName, bill.Customer.Email,
            [.. bill.Items.OrderBy(i => i.LineNo).Select(i => new BillLine(i.LineNo, i.Sku, i.Name, i.UnitPrice, i.Quantity, i.LineTotal))],
            bill.CreatedAt, bill.UpdatedAt, bill.Flagged, bill.FlagReason, attempt is null ? null : ToView(attempt))
        {
            AttemptCount = await db.PaymentAttempts.CountAsync(a => a.BillId == bill.Id, ct),
            Number = bill.Number,
            PaymentReference = bill.PaymentReference,
            HasShippedGoods = bill.Items.Any(i => i.Shipped),
            ShippedAt = bill.ShippedAt,
        };
    }

    internal static AttemptView ToView(PaymentAttempt a) => new(a.Reference, a.PayMode, a.ProviderReference, a.CreatedAt, a.Data) { ReturnedAt = a.ReturnedAt };
}
