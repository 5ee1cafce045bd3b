using Bunit;
using Shop.PayModes.Core;
using Shop.Web.Admin;
using Shop.Web.Components.Admin;
using Shop.Web.Data;

namespace Shop.Tests.Admin;

public sealed class TraceTests : AdminComponentContext
{
    private static readonly DateTime Day = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    public TraceTests()
    {
        using var db = NewDb();
        Add(db, "REFADA000001", "vault", ("ATT-ADA-1", "txn_7Hq2Lz9Kp"));
        Add(db, "REFGRACE0002", "vault", ("ATT-GRACE-1", "txn_0Bx5Mw3Rt"), ("ATT-GRACE-2", "txn_4Nd8Vc6Ys"));
        Add(db, "REFALAN00003", "check");
        // SystemPay-style: the attempt is known by its trans id; the payment that paid it by the provider's uuid.
        Add(db, "REFLINUS0004", "vault", ("ATT-LINUS-1", "20261120:000042"));
        db.PaymentAttempts.Single(a => a.Reference == "ATT-LINUS-1").PaidTransactionId = "9c1e5b7a2f";
        db.SaveChanges();
    }

    private static void Add(ShopDbContext db, string reference, string payMode, params (string Attempt, string Provider)[] attempts)
    {
        var bill = new Bill
        {
            Reference = reference, PayMode = payMode, State = BillState.Pending, Currency = "EUR", Total = 3349, CreatedAt = Day, UpdatedAt = Day,
            Customer = new Customer { FirstName = "A", LastName = reference, Email = "a@example.com", Address = "1 rue", Zip = "75001", City = "Paris", Country = "FR", CreatedAt = Day },
            Attempts = [.. attempts.Select(a => new PaymentAttempt { Reference = a.Attempt, PayMode = payMode, ProviderReference = a.Provider, CreatedAt = Day })],
        };
        db.Bills.Add(bill);
        db.SaveChanges();
        db.BillTraces.Add(new BillTrace { BillId = bill.Id, At = Day, Who = "buyer", What = $"order placed ({reference})", ToState = BillState.Placed, PayMode = payMode });
    }

    private async Task<IEnumerable<string>> TracedBillsAsync(string reference)
    {
        var (items, _) = await new AdminBills(Dbs, Registry, TimeProvider.System).TraceAsync(new TraceFilter(reference), 0, 50);
        return items.Select(t => t.BillReference).Order();
    }

    [Fact]
    public async Task Reference_filter_matches_bill_attempt_and_provider_references()
    {
        Assert.Equal(["REFGRACE0002"], await TracedBillsAsync("REFGRACE"));        // bill reference, by prefix
        Assert.Equal(["REFGRACE0002"], await TracedBillsAsync("ATT-GRACE-2"));     // the shop's attempt reference
        Assert.Equal(["REFGRACE0002"], await TracedBillsAsync(" txn_4Nd8Vc6Ys ")); // the provider's transaction id, pasted
        Assert.Equal(["REFADA000001"], await TracedBillsAsync("txn_7Hq2"));
        Assert.Equal(["REFADA000001", "REFGRACE0002"], await TracedBillsAsync("txn_"));
        Assert.Empty(await TracedBillsAsync("txn_nobody"));
        Assert.Equal(["REFLINUS0004"], await TracedBillsAsync("9c1e5b7a2f"));      // the id of the payment that paid it
    }

    [Fact]
    public void Pasting_a_provider_reference_in_the_trace_page_shows_that_bills_story()
    {
        Ready();
        var cut = Render<Trace>();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll(".trace-grid tbody tr.mud-table-row").Count));

        cut.Find(".trace-filter-reference input").Input("txn_0Bx5Mw3Rt");
        // The field debounces, then the grid reloads from the database: generous on a loaded 2-core machine (it returns once it holds).
        cut.WaitForAssertion(() => Assert.Contains("order placed (REFGRACE0002)", Assert.Single(cut.FindAll(".trace-grid tbody tr.mud-table-row")).TextContent),
            TimeSpan.FromSeconds(30));
    }
}
