using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Bills;

/// <summary>
/// Order numbers: the year the bill was placed (UTC), a dash, and that year's counter on six digits or more
/// (<c>2026-000123</c>). The counter restarts at 1 every 1 January, as invoice numbering usually does, so the number
/// also tells when the order was placed; the year keeps numbers unique. It is taken in the transaction that inserts
/// the bill, so numbers are gap-free and never shared, whatever the number of concurrent checkouts.
/// </summary>
public static class BillNumbers
{
    public static string CounterName(int year) => $"bill-number-{year:0000}";

    public static string Format(int year, int counter) => $"{year:0000}-{counter:000000}";

    public static async Task<string> AllocateAsync(ShopDbContext db, DateTime placedAt, CancellationToken ct = default) =>
        Format(placedAt.Year, await NamedCounters.NextAsync(db, CounterName(placedAt.Year), ct));

    /// <summary>
    /// The ISO 11649 reference a deferred payment quotes: the order number's digits (<c>2026-000123</c> →
    /// <c>RF46 2026 0001 23</c>). Digits only, so nothing to confuse (O/0, l/I) when it is hand-written on a cheque or
    /// typed into a bank's form; derived rather than random, so it is as short as the number, unique like it, and an
    /// admin who holds one can read the order number off the other. It is no secret: the status URL's reference is.
    /// </summary>
    public static string PaymentReferenceFor(string number) => CreditorReference.Create(number.Replace("-", "", StringComparison.Ordinal));

    /// <summary>The order number a valid payment reference was made from, or null.</summary>
    public static string? NumberOf(string paymentReference) =>
        CreditorReference.BaseOf(paymentReference) is { Length: >= 10 } digits && digits.All(char.IsAsciiDigit)
            ? $"{digits[..4]}-{digits[4..]}"
            : null;
}
