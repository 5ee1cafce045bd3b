using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core;

namespace Shop.PayModes.Check;

/// <summary>Payment by cheque: the buyer mails it; an admin confirms receipt from the dashboard.</summary>
public sealed class CheckPayMode : PayMode<CheckSettings, CheckSelector, CheckSettingsForm, CheckBillPanel>, IPayModeRegistration
{
    /// <summary>Nothing besides the mode itself.</summary>
    public static void Register(PayModeBuilder mode)
    {
    }

    public override string Code => "check";

    public override string Name => "Cheque";

    public override string Description => "Send a cheque by post. Your order is delivered when it arrives.";

    public override PayModeKind Kind => PayModeKind.Deferred;

    public override void MapEndpoints(IEndpointRouteBuilder group) => group.MapDeferred(this);

    /// <summary>The buyer's words while the cheque is awaited; the rest are the shop's (<see cref="BuyerStatusWords"/>).</summary>
    public override StatusWords DescribeStatus(BillView bill) => bill.State switch
    {
        BillState.Placed or BillState.Pending => new(StatusTone.Info, "Awaiting cheque", "Awaiting your cheque",
            "Your order is confirmed. Post your cheque as shown below; we deliver as soon as it arrives."),
        _ => base.DescribeStatus(bill),
    };
}
