using Shop.PayModes.Core;
using Shop.Web.Data;

namespace Shop.Web.Bills;

/// <summary>One move of one bill, as its trace line records it: who moved it from where to where, and why.</summary>
/// <param name="Data">The raw message behind the move (a notification's summary), kept in the trace.</param>
/// <param name="PaidAmount">Set with the move when the move records a payment.</param>
public sealed record BillTransition(int BillId, string Reference, string PayMode, BillState From, BillState To, Actor Who, string Why,
    string? Data = null, long? PaidAmount = null)
{
    public static BillTransition Of(Bill bill, BillState from, BillState to, Actor who, string why) =>
        new(bill.Id, bill.Reference, bill.PayMode, from, to, who, why);
}
