using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Web.Data;

namespace Shop.Tests.Infrastructure;

/// <summary>Direct reads of the shop's database, to check what a request wrote (or did not).</summary>
public static class ShopData
{
    public static async Task<T> QueryAsync<T>(this ShopFactory factory, Func<ShopDbContext, Task<T>> query)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static Task<int> CountAsync<TEntity>(this ShopFactory factory) where TEntity : class =>
        factory.QueryAsync(db => db.Set<TEntity>().CountAsync());

    public static Task<List<BillTrace>> TraceAsync(this ShopFactory factory, string reference) =>
        factory.QueryAsync(db => db.BillTraces.Where(t => db.Bills.Any(b => b.Id == t.BillId && b.Reference == reference)).OrderBy(t => t.Id).ToListAsync());

    public static Task<Bill> BillRowAsync(this ShopFactory factory, string reference) =>
        factory.QueryAsync(db => db.Bills.AsNoTracking().SingleAsync(b => b.Reference == reference));
}
