using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Shop.PayModes.Core;
using Shop.Web.Bills;

namespace Shop.Web.Admin;

public sealed record AdminProductDto(string Sku, string Name, string Description, string Price, long Amount, string Currency, bool Active, bool Shipped)
{
    public static AdminProductDto Of(AdminProduct p) => new(p.Sku, p.Name, p.Description, p.PriceText, p.Price, p.Currency, p.Active, p.Shipped);
}

/// <summary>A product as sent to <c>POST</c>/<c>PUT /admin/api/products</c>: <c>price</c> in major units, as a string ("19.90") or a JSON number.</summary>
public sealed record ProductBody(string? Sku, string? Name, string? Description, JsonElement Price, string? Currency, bool? Active, bool? Shipped);

public sealed record ShipBody(string? Note);

public sealed record ShipAnswer(string Reference, string Result, string State, DateTime? ShippedAt);

/// <summary>
/// The administrators' JSON writes (docs/interfaces.md): the catalogue and "mark shipped". Bodies are JSON only: a
/// cross-site HTML form can send neither that content type nor (SameSite=Lax) the admin's cookie, so no form works.
/// </summary>
public static class AdminWriteApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A product body is small: a description is at most 2000 characters.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapAdminWrites(this RouteGroupBuilder api)
    {
        api.MapGet("/products", GetProducts);
        api.MapGet("/products/{sku}", GetProduct);
        api.MapPost("/products", PostProduct).DisableAntiforgery();
        api.MapPut("/products/{sku}", PutProduct).DisableAntiforgery();
        api.MapPost("/bills/{reference}/ship", PostShip).DisableAntiforgery();
        return api;
    }

    private static async Task<Ok<AdminProductDto[]>> GetProducts(ProductAdmin products, CancellationToken ct) =>
        TypedResults.Ok((await products.ListAsync(ct)).Select(AdminProductDto.Of).ToArray());

    private static async Task<Results<Ok<AdminProductDto>, ProblemHttpResult>> GetProduct(ProductAdmin products, string sku, CancellationToken ct) =>
        await products.FindAsync(sku, ct) is { } product ? TypedResults.Ok(AdminProductDto.Of(product)) : UnknownProduct(sku);

    private static async Task<IResult> PostProduct(HttpContext http, ProductAdmin products)
    {
        var (body, refusal) = await ReadAsync<ProductBody>(http, "product");
        if (body is null)
            return refusal!;
        if (PriceText(body.Price) is { Error: { } bad })
            return Invalid("price", bad);
        var input = new ProductInput(body.Sku, body.Name, body.Description, PriceText(body.Price).Text, body.Currency, body.Active ?? true, body.Shipped ?? false);
        var result = await products.CreateAsync(input, Who(http.User), http.RequestAborted);
        return result.Status switch
        {
            ProductSaveStatus.Saved => TypedResults.Created($"/admin/api/products/{Uri.EscapeDataString(result.Product!.Sku)}", AdminProductDto.Of(result.Product)),
            ProductSaveStatus.DuplicateSku => TypedResults.Problem(title: "Duplicate SKU", detail: result.Errors["sku"][0], statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(result.Errors, title: "The product is not valid"),
        };
    }

    /// <summary>Changes a product; a field left out keeps its value (so <c>{"active": false}</c> takes it off sale).</summary>
    private static async Task<IResult> PutProduct(HttpContext http, ProductAdmin products, string sku)
    {
        var (body, refusal) = await ReadAsync<ProductBody>(http, "product");
        if (body is null)
            return refusal!;
        if (PriceText(body.Price) is { Error: { } bad })
            return Invalid("price", bad);
        var current = await products.FindAsync(sku, http.RequestAborted);
        if (current is null)
            return UnknownProduct(sku);
        var currency = body.Currency ?? current.Currency;
        var price = PriceText(body.Price).Text
            // The price kept as it is, re-read in the currency it was set in (a currency change without a price is refused below).
            ?? (string.Equals(currency, current.Currency, StringComparison.OrdinalIgnoreCase) ? current.PriceText : null);
        if (price is null)
            return Invalid("price", "Changing the currency needs the price in the new currency.");
        var input = new ProductInput(body.Sku, body.Name ?? current.Name, body.Description ?? current.Description, price, currency,
            body.Active ?? current.Active, body.Shipped ?? current.Shipped);
        var result = await products.UpdateAsync(sku, input, Who(http.User), http.RequestAborted);
        return result.Status switch
        {
            ProductSaveStatus.Saved => TypedResults.Ok(AdminProductDto.Of(result.Product!)),
            ProductSaveStatus.NotFound => UnknownProduct(sku),
            _ => TypedResults.ValidationProblem(result.Errors, title: "The product is not valid"),
        };
    }

    /// <summary>Marks a paid bill's shipped goods as sent, exactly once: a repeat answers 200 with <c>alreadyShipped</c>.</summary>
    private static async Task<IResult> PostShip(HttpContext http, BillService bills, BillQueries queries, string reference)
    {
        var (body, refusal) = await ReadAsync<ShipBody>(http, "request");
        if (body is null)
            return refusal!;
        if (body.Note is { Length: > 500 })
            return Invalid("note", "A note is at most 500 characters.");
        var result = reference.Length <= 64 ? await bills.MarkShippedAsync(reference, Actor.Admin(Who(http.User)), body.Note, http.RequestAborted) : ShipResult.NotFound;
        if (result == ShipResult.NotFound)
            return TypedResults.Problem(title: "Unknown bill", detail: "No bill has this reference.", statusCode: StatusCodes.Status404NotFound);
        if (result is ShipResult.NothingToShip or ShipResult.NotPaid)
            return TypedResults.Problem(title: "Cannot mark shipped", statusCode: StatusCodes.Status409Conflict,
                detail: result == ShipResult.NothingToShip ? "This bill holds no shipped goods." : "Only a paid bill can be marked shipped.");
        var bill = (await queries.FindAsync(reference, http.RequestAborted))!;
        return TypedResults.Ok(new ShipAnswer(bill.Reference, result == ShipResult.Shipped ? "shipped" : "alreadyShipped", bill.State.ToWire(), bill.ShippedAt));
    }

    private static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static ProblemHttpResult UnknownProduct(string sku) =>
        TypedResults.Problem(title: "Unknown product", detail: $"There is no product '{sku}'.", statusCode: StatusCodes.Status404NotFound);

    private static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] }, title: "The request is not valid");

    /// <summary>The price as typed: a JSON string, or a JSON number read from its text (never through a double).</summary>
    private static (string? Text, string? Error) PriceText(JsonElement price) => price.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => (null, null),
        JsonValueKind.String => (price.GetString(), null),
        JsonValueKind.Number => (price.GetRawText(), null),
        _ => (null, "Give the price as an amount in major units, e.g. \"19.90\"."),
    };

    private static async Task<(T? Body, IResult? Refusal)> ReadAsync<T>(HttpContext http, string what) where T : class
    {
        if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, TypedResults.Problem(title: "Unsupported content type", detail: $"Send the {what} as application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return (null, TypedResults.Problem(title: "Request too large", detail: $"A {what} body is at most {MaxBodyBytes} bytes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge));
            buffer.Write(chunk, 0, read);
        }
        try
        {
            if (JsonSerializer.Deserialize<T>(buffer.ToArray(), Json) is { } body)
                return (body, null);
        }
        catch (JsonException ex)
        {
            return (null, Invalid(Api.ShopApi.FieldOf(ex.Path), $"This is not valid JSON for a {what}."));
        }
        return (null, Invalid("body", $"Send a {what} object."));
    }
}
