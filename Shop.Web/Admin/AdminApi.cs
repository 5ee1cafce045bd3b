using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.PayModes.Core;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Web.Admin;

public sealed record AdminPayModeDto(string Code, string Name, string Kind, bool Enabled, int SortOrder, bool IsDefault, bool Configured,
    IReadOnlyList<string> Problems, IReadOnlyDictionary<string, string> Secrets);

public sealed record AdminBillDto(string Reference, DateTime CreatedAt, string Customer, string Email, long Total, long PaidAmount,
    string Currency, string State, string PayMode, bool Flagged, string? FlagReason)
{
    /// <summary>The order number (<c>2026-000123</c>).</summary>
    public string Number { get; init; } = "";

    /// <summary>The ISO 11649 reference (compact) a deferred payment quotes; absent for other modes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PaymentReference { get; init; }
}

public sealed record AdminBillPageDto(IReadOnlyList<AdminBillDto> Items, int TotalCount);

/// <summary>JSON for scripts of shop owners (the writes are in <see cref="AdminWriteApi"/>), under <c>/admin/api</c>; administrators only, secrets never included.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/api").RequireAuthorization(ShopIdentity.AdminPolicy);
        api.MapGet("/paymodes", GetPayModes);
        api.MapGet("/bills", GetBills);
        api.MapGet("/bills/{reference}/trace", GetTrace);
        api.MapAdminWrites();
        return app;
    }

    private static async Task<Ok<AdminPayModeDto[]>> GetPayModes(PayModeAdmin admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.ListAsync(ct)).Select(o => new AdminPayModeDto(o.Mode.Code, o.Mode.Name, o.Mode.Kind.ToString(),
            o.Config.Enabled, o.Config.SortOrder, o.Config.IsDefault, o.Configured, o.Problems, PayModeSecrets.Describe(o.Config.Settings))).ToArray());

    private static async Task<Results<Ok<AdminBillPageDto>, ValidationProblem>> GetBills(
        AdminBills bills, string? state, string? payMode, DateOnly? from, DateOnly? to, string? q, int page = 0, int pageSize = 50, CancellationToken ct = default)
    {
        BillState? parsed = null;
        if (state is { Length: > 0 })
        {
            if (!BillStates.TryParse(state, out var s))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"Unknown state '{state}'."] });
            parsed = s;
        }
        var result = await bills.SearchAsync(new BillFilter(parsed, payMode, from, to, q), page, Math.Clamp(pageSize, 1, 500), ct: ct);
        return TypedResults.Ok(new AdminBillPageDto([.. result.Items.Select(b => new AdminBillDto(b.Reference, b.CreatedAt, b.CustomerName, b.CustomerEmail,
            b.Total, b.PaidAmount, b.Currency, b.State.ToWire(), b.PayMode, b.Flagged, b.FlagReason)
        {
            Number = b.Number,
            PaymentReference = b.PaymentReference,
        })], result.TotalCount));
    }

    private static async Task<Results<Ok<TraceRow[]>, NotFound>> GetTrace(AdminBills bills, string reference, CancellationToken ct) =>
        await bills.DetailAsync(reference, ct) is { } detail ? TypedResults.Ok(detail.Trace.ToArray()) : TypedResults.NotFound();
}
