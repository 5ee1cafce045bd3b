using Microsoft.EntityFrameworkCore;

namespace Shop.Web.Data;

/// <summary>
/// The one way the shop writes to its database: <paramref name="work"/> runs inside a write transaction on a fresh
/// context and the call returns once that transaction is committed (durable). The work may call
/// <c>SaveChangesAsync</c> and <c>ExecuteUpdateAsync</c> any number of times; it must not begin or commit a transaction
/// itself and must not call anything outside the database (no HTTP, no mail). It checks before it writes: a work that
/// finds nothing to do returns without writing. An exception thrown by the work undoes everything it wrote.
/// </summary>
public interface IShopWriter
{
    Task<T> WriteAsync<T>(Func<ShopDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default);
}

/// <summary>One transaction per write, committed before the call returns.</summary>
public sealed class TransactionPerWrite(IDbContextFactory<ShopDbContext> dbs) : IShopWriter
{
    public async Task<T> WriteAsync<T>(Func<ShopDbContext, CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work(db, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }
}
