namespace Shop.PayModes.Core;

public readonly record struct BillTransitionEdge(BillState From, BillState To);

/// <summary>
/// Allowed bill transitions as data. The default table is the original shop's, plus
/// PENDING → PARTIAL (a cheque or transfer received for another amount than the total) and
/// COMPLETE → PAYBACK (every paid bill ends in COMPLETE here, and a refund must still be recorded).
/// The web project seeds it into the database; the machine is built from whatever table it is given.
/// </summary>
public sealed class BillStateMachine
{
    public static readonly IReadOnlyList<BillTransitionEdge> DefaultEdges = Edges(
        (BillState.Placed, [BillState.Pending, BillState.PreProd, BillState.SoldOut, BillState.Cancelled, BillState.Failed, BillState.Refused]),
        (BillState.Working, [BillState.Placed, BillState.Pending, BillState.Partial, BillState.Cancelled]),
        (BillState.Pending, [BillState.Cancelled, BillState.Refused, BillState.SoldOut, BillState.Failed, BillState.Partial]),
        (BillState.PreProd, [BillState.Complete, BillState.Partial]),
        (BillState.Partial, [BillState.Complete, BillState.Payback]),
        (BillState.SoldOut, [BillState.Complete, BillState.Payback]),
        (BillState.Complete, [BillState.Payback]),
        (BillState.Refused, [BillState.Pending, BillState.SoldOut]),
        (BillState.Failed, [BillState.Cancelled, BillState.SoldOut]),
        (BillState.Payback, [BillState.Cancelled]));

    public static BillStateMachine Default { get; } = new(DefaultEdges);

    private readonly HashSet<BillTransitionEdge> _edges;

    public BillStateMachine(IEnumerable<BillTransitionEdge> edges) => _edges = [.. edges];

    public IReadOnlyCollection<BillTransitionEdge> AllEdges => _edges;

    public bool CanMove(BillState from, BillState to) => _edges.Contains(new(from, to));

    public IReadOnlyList<BillState> Next(BillState from) =>
        [.. _edges.Where(e => e.From == from).Select(e => e.To).Order()];

    private static BillTransitionEdge[] Edges(params (BillState From, BillState[] To)[] table) =>
        [.. table.SelectMany(row => row.To.Select(to => new BillTransitionEdge(row.From, to)))];
}
