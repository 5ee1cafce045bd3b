using Microsoft.EntityFrameworkCore;
using Shop.Web.Data;

namespace Shop.Web.Bills;

/// <summary>Per-name counters (a provider's per-day transaction number, the bills' order numbers...).</summary>
public sealed class NamedCounters(IDbContextFactory<ShopDbContext> dbs)
{
    /// <summary>The next value of <paramref name="name"/>, in a transaction of its own.</summary>
    public async Task<int> NextAsync(string name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var value = await NextAsync(db, name, ct);
        await tx.CommitAsync(ct);
        return value;
    }

    /// <summary>
    /// The next value of <paramref name="name"/> (1 for a new name) in <paramref name="db"/>'s current transaction, so
    /// it is taken only if that transaction commits: a rolled-back insert leaves no gap. One statement reads and
    /// increments, so two writers can never get the same value: SQLite runs writers one at a time, and PostgreSQL
    /// locks the row the upsert updates (both know <c>ON CONFLICT … DO UPDATE … RETURNING</c>).
    /// </summary>
    public static async Task<int> NextAsync(ShopDbContext db, string name, CancellationToken ct = default)
    {
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO "Sequences" ("Name", "Value") VALUES ({name}, 1)
            ON CONFLICT ("Name") DO UPDATE SET "Value" = "Sequences"."Value" + 1
            RETURNING "Value"
            """).ToListAsync(ct);
        return values.Single();
    }
}
