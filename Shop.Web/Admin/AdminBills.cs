using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Bills;
using Shop.Web.Data;

namespace Shop.Web.Admin;

/// <summary>What the bills grid filters on. Dates are UTC, <see cref="To"/> inclusive of its whole day.</summary>
public sealed record BillFilter(
    BillState? State = null,
    string? PayMode = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Text = null,
    bool FlaggedOnly = false);

public sealed record BillRow(
    string Reference,
    DateTime CreatedAt,
    string CustomerName,
    string CustomerEmail,
    long Total,
    long PaidAmount,
    string Currency,
    BillState State,
    string PayMode,
    bool Flagged,
    string? FlagReason)
{
    /// <summary>The order number (<c>2026-000123</c>).</summary>
    public string Number { get; init; } = "";

    /// <summary>The ISO 11649 reference (compact) a deferred payment quotes, when the bill has one.</summary>
    public string? PaymentReference { get; init; }
}

public sealed record BillPage(IReadOnlyList<BillRow> Items, int TotalCount);

public enum BillSort
{
    CreatedAt,
    Total,
    State,
    PayMode,
    Customer,
}

/// <summary>What the trace filters on. <see cref="Reference"/> is the start of a bill's reference, of one of its payment
/// attempts' references, or of the id the provider gave an attempt (what an admin pastes from the provider's back office).</summary>
public sealed record TraceFilter(string? Reference = null, string? PayMode = null, DateOnly? From = null, DateOnly? To = null);

public sealed record TraceRow(long Id, DateTime At, string BillReference, string Who, string What, BillState? FromState, BillState? ToState, string? PayMode, string? Data);

/// <param name="RedactedHeaders">One "Name: value" line per header the journal kept, sensitive values hidden.</param>
/// <param name="BodySha256">Set when only the start of the body was kept: the hash of the whole.</param>
public sealed record NotificationRow(long Id, DateTime ReceivedAt, string PayMode, string Method, string? ContentType, string? RemoteIp,
    NotificationVerdict Verdict, string? Detail, string? BillReference, string RedactedBody, int BodyLength, bool Truncated,
    string? RedactedQuery = null, string? RedactedHeaders = null, string? BodySha256 = null);

public sealed record BillCustomer(string FirstName, string LastName, string Email, string Address, string Zip, string City, string Country);

public sealed record AttemptRow(DateTime CreatedAt, string PayMode, string ProviderReference);

/// <summary>One bill as the administrator's page shows it: lines in order, attempts oldest first.</summary>
public sealed record AdminBillView(string Reference, BillState State, long Total, long PaidAmount, string Currency, string PayMode,
    DateTime CreatedAt, DateTime UpdatedAt, bool Flagged, string? FlagReason, BillCustomer Customer,
    IReadOnlyList<BillLine> Items, IReadOnlyList<AttemptRow> Attempts)
{
    public string Number { get; init; } = "";

    public string? PaymentReference { get; init; }

    /// <summary>Some line is shipped by carrier: an admin marks the bill shipped before it completes.</summary>
    public bool HasShippedGoods { get; init; }

    public DateTime? ShippedAt { get; init; }
}

public sealed record BillDetail(AdminBillView Bill, IReadOnlyList<TraceRow> Trace, IReadOnlyList<NotificationRow> Notifications);

public sealed record PaidTotal(string Currency, long Amount, int Count);

public sealed record DashboardSummary(
    IReadOnlyList<PaidTotal> Today,
    IReadOnlyList<PaidTotal> ThisMonth,
    IReadOnlyList<BillRow> WaitingForConfirmation,
    IReadOnlyList<NotificationRow> RecentFailures);

/// <summary>Read side of the dashboard: the bills grid, a bill's whole story, the shop's trace, the home summary.</summary>
public sealed class AdminBills(IDbContextFactory<ShopDbContext> dbs, PayModeRegistry registry, TimeProvider clock)
{
    public static readonly NotificationVerdict[] FailureVerdicts =
        [NotificationVerdict.BadSignature, NotificationVerdict.Mismatch, NotificationVerdict.Malformed, NotificationVerdict.UnknownTransaction];

    public async Task<BillPage> SearchAsync(BillFilter filter, int page, int pageSize, BillSort sort = BillSort.CreatedAt, bool descending = true, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = Filter(db.Bills.AsNoTracking(), filter);
        if (filter.State is { } state)
            query = query.Where(b => b.State == state);
        var total = await query.CountAsync(ct);
        query = (sort, descending) switch
        {
            (BillSort.Total, false) => query.OrderBy(b => b.Total).ThenBy(b => b.Id),
            (BillSort.Total, true) => query.OrderByDescending(b => b.Total).ThenByDescending(b => b.Id),
            (BillSort.State, false) => query.OrderBy(b => b.State).ThenByDescending(b => b.Id),
            (BillSort.State, true) => query.OrderByDescending(b => b.State).ThenByDescending(b => b.Id),
            (BillSort.PayMode, false) => query.OrderBy(PayModeNameRank()).ThenByDescending(b => b.Id),
            (BillSort.PayMode, true) => query.OrderByDescending(PayModeNameRank()).ThenByDescending(b => b.Id),
            (BillSort.Customer, false) => query.OrderBy(b => b.Customer.LastName).ThenBy(b => b.Customer.FirstName).ThenBy(b => b.Id),
            (BillSort.Customer, true) => query.OrderByDescending(b => b.Customer.LastName).ThenByDescending(b => b.Customer.FirstName).ThenByDescending(b => b.Id),
            (_, false) => query.OrderBy(b => b.Id),
            _ => query.OrderByDescending(b => b.Id),
        };
        var items = await Rows(query.Skip(Math.Max(0, page) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new BillPage(items, total);
    }

    /// <summary>How many bills match the filter in each state (the filter's own state is ignored, for the tabs).</summary>
    public async Task<IReadOnlyDictionary<BillState, int>> CountByStateAsync(BillFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await Filter(db.Bills.AsNoTracking(), filter).GroupBy(b => b.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.State, c => c.Count);
    }

    public async Task<BillDetail?> DetailAsync(string reference, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var bill = await db.Bills.AsNoTracking().AsSplitQuery()
            .Include(b => b.Customer).Include(b => b.Items).Include(b => b.Attempts)
            .SingleOrDefaultAsync(b => b.Reference == reference, ct);
        if (bill is null)
            return null;
        var trace = await db.BillTraces.AsNoTracking().Where(t => t.BillId == bill.Id).OrderBy(t => t.Id)
            .Select(t => new TraceRow(t.Id, t.At, reference, t.Who, t.What, t.FromState, t.ToState, t.PayMode, t.Data)).ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.BillReference == reference).OrderByDescending(n => n.Id).ToListAsync(ct);
        return new BillDetail(ToView(bill), [.. trace.Select(Redacted)], [.. notifications.Select(ToRow)]);
    }

    public async Task<(IReadOnlyList<TraceRow> Items, int TotalCount)> TraceAsync(TraceFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = from t in db.BillTraces.AsNoTracking()
                    join b in db.Bills.AsNoTracking() on t.BillId equals b.Id
                    select new { Trace = t, b.Reference };
        if (!string.IsNullOrWhiteSpace(filter.Reference))
        {
            var reference = filter.Reference.Trim();
            query = query.Where(x => x.Reference.StartsWith(reference)
                || db.PaymentAttempts.Any(a => a.BillId == x.Trace.BillId && (a.Reference.StartsWith(reference) || a.ProviderReference.StartsWith(reference)
                    || (a.PaidTransactionId != null && a.PaidTransactionId.StartsWith(reference)))));
        }
        if (!string.IsNullOrWhiteSpace(filter.PayMode))
            query = query.Where(x => x.Trace.PayMode == filter.PayMode);
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(x => x.Trace.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(x => x.Trace.At < end);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(x => x.Trace.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(x => new TraceRow(x.Trace.Id, x.Trace.At, x.Reference, x.Trace.Who, x.Trace.What, x.Trace.FromState, x.Trace.ToState, x.Trace.PayMode, x.Trace.Data))
            .ToListAsync(ct);
        return ([.. rows.Select(Redacted)], total);
    }

    public async Task<DashboardSummary> DashboardAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = await dbs.CreateDbContextAsync(ct);
        // A bill counts on the day it was paid: its first trace line into SOLDOUT or PARTIAL.
        var paid = await (from t in db.BillTraces.AsNoTracking()
                          where (t.ToState == BillState.SoldOut || t.ToState == BillState.Partial) && t.At >= month
                          join b in db.Bills.AsNoTracking() on t.BillId equals b.Id
                          select new { b.Id, b.Currency, b.PaidAmount, t.At }).ToListAsync(ct);
        var firstPayment = paid.GroupBy(p => p.Id).Select(g => g.OrderBy(p => p.At).First()).ToList();
        IReadOnlyList<PaidTotal> Totals(DateTime since) => [.. firstPayment.Where(p => p.At >= since).GroupBy(p => p.Currency)
            .Select(g => new PaidTotal(g.Key, g.Sum(p => p.PaidAmount), g.Count())).OrderBy(t => t.Currency, StringComparer.Ordinal)];

        var deferred = registry.All.Where(m => m.Kind == PayModeKind.Deferred).Select(m => m.Code).ToList();
        var waiting = await Rows(db.Bills.AsNoTracking().Where(b => b.State == BillState.Pending && deferred.Contains(b.PayMode)).OrderBy(b => b.Id).Take(20)).ToListAsync(ct);
        var failures = await db.Notifications.AsNoTracking().Where(n => FailureVerdicts.Contains(n.Verdict))
            .OrderByDescending(n => n.Id).Take(10).ToListAsync(ct);
        return new DashboardSummary(Totals(today), Totals(month), waiting, [.. failures.Select(ToRow)]);
    }

    private static IQueryable<Bill> Filter(IQueryable<Bill> query, BillFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.PayMode))
            query = query.Where(b => b.PayMode == filter.PayMode);
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(b => b.CreatedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(b => b.CreatedAt < end);
        }
        if (filter.FlaggedOnly)
            query = query.Where(b => b.Flagged);
        if (!string.IsNullOrWhiteSpace(filter.Text) && PaymentReferenceSearch(filter.Text) is { } rf)
        {
            // A payment reference as a payer quotes it (spaces, any case): that bill, whatever else matches the text.
            var number = BillNumbers.NumberOf(rf) ?? "";
            query = query.Where(b => b.PaymentReference == rf || b.Number == number);
        }
        else if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = $"%{EscapeLike(filter.Text.Trim())}%";
            query = query.Where(b => EF.Functions.Like(b.Reference, pattern, "\\")
                || EF.Functions.Like(b.Number, pattern, "\\")
                || EF.Functions.Like(b.Customer.FirstName + " " + b.Customer.LastName, pattern, "\\")
                || EF.Functions.Like(b.Customer.Email, pattern, "\\"));
        }
        return query;
    }

    /// <summary>
    /// A bill's pay mode ranked by the name the grid shows, as a CASE the database sorts on: codes sort apart from
    /// their names (a code need not sort where its name does). A code no longer registered ranks last.
    /// </summary>
    private Expression<Func<Bill, int>> PayModeNameRank()
    {
        var bill = Expression.Parameter(typeof(Bill), "b");
        var code = Expression.Property(bill, nameof(Bill.PayMode));
        var byName = registry.All.OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        Expression rank = Expression.Constant(byName.Count);
        for (var i = byName.Count - 1; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(code, Expression.Constant(byName[i].Code)), Expression.Constant(i), rank);
        return Expression.Lambda<Func<Bill, int>>(rank, bill);
    }

    private static AdminBillView ToView(Bill b)
    {
        var c = b.Customer;
        return new AdminBillView(b.Reference, b.State, b.Total, b.PaidAmount, b.Currency, b.PayMode, b.CreatedAt, b.UpdatedAt, b.Flagged, b.FlagReason,
            new BillCustomer(c.FirstName, c.LastName, c.Email, c.Address, c.Zip, c.City, c.Country),
            [.. b.Items.OrderBy(i => i.LineNo).Select(i => new BillLine(i.LineNo, i.Sku, i.Name, i.UnitPrice, i.Quantity, i.LineTotal))],
            [.. b.Attempts.OrderBy(a => a.Id).Select(a => new AttemptRow(a.CreatedAt, a.PayMode, a.ProviderReference))])
        {
            Number = b.Number,
            PaymentReference = b.PaymentReference,
            HasShippedGoods = b.Items.Any(i => i.Shipped),
            ShippedAt = b.ShippedAt,
        };
    }

    private static IQueryable<BillRow> Rows(IQueryable<Bill> query) => query.Select(b => new BillRow(
        b.Reference, b.CreatedAt, b.Customer.FirstName + " " + b.Customer.LastName, b.Customer.Email,
        b.Total, b.PaidAmount, b.Currency, b.State, b.PayMode, b.Flagged, b.FlagReason)
    {
        Number = b.Number,
        PaymentReference = b.PaymentReference,
    });

    /// <summary>The compact form of <paramref name="text"/> when it is a valid ISO 11649 reference (any case, spaces allowed).</summary>
    private static string? PaymentReferenceSearch(string text) =>
        CreditorReference.IsValid(text) ? CreditorReference.Compact(text) : null;

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static TraceRow Redacted(TraceRow row) => row with { Data = row.Data is null ? null : NotificationRedactor.Redact(row.Data) };

    private static NotificationRow ToRow(NotificationRecord n) => new(n.Id, n.ReceivedAt, n.PayMode, n.Method, n.ContentType, n.RemoteIp,
        n.Verdict, n.Detail is null ? null : NotificationRedactor.MaskDigits(n.Detail), n.BillReference,
        n.BodyIsBase64 ? $"(binary body, {n.BodyLength} bytes)" : NotificationRedactor.Redact(n.Body, n.ContentType), n.BodyLength, n.Truncated,
        string.IsNullOrEmpty(n.QueryString) ? null : NotificationRedactor.Redact(n.QueryString.TrimStart('?')),
        n.Headers is null ? null : string.Join('\n', JournalHeaders.Deserialize(n.Headers).Select(h =>
            $"{h.Key}: {(NotificationRedactor.IsSensitiveName(h.Key) ? NotificationRedactor.Hidden : NotificationRedactor.MaskDigits(h.Value))}")),
        n.BodyBounded ? n.BodySha256 : null);
}
