using Bunit;
using Shop.PayModes.Core;
using Shop.Web.Admin;
using Shop.Web.Components.Admin;
using Shop.Web.Data;

namespace Shop.Tests.Admin;

public sealed class BillsGridTests : AdminComponentContext
{
    private static readonly DateTime Day = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    public BillsGridTests()
    {
        using var db = NewDb();
        Add(db, "REFADA000001", "Ada", "Lovelace", "ada@example.com", "transfer", BillState.Pending, Day, 3349);
        Add(db, "REFGRACE0002", "Grace", "Hopper", "grace@navy.example", "check", BillState.Complete, Day.AddDays(1), 1200);
        Add(db, "REFALAN00003", "Alan", "Turing", "alan@example.com", "transfer", BillState.Partial, Day.AddDays(2), 5000, flag: "Received 10.00 EUR, expected 50.00 EUR");
        Add(db, "REFLINUS0004", "Linus", "Torvalds", "linus@example.org", "check", BillState.Cancelled, Day.AddDays(3), 990);
        Add(db, "REFMARGA0005", "Margaret", "Hamilton", "margaret@example.com", "transfer", BillState.Pending, Day.AddDays(3), 2500);
        db.SaveChanges();
    }

    private static void Add(ShopDbContext db, string reference, string first, string last, string email, string payMode, BillState state, DateTime at, long total, string? flag = null) =>
        db.Bills.Add(new Bill
        {
            Reference = reference, PayMode = payMode, State = state, Currency = "EUR", Total = total, CreatedAt = at, UpdatedAt = at,
            Flagged = flag is not null, FlagReason = flag,
            Customer = new Customer { FirstName = first, LastName = last, Email = email, Address = "1 rue", Zip = "75001", City = "Paris", Country = "FR", CreatedAt = at },
        });

    private IRenderedComponent<Bills> RenderGrid()
    {
        Ready();
        var cut = Render<Bills>();
        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut).Count));
        return cut;
    }

    private static List<string> Rows(IRenderedComponent<Bills> cut) => [.. cut.FindAll("tr.bill-row").Select(r => r.TextContent)];

    private static List<string> Customers(IRenderedComponent<Bills> cut) => [.. cut.FindAll("tr.bill-row .bill-customer").Select(c => c.TextContent.Trim())];

    /// <summary>Clicks a column's title in the grid's header, as an admin would.</summary>
    private static void ClickHeader(IRenderedComponent<Bills> cut, string title) =>
        cut.FindAll("thead th .sortable-column-header").Single(h => h.TextContent.Trim() == title).Click();

    private static string Count(IRenderedComponent<Bills> cut, string state) => cut.Find($".state-tab[data-state='{state}'] .state-count").TextContent;

    [Fact]
    public void Lists_newest_first_with_counts_per_state()
    {
        var cut = RenderGrid();
        Assert.Contains("Margaret Hamilton", Rows(cut)[0]);
        Assert.Contains("Ada Lovelace", Rows(cut)[^1]);
        cut.WaitForAssertion(() => Assert.Equal("5", Count(cut, "ALL")));
        Assert.Equal("2", Count(cut, "PENDING"));
        Assert.Equal("1", Count(cut, "COMPLETE"));
        Assert.Empty(cut.FindAll(".state-tab[data-state='SOLDOUT']"));   // no empty tabs
    }

    public static TheoryData<string, string[], string[]> Sorts => new()
    {
        // Placed: ties on the date fall back to the order the bills were placed in.
        { "Placed", ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Linus Torvalds", "Margaret Hamilton"],
                    ["Margaret Hamilton", "Linus Torvalds", "Alan Turing", "Grace Hopper", "Ada Lovelace"] },
        // Customer: by last name, then first name.
        { "Customer", ["Margaret Hamilton", "Grace Hopper", "Ada Lovelace", "Linus Torvalds", "Alan Turing"],
                      ["Alan Turing", "Linus Torvalds", "Ada Lovelace", "Grace Hopper", "Margaret Hamilton"] },
        // Pay mode: by the name the column shows ("Bank transfer" before "Cheque"), newest first within a mode.
        { "Pay mode", ["Margaret Hamilton", "Alan Turing", "Ada Lovelace", "Linus Torvalds", "Grace Hopper"],
                      ["Linus Torvalds", "Grace Hopper", "Margaret Hamilton", "Alan Turing", "Ada Lovelace"] },
        { "Total", ["Linus Torvalds", "Grace Hopper", "Margaret Hamilton", "Ada Lovelace", "Alan Turing"],
                   ["Alan Turing", "Ada Lovelace", "Margaret Hamilton", "Grace Hopper", "Linus Torvalds"] },
        // State: by the upper-case name the chip shows, newest first within a state.
        { "State", ["Linus Torvalds", "Grace Hopper", "Alan Turing", "Margaret Hamilton", "Ada Lovelace"],
                   ["Margaret Hamilton", "Ada Lovelace", "Alan Turing", "Grace Hopper", "Linus Torvalds"] },
    };

    [Theory, MemberData(nameof(Sorts))]
    public void Clicking_a_column_header_sorts_the_rows_by_that_column_and_clicking_again_reverses_them(string column, string[] ascending, string[] descending)
    {
        var cut = RenderGrid();
        Assert.Equal("Margaret Hamilton", Customers(cut)[0]);   // newest first before any click

        ClickHeader(cut, column);
        cut.WaitForAssertion(() => Assert.Equal(ascending, Customers(cut)));

        ClickHeader(cut, column);
        cut.WaitForAssertion(() => Assert.Equal(descending, Customers(cut)));
    }

    [Fact]
    public void State_tab_keeps_only_bills_in_that_state()
    {
        var cut = RenderGrid();
        cut.Find(".state-tab[data-state='PENDING']").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));
        Assert.All(Rows(cut), row => Assert.Contains("PENDING", row));
    }

    [Fact]
    public void Text_search_matches_reference_customer_name_and_email()
    {
        var cut = RenderGrid();
        cut.Find(".filter-text input").Input("hopper");
        cut.WaitForAssertion(() => Assert.Single(Rows(cut)), TimeSpan.FromSeconds(3));
        Assert.Contains("Grace Hopper", Rows(cut)[0]);

        cut.Find(".filter-text input").Input("example.org");
        cut.WaitForAssertion(() => Assert.Contains("Linus Torvalds", Assert.Single(Rows(cut))), TimeSpan.FromSeconds(3));

        cut.Find(".filter-text input").Input("REFALAN");
        cut.WaitForAssertion(() => Assert.Contains("Alan Turing", Assert.Single(Rows(cut))), TimeSpan.FromSeconds(3));
        // The tabs count what the search finds.
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut, "ALL")));
    }

    [Fact]
    public void Flagged_filter_shows_the_flagged_bill_and_it_stands_out()
    {
        var cut = RenderGrid();
        Assert.Single(cut.FindAll("tr.bill-row-flagged"));
        cut.Find(".filter-flagged input").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("Alan Turing", Assert.Single(Rows(cut))));
        Assert.NotNull(cut.Find("tr.bill-row-flagged .flag-icon"));
    }

    [Fact]
    public void No_match_says_so()
    {
        var cut = RenderGrid();
        cut.Find(".filter-text input").Input("nobody-like-this");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".no-bills")), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Pay_mode_and_date_range_filters_and_sorting_run_in_the_database()
    {
        var queries = new AdminBills(Dbs, Registry, TimeProvider.System);
        var transfers = await queries.SearchAsync(new BillFilter(PayMode: "transfer"), 0, 10);
        Assert.Equal(3, transfers.TotalCount);
        var range = await queries.SearchAsync(new BillFilter(From: DateOnly.FromDateTime(Day.AddDays(1)), To: DateOnly.FromDateTime(Day.AddDays(2))), 0, 10);
        Assert.Equal(["Alan Turing", "Grace Hopper"], range.Items.Select(b => b.CustomerName));
        var page2 = await queries.SearchAsync(new BillFilter(), 1, 2, BillSort.Customer, descending: false);
        Assert.Equal(5, page2.TotalCount);
        Assert.Equal(["Ada Lovelace", "Linus Torvalds"], page2.Items.Select(b => b.CustomerName));   // Hamilton, Hopper | Lovelace, Torvalds | Turing
    }
}
