namespace Shop.PayModes.Core;

/// <summary>The bill lifecycle of the original shop (docs/lifecycle.md); admins know these names.</summary>
public enum BillState
{
    Working,
    Placed,
    Pending,
    PreProd,
    SoldOut,
    Partial,
    Complete,
    Payback,
    Failed,
    Refused,
    Cancelled,
}

public static class BillStates
{
    /// <summary>The upper-case name used in JSON, the database and the trace (<c>SOLDOUT</c>).</summary>
    public static string ToWire(this BillState state) => state.ToString().ToUpperInvariant();

    public static bool TryParse(string? wire, out BillState state) =>
        Enum.TryParse(wire, ignoreCase: true, out state) && Enum.IsDefined(state);

    public static BillState Parse(string wire) =>
        TryParse(wire, out var state) ? state : throw new FormatException($"Unknown bill state '{wire}'.");

    /// <summary>Money has been received (the bill may still await delivery).</summary>
    public static bool IsPaid(this BillState state) => state is BillState.SoldOut or BillState.Complete;

    /// <summary>The payment did not go through: the buyer may retry with the same cart.</summary>
    public static bool IsUnsuccessful(this BillState state) =>
        state is BillState.Failed or BillState.Refused or BillState.Cancelled;
}
