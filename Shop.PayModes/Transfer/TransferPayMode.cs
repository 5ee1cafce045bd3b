using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core;

namespace Shop.PayModes.Transfer;

/// <summary>Payment by bank wire: the buyer transfers; an admin confirms receipt from the dashboard.</summary>
public sealed class TransferPayMode : PayMode<TransferSettings, TransferSelector, TransferSettingsForm, TransferBillPanel>, IPayModeRegistration
{
    /// <summary>Nothing besides the mode itself.</summary>
    public static void Register(PayModeBuilder mode)
    {
    }

    public override string Code => "transfer";

    public override string Name => "Bank transfer";

    public override string Description => "Wire the amount from your bank. Your order is delivered when the money arrives.";

    public override PayModeKind Kind => PayModeKind.Deferred;

    public override void MapEndpoints(IEndpointRouteBuilder group) => group.MapDeferred(this);

    /// <summary>The buyer's words while the transfer is awaited; the rest are the shop's (<see cref="BuyerStatusWords"/>).</summary>
    public override StatusWords DescribeStatus(BillView bill) => bill.State switch
    {
        BillState.Placed or BillState.Pending => new(StatusTone.Info, "Awaiting transfer", "Awaiting your transfer",
            "Your order is confirmed. Make the transfer as shown below, with the reference; we deliver as soon as the money arrives."),
        _ => base.DescribeStatus(bill),
    };
}
