using Microsoft.EntityFrameworkCore;
using Shop.Web.Data;

namespace Shop.Web.Bills;

/// <summary>Per-name counters (a provider's per-day transaction number...), each increment in its own transaction.</summary>
public sealed class NamedCounters(IDbContextFactory<ShopDbContext> dbs)
{
    public async Task<int> NextAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await db.Sequences.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (sequence is null)
            db.Sequences.Add(sequence = new Sequence { Name = name });
        sequence.Value++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sequence.Value;
    }
}
