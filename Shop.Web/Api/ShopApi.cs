using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.PayModes.Core;
using Shop.Web.Bills;
using Shop.Web.Checkout;
using Shop.Web.Data;
using Shop.Web.Hosting;

namespace Shop.Web.Api;

public sealed record ProductDto(string Sku, string Name, long Price, string Currency);

public sealed record BillDto(string Reference, string State, long Total, long PaidAmount, string Currency, string PayMode)
{
    /// <summary>The order number people quote (<c>2026-000123</c>).</summary>
    public string Number { get; init; } = "";

    /// <summary>The ISO 11649 reference a deferred payment quotes (compact); absent for other modes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PaymentReference { get; init; }
}

/// <summary>The public JSON API of docs/interfaces.md.</summary>
public static class ShopApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    public static IEndpointRouteBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").DisableAntiforgery();
        api.MapGet("/products", GetProducts);
        api.MapPost("/checkout", PostCheckout).LimitPerClient(ClientRateLimit.Checkout);
        api.MapGet("/bills/{reference}", GetBill);
        app.MapShopHealth();
        return app;
    }

    private static async Task<Ok<ProductDto[]>> GetProducts(ProductCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ActiveAsync(ct: ct)).Select(p => new ProductDto(p.Sku, p.Name, p.Price, p.Currency)).ToArray());

    private static async Task<Results<Created<CheckoutResult>, ValidationProblem, ProblemHttpResult>> PostCheckout(
        HttpContext http, CheckoutService checkout, CheckoutGate gate)
    {
        var ct = http.RequestAborted;
        if (gate.StorageRefusal() is { } full)
        {
            http.Response.Headers.RetryAfter = NotificationAnswers.RetryAfterSeconds(FreeDiskGuard.RetryAfter);
            return TypedResults.Problem(title: "Not taking orders for now", detail: full, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(title: "Unsupported content type", detail: "Send the order as application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, extensions: Field("body"));

        var body = await ReadLimitedAsync(http.Request.Body, CheckoutLimits.MaxBodyBytes, ct);
        if (body is null)
            return TypedResults.Problem(title: "Request too large", detail: $"An order body is at most {CheckoutLimits.MaxBodyBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge, extensions: Field("body"));

        CheckoutRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CheckoutRequest>(body, Json);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = ["This is not valid JSON for an order."] },
                title: "Malformed order");
        }
        if (request is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send an order object."] }, title: "Malformed order");

        var outcome = await checkout.PlaceAsync(request, http.User.IsInRole(PaymentHandover.AdminRole), ct: ct);
        return outcome.Result is { } result
            ? TypedResults.Created($"/api/bills/{Uri.EscapeDataString(result.Reference)}", result)
            : TypedResults.ValidationProblem(outcome.Errors, title: "The order is not valid");
    }

    private static async Task<Results<Ok<BillDto>, ProblemHttpResult>> GetBill(string reference, IBillGateway bills, CancellationToken ct)
    {
        var bill = reference.Length <= 64 ? await bills.FindAsync(reference, ct) : null;
        return bill is null
            ? TypedResults.Problem(title: "Unknown bill", detail: "No bill has this reference.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new BillDto(bill.Reference, bill.State.ToWire(), bill.Total, bill.PaidAmount, bill.Currency, bill.PayMode)
            {
                Number = bill.Number,
                PaymentReference = bill.PaymentReference,
            });
    }

    /// <summary>"$.items[0].quantity" → "items[0].quantity"; the body itself when the path is unknown.</summary>
    internal static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    private static Dictionary<string, object?> Field(string name) => new() { ["field"] = name };

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
