using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Web.Checkout;

/// <summary>
/// Turns a cart, a buyer and a chosen pay mode into a PLACED bill. Everything is checked on the server —
/// products, quantities, buyer details and whether the pay mode is offered for this total and this buyer —
/// and nothing is written unless all of it is valid.
/// </summary>
public sealed partial class CheckoutService(
    IDbContextFactory<ShopDbContext> dbs,
    ProductCatalog catalog,
    PayModeOffers offers,
    IShopSettings shop,
    ShopAddress address,
    BillEvents events,
    TimeProvider clock,
    ILogger<CheckoutService> logger)
{
    /// <param name="retryOf">The unsuccessful bill the buyer is retrying (the status page's "Try again"): the two
    /// bills' traces then name each other, so an admin follows one purchase across its attempts.</param>
    public async Task<CheckoutOutcome> PlaceAsync(CheckoutRequest request, bool buyerIsAdmin, string? retryOf = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var lines = await PriceAsync(request.Items, errors, ct);
        ValidateCustomer(request.Customer, errors);
        var currency = shop.Current.Currency;
        long total = 0;
        try { total = lines.Sum(l => l.LineTotal); }
        catch (OverflowException) { errors["items"] = ["The order total is too large."]; }

        // Nothing to pay: the free order is the only mode offered, so it need not be named.
        var payMode = string.IsNullOrWhiteSpace(request.PayMode) && errors.Count == 0 && total == 0 ? offers.Registry.ZeroAmount?.Code : request.PayMode;
        if (string.IsNullOrWhiteSpace(payMode))
            errors["payMode"] = ["Choose a pay mode."];
        else if (errors.Count == 0)
        {
            var availability = await offers.CheckAsync(payMode, offers.ContextFor(total, currency, buyerIsAdmin), ct);
            if (!availability.Offered)
                errors["payMode"] = [availability.Reason ?? $"'{payMode}' is not offered for this order."];
        }
        if (errors.Count > 0)
            return new CheckoutOutcome(null, errors);

        var bill = await CreateBillAsync(request.Customer!, lines, total, currency, payMode!, retryOf, ct);
        events.Raise(bill.Reference);
        logger.LogInformation("Bill {BillReference} ({PayMode}) placed as order {BillNumber} for {Total}", bill.Reference, bill.PayMode, bill.Number, Money.Format(bill.Total, bill.Currency));
        // On the shop's own address, never the request's: the buyer's browser follows it.
        var payUrl = PayModeRoutes.SendUrl(address, bill.PayMode, bill.Reference);
        return new CheckoutOutcome(new CheckoutResult(bill.Reference, bill.State.ToWire(), bill.Total, bill.Currency, bill.PayMode, payUrl)
        {
            Number = bill.Number,
            PaymentReference = bill.PaymentReference,
        }, errors);
    }

    /// <summary>The cart and details of an earlier bill, so a buyer whose payment failed can retry in one click.</summary>
    public async Task<CheckoutDraft?> DraftFromAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().Include(b => b.Items).Include(b => b.Customer).SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (bill is null)
            return null;
        var c = bill.Customer;
        return new CheckoutDraft(
            [.. bill.Items.OrderBy(i => i.LineNo).Select(i => new CheckoutItem(i.Sku, i.Quantity))],
            new CheckoutCustomer(c.FirstName, c.LastName, c.Email, c.Address, c.Zip, c.City, c.Country),
            bill.PayMode);
    }

    private async Task<List<PricedLine>> PriceAsync(IReadOnlyList<CheckoutItem>? items, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (items is null || items.Count == 0)
        {
            errors["items"] = ["Add at least one product."];
            return [];
        }
        if (items.Count > CheckoutLimits.MaxLines)
        {
            errors["items"] = [$"An order holds at most {CheckoutLimits.MaxLines} lines."];
            return [];
        }
        var skus = items.Select(i => i?.Sku).OfType<string>().Distinct().ToList();
        var products = (await catalog.ActiveAsync(skus, ct)).ToDictionary(p => p.Sku);
        var withdrawn = await catalog.InactiveAsync(skus, ct);
        var currency = shop.Current.Currency;
        var lines = new List<PricedLine>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
                errors[$"items[{i}]"] = ["This line is empty."];
            else if (string.IsNullOrWhiteSpace(item.Sku))
                errors[$"items[{i}].sku"] = ["Give the product's SKU."];
            else if (!products.TryGetValue(item.Sku, out var product))
                errors[$"items[{i}].sku"] = [withdrawn.Contains(item.Sku) ? $"'{item.Sku}' is no longer on sale." : $"There is no product '{item.Sku}'."];
            else if (!string.Equals(product.Currency, currency, StringComparison.OrdinalIgnoreCase))
                errors[$"items[{i}].sku"] = [$"'{item.Sku}' is priced in {product.Currency}, not {currency}."];
            else if (item.Quantity is <= 0 or > CheckoutLimits.MaxQuantity)
                errors[$"items[{i}].quantity"] = [$"The quantity must be between 1 and {CheckoutLimits.MaxQuantity}."];
            else if (lines.FindIndex(l => l.Sku == product.Sku) is var existing and >= 0)
                lines[existing] = lines[existing] with { Quantity = Math.Min(lines[existing].Quantity + item.Quantity, CheckoutLimits.MaxQuantity) };
            else
                lines.Add(new PricedLine(product.Sku, product.Name, product.Price, item.Quantity, product.FulfilmentHandler, product.Shipped));
        }
        return lines;
    }

    internal static void ValidateCustomer(CheckoutCustomer? c, Dictionary<string, string[]> errors)
    {
        if (c is null)
        {
            errors["customer"] = ["Give the buyer's details."];
            return;
        }
        Required("customer.firstName", c.FirstName, 80, "your first name");
        Required("customer.lastName", c.LastName, 80, "your last name");
        if (Required("customer.email", c.Email, 254, "your e-mail address") && !IsEmail(c.Email!))
            errors["customer.email"] = ["This is not a valid e-mail address."];
        Required("customer.address", c.Address, 200, "your street address");
        Required("customer.zip", c.Zip, 16, "your postal code");
        Required("customer.city", c.City, 80, "your city");
        if (Required("customer.country", c.Country, 2, "your country") && !CountryCode().IsMatch(c.Country!.Trim()))
            errors["customer.country"] = ["Give the two-letter country code (e.g. FR)."];
        else if (c.Country is { Length: 2 } code && Countries.Find(code) is null)
            errors["customer.country"] = [$"'{code}' is not an ISO 3166 country code."];

        bool Required(string field, string? value, int max, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors[field] = [$"Give {what}."];
            else if (value.Trim().Length > max)
                errors[field] = [$"At most {max} characters."];
            else
                return true;
            return false;
        }
    }

    internal static bool IsEmail(string email)
    {
        email = email.Trim();
        return MailAddress.TryCreate(email, out var address) && address.Address == email
            && address.Host.Contains('.') && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
    }

    private async Task<Bill> CreateBillAsync(CheckoutCustomer c, List<PricedLine> lines, long total, string currency, string payMode, string? retryOf, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var customer = new Customer
        {
            FirstName = c.FirstName!.Trim(), LastName = c.LastName!.Trim(), Email = c.Email!.Trim(), Address = c.Address!.Trim(),
            Zip = c.Zip!.Trim(), City = c.City!.Trim(), Country = c.Country!.Trim().ToUpperInvariant(), CreatedAt = now,
        };
        var bill = new Bill
        {
            Reference = References.NewBillReference(), Customer = customer, Total = total, Currency = currency,
            State = BillState.Placed, PayMode = payMode, CreatedAt = now, UpdatedAt = now,
            Items = [.. lines.Select((l, i) => new BillItem
            {
                LineNo = i + 1, Sku = l.Sku, Name = l.Name, UnitPrice = l.UnitPrice, Quantity = l.Quantity,
                LineTotal = l.LineTotal, FulfilmentHandler = l.FulfilmentHandler, Shipped = l.Shipped,
            })],
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        bill.Number = await BillNumbers.AllocateAsync(db, now, ct);
        if (offers.Registry.Find(payMode)?.Kind == PayModeKind.Deferred)
            bill.PaymentReference = BillNumbers.PaymentReferenceFor(bill.Number);
        db.Bills.Add(bill);
        await db.SaveChangesAsync(ct);
        var earlier = retryOf is { Length: > 0 and <= 64 }
            ? await db.Bills.AsNoTracking().SingleOrDefaultAsync(b => b.Reference == retryOf, ct)
            : null;
        if (earlier is not null && !earlier.State.IsUnsuccessful())
            earlier = null;   // only a failed, refused or cancelled bill is retried
        var placed = $"order placed ({bill.Number}), {Money.Format(total, currency)} by {payMode}" + (earlier is null ? "" : $" (retry of bill {earlier.Reference})");
        db.BillTraces.Add(new BillTrace { BillId = bill.Id, At = now, Who = Actor.Buyer.Name, What = placed, ToState = BillState.Placed, PayMode = payMode });
        if (earlier is not null)
            db.BillTraces.Add(new BillTrace { BillId = earlier.Id, At = now, Who = Actor.Buyer.Name, What = $"buyer tried again as bill {bill.Reference}", PayMode = payMode });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return bill;
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();
}
