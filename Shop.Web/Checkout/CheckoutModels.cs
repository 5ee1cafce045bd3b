using System.Text.Json.Serialization;
using Shop.PayModes.Core;

namespace Shop.Web.Checkout;

public sealed record CheckoutItem(string? Sku, int Quantity);

public sealed record CheckoutCustomer(string? FirstName, string? LastName, string? Email, string? Address, string? Zip, string? City, string? Country);

/// <summary>The body of <c>POST /api/checkout</c>, also what the checkout page submits.</summary>
public sealed record CheckoutRequest(IReadOnlyList<CheckoutItem>? Items, CheckoutCustomer? Customer, string? PayMode);

public sealed record CheckoutResult(string Reference, string State, long Total, string Currency, string PayMode, string PayUrl)
{
    /// <summary>The order number people quote (<c>2026-000123</c>).</summary>
    public string Number { get; init; } = "";

    /// <summary>The ISO 11649 reference a deferred payment quotes (compact); absent for other modes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PaymentReference { get; init; }
}

/// <summary>Either a placed order or the problems, keyed by the JSON path of the bad field.</summary>
public sealed record CheckoutOutcome(CheckoutResult? Result, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Result is not null;
}

public sealed record PricedLine(string Sku, string Name, long UnitPrice, int Quantity, string FulfilmentHandler, bool Shipped = false)
{
    public long LineTotal => checked(UnitPrice * Quantity);
}

/// <summary>What the buyer gave last time, to refill the checkout after a failed or cancelled payment.</summary>
public sealed record CheckoutDraft(IReadOnlyList<CheckoutItem> Items, CheckoutCustomer Customer, string PayMode);

public static class CheckoutLimits
{
    public const int MaxQuantity = 999;
    public const int MaxLines = 100;
    public const int MaxBodyBytes = 64 * 1024;
}
