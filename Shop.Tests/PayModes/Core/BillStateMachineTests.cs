using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

public sealed class BillStateMachineTests
{
    private static readonly BillStateMachine Machine = BillStateMachine.Default;

    public static TheoryData<BillState, BillState> AllowedEdges => new()
    {
        { BillState.Placed, BillState.Pending }, { BillState.Placed, BillState.PreProd }, { BillState.Placed, BillState.SoldOut },
        { BillState.Placed, BillState.Cancelled }, { BillState.Placed, BillState.Failed }, { BillState.Placed, BillState.Refused },
        { BillState.Working, BillState.Placed }, { BillState.Working, BillState.Pending }, { BillState.Working, BillState.Partial },
        { BillState.Working, BillState.Cancelled },
        { BillState.Pending, BillState.Cancelled }, { BillState.Pending, BillState.Refused }, { BillState.Pending, BillState.SoldOut },
        { BillState.Pending, BillState.Failed }, { BillState.Pending, BillState.Partial },
        { BillState.PreProd, BillState.Complete }, { BillState.PreProd, BillState.Partial },
        { BillState.Partial, BillState.Complete }, { BillState.Partial, BillState.Payback },
        { BillState.SoldOut, BillState.Complete }, { BillState.SoldOut, BillState.Payback },
        { BillState.Complete, BillState.Payback },
        { BillState.Refused, BillState.Pending }, { BillState.Refused, BillState.SoldOut },
        { BillState.Failed, BillState.Cancelled }, { BillState.Failed, BillState.SoldOut },
        { BillState.Payback, BillState.Cancelled },
    };

    [Theory]
    [MemberData(nameof(AllowedEdges))]
    public void Every_edge_of_the_original_table_is_allowed(BillState from, BillState to) => Assert.True(Machine.CanMove(from, to));

    [Fact]
    public void The_table_holds_exactly_those_edges() => Assert.Equal(AllowedEdges.Count, Machine.AllEdges.Count);

    [Theory]
    [InlineData(BillState.Complete, BillState.Placed)]
    [InlineData(BillState.Complete, BillState.SoldOut)]
    [InlineData(BillState.Cancelled, BillState.SoldOut)]
    [InlineData(BillState.Cancelled, BillState.Placed)]
    [InlineData(BillState.Placed, BillState.Complete)]
    [InlineData(BillState.Pending, BillState.Complete)]
    [InlineData(BillState.SoldOut, BillState.Placed)]
    [InlineData(BillState.Refused, BillState.Cancelled)]
    [InlineData(BillState.Payback, BillState.SoldOut)]
    [InlineData(BillState.Placed, BillState.Placed)]
    public void Edges_outside_the_table_are_refused(BillState from, BillState to) => Assert.False(Machine.CanMove(from, to));

    [Fact]
    public void A_cancelled_bill_has_no_way_out_and_a_complete_one_only_a_refund()
    {
        Assert.Empty(Machine.Next(BillState.Cancelled));
        Assert.Equal([BillState.Payback], Machine.Next(BillState.Complete));
    }

    [Fact]
    public void Next_lists_the_allowed_targets_in_state_order() =>
        Assert.Equal([BillState.Complete, BillState.Payback], Machine.Next(BillState.SoldOut));

    [Fact]
    public void A_machine_built_from_another_table_follows_that_table()
    {
        var custom = new BillStateMachine([new BillTransitionEdge(BillState.Cancelled, BillState.Placed)]);
        Assert.True(custom.CanMove(BillState.Cancelled, BillState.Placed));
        Assert.False(custom.CanMove(BillState.Placed, BillState.SoldOut));
    }

    [Theory]
    [InlineData(BillState.SoldOut, "SOLDOUT")]
    [InlineData(BillState.PreProd, "PREPROD")]
    [InlineData(BillState.Complete, "COMPLETE")]
    public void States_have_the_original_upper_case_names(BillState state, string wire)
    {
        Assert.Equal(wire, state.ToWire());
        Assert.Equal(state, BillStates.Parse(wire));
    }

    [Fact]
    public void An_unknown_state_name_does_not_parse()
    {
        Assert.False(BillStates.TryParse("PAID", out _));
        Assert.False(BillStates.TryParse("42", out _));
        Assert.Throws<FormatException>(() => BillStates.Parse("nope"));
    }
}
