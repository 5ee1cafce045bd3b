using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Admin;

/// <summary>A catalogue product as the admin grid and API show it; <see cref="Price"/> in minor units of <see cref="Currency"/>.</summary>
public sealed record AdminProduct(string Sku, string Name, string Description, long Price, string Currency, bool Active, bool Shipped)
{
    /// <summary>The price in major units as typed and shown: "19.90", JPY "500".</summary>
    public string PriceText => Money.ToDecimalString(Price, Currency);
}

/// <summary>What an admin typed for a product: the price as money in major units ("19.90"), parsed with decimal.</summary>
public sealed record ProductInput(string? Sku, string? Name, string? Description, string? Price, string? Currency, bool Active = true, bool Shipped = false);

public enum ProductSaveStatus
{
    Saved,
    /// <summary>The input is not valid: see the errors by field.</summary>
    Invalid,
    /// <summary>Another product has this SKU already.</summary>
    DuplicateSku,
    NotFound,
}

public sealed record ProductSaveResult(ProductSaveStatus Status, AdminProduct? Product, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ProductSaveResult Of(ProductSaveStatus status, string field, string error) => new(status, null, new Dictionary<string, string[]> { [field] = [error] });
}

/// <summary>
/// The write side of the catalogue (<c>/admin/products</c> and <c>/admin/api/products</c>). Prices are typed as money and
/// stored in minor units; bills keep the price they were placed at (their lines are snapshots), so an edit changes only
/// what is sold from now on. The storefront reads the catalogue afresh on every request (<see cref="Checkout.ProductCatalog"/>).
/// </summary>
public sealed class ProductAdmin(IDbContextFactory<ShopDbContext> dbs, ILogger<ProductAdmin> logger)
{
    public const int MaxSkuLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    /// <summary>The highest price accepted, in major units: far above any real product, far below an overflow of a bill's total.</summary>
    public const decimal MaxPrice = 10_000_000m;

    public async Task<IReadOnlyList<AdminProduct>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Products.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        return [.. rows.Select(ToView)];
    }

    public async Task<AdminProduct?> FindAsync(string sku, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Sku == sku, ct);
        return row is null ? null : ToView(row);
    }

    public async Task<ProductSaveResult> CreateAsync(ProductInput input, string actor, CancellationToken ct = default)
    {
        var errors = Validate(input, out var valid, requireSku: true);
        if (valid is null)
            return new(ProductSaveStatus.Invalid, null, errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Products.AnyAsync(p => p.Sku == valid.Sku, ct))
            return ProductSaveResult.Of(ProductSaveStatus.DuplicateSku, "sku", $"There is already a product with SKU '{valid.Sku}'.");
        var row = new Product
        {
            Sku = valid.Sku, Name = valid.Name, Description = valid.Description, Price = valid.Price, Currency = valid.Currency,
            Active = valid.Active, Shipped = valid.Shipped,
        };
        db.Products.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins creating the same SKU at once: the unique index decides.
            return ProductSaveResult.Of(ProductSaveStatus.DuplicateSku, "sku", $"There is already a product with SKU '{valid.Sku}'.");
        }
        logger.LogInformation("Product {Sku} created by {Actor}: {Price} {Currency}, {Active}, {Delivery}", valid.Sku, actor,
            Money.ToDecimalString(valid.Price, valid.Currency), valid.Currency, valid.Active ? "on sale" : "not on sale", valid.Shipped ? "shipped" : "delivered at once");
        return new(ProductSaveStatus.Saved, ToView(row), new Dictionary<string, string[]>());
    }

    /// <summary>Changes the product named <paramref name="sku"/>; the SKU itself never changes (bills and scripts name it).</summary>
    public async Task<ProductSaveResult> UpdateAsync(string sku, ProductInput input, string actor, CancellationToken ct = default)
    {
        var errors = Validate(input with { Sku = sku }, out var valid, requireSku: false);
        if (input.Sku is { Length: > 0 } named && !string.Equals(named.Trim(), sku, StringComparison.Ordinal))
            errors["sku"] = [$"The SKU cannot change (this product is '{sku}'); create a new product instead."];
        if (errors.Count > 0 || valid is null)
            return new(ProductSaveStatus.Invalid, null, errors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Products.SingleOrDefaultAsync(p => p.Sku == sku, ct);
        if (row is null)
            return ProductSaveResult.Of(ProductSaveStatus.NotFound, "sku", $"There is no product '{sku}'.");
        var before = (row.Price, row.Currency, row.Active);
        row.Name = valid.Name;
        row.Description = valid.Description;
        row.Price = valid.Price;
        row.Currency = valid.Currency;
        row.Active = valid.Active;
        row.Shipped = valid.Shipped;
        await db.SaveChangesAsync(ct);
        if (before != (row.Price, row.Currency, row.Active))
            logger.LogInformation("Product {Sku} changed by {Actor}: {OldPrice} {OldCurrency} → {Price} {Currency}, {Active}", sku, actor,
                Money.ToDecimalString(before.Price, before.Currency), before.Currency, Money.ToDecimalString(row.Price, row.Currency), row.Currency,
                row.Active ? "on sale" : "not on sale");
        return new(ProductSaveStatus.Saved, ToView(row), new Dictionary<string, string[]>());
    }

    private sealed record ValidProduct(string Sku, string Name, string Description, long Price, string Currency, bool Active, bool Shipped);

    private static Dictionary<string, string[]> Validate(ProductInput input, out ValidProduct? valid, bool requireSku)
    {
        var errors = new Dictionary<string, string[]>();
        valid = null;
        var sku = input.Sku?.Trim() ?? "";
        if (requireSku)
        {
            if (sku.Length == 0)
                errors["sku"] = ["Give the product a SKU."];
            else if (sku.Length > MaxSkuLength)
                errors["sku"] = [$"A SKU is at most {MaxSkuLength} characters."];
            else if (!sku.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                errors["sku"] = ["A SKU is made of letters, digits, '-', '_' and '.' (it appears in URLs and scripts)."];
        }
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
            errors["name"] = ["Give the product a name."];
        else if (name.Length > MaxNameLength)
            errors["name"] = [$"A name is at most {MaxNameLength} characters."];
        var description = input.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength)
            errors["description"] = [$"A description is at most {MaxDescriptionLength} characters."];
        var currency = input.Currency?.Trim().ToUpperInvariant() ?? "";
        long? price = null;
        if (!CurrencyInfo.TryFromAlpha(currency, out var info))
            errors["currency"] = [currency.Length == 0 ? "Choose the currency." : $"'{input.Currency}' is not a currency the shop knows (ISO 4217, e.g. EUR)."];
        else if (ParsePrice(input.Price, info) is { Error: { } error })
            errors["price"] = [error];
        else
            price = ParsePrice(input.Price, info).Minor;
        if (errors.Count == 0 && price is { } minor)
            valid = new(sku, name, description, minor, currency, input.Active, input.Shipped);
        return errors;
    }

    /// <summary>"19.90" in EUR → 1990; an error for anything that is not a plain, non-negative amount with at most the currency's digits.</summary>
    public static (long? Minor, string? Error) ParsePrice(string? text, CurrencyInfo currency)
    {
        var typed = text?.Trim() ?? "";
        var digits = currency.MinorDigits;
        var example = digits == 0 ? "500" : "19." + new string('9', digits);
        if (typed.Length == 0)
            return (null, "Give the price.");
        if (typed.StartsWith('-'))
            return (null, "A price cannot be negative.");
        if (!decimal.TryParse(typed, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount))
            return (null, $"Type the price as an amount, e.g. {example} (a point before the {(digits == 0 ? "end" : "cents")}, no currency sign or thousands separator).");
        if (amount > MaxPrice)
            return (null, $"A price is at most {MaxPrice:0} {currency.Alpha}.");
        if (Money.TryParseMinor(typed, currency.Alpha) is not { } minor)
            return (null, digits == 0 ? $"{currency.Alpha} has no decimals: type a whole amount, e.g. {example}." : $"{currency.Alpha} has {digits} decimals at most, e.g. {example}.");
        return (minor, null);
    }

    private static AdminProduct ToView(Product p) => new(p.Sku, p.Name, p.Description, p.Price, p.Currency, p.Active, p.Shipped);
}
