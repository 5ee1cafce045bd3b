using Shop.Web.Data;

namespace Shop.Web.Fulfilment;

public sealed record FulfilmentContext(string BillReference, BillItem Line, Customer Customer);

/// <summary>
/// Delivers one kind of product, in the two phases of docs/lifecycle.md: before payment, when the order is
/// confirmed (e.g. create the customer's account), and after payment, exactly once (the real delivery).
/// Each returns a note for the delivery record, which is marked done only after the handler returned.
/// Handlers must be idempotent (e.g. keyed on the bill reference and line number): if the shop stops between the
/// handler's work and that mark, or a handler runs past <see cref="FulfilmentService.ClaimLease"/>, the line is
/// run again. Throwing leaves the line undone, to be retried by the recovery sweep.
/// </summary>
public interface IFulfilmentHandler
{
    /// <summary>Matched against <see cref="Product.FulfilmentHandler"/>.</summary>
    string Name { get; }

    Task<string> BeforePaymentAsync(FulfilmentContext context, CancellationToken ct);

    Task<string> AfterPaymentAsync(FulfilmentContext context, CancellationToken ct);
}

/// <summary>Records the delivery; a shop with real goods plugs its own handler in beside it.</summary>
public sealed class DefaultFulfilmentHandler : IFulfilmentHandler
{
    public string Name => "default";

    public Task<string> BeforePaymentAsync(FulfilmentContext context, CancellationToken ct) =>
        Task.FromResult($"Reserved {context.Line.Quantity} × {context.Line.Name} for {context.Customer.Email}");

    public Task<string> AfterPaymentAsync(FulfilmentContext context, CancellationToken ct) =>
        Task.FromResult($"Delivered {context.Line.Quantity} × {context.Line.Name} to {context.Customer.Email}");
}
