using Microsoft.EntityFrameworkCore;
using Shop.Web.Data;

namespace Shop.Web.Checkout;

/// <summary>A product on sale, as the storefront, the checkout and the API see it.</summary>
public sealed record CatalogProduct(string Sku, string Name, string Description, long Price, string Currency, string FulfilmentHandler, bool Shipped = false);

/// <summary>
/// The products on sale: the one place that says what "on sale" means. Nothing is cached: every call reads the
/// catalogue as it is now, so an admin's price change or deactivation reaches the storefront and the API at once.
/// </summary>
public sealed class ProductCatalog(IDbContextFactory<ShopDbContext> dbs)
{
    /// <summary>The active products in catalogue order, or only those among <paramref name="skus"/> when given.</summary>
    public async Task<IReadOnlyList<CatalogProduct>> ActiveAsync(IReadOnlyCollection<string>? skus = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Products.AsNoTracking().Where(p => p.Active);
        if (skus is not null)
            query = query.Where(p => skus.Contains(p.Sku));
        return await query.OrderBy(p => p.Id)
            .Select(p => new CatalogProduct(p.Sku, p.Name, p.Description, p.Price, p.Currency, p.FulfilmentHandler, p.Shipped)).ToListAsync(ct);
    }

    /// <summary>Those of <paramref name="skus"/> that exist but were taken off sale, so a checkout can say so.</summary>
    public async Task<IReadOnlySet<string>> InactiveAsync(IReadOnlyCollection<string> skus, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return (await db.Products.AsNoTracking().Where(p => !p.Active && skus.Contains(p.Sku)).Select(p => p.Sku).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
    }
}
