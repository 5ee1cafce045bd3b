using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core;

namespace Shop.PayModes.Check;

/// <summary>Payment by cheque: the buyer mails it; an admin confirms receipt from the dashboard.</summary>
public sealed class CheckPayMode : PayMode<CheckSettings, CheckSelector, CheckSettingsForm>
{
    public override string Code => "check";

    public override string Name => "Cheque";

    public override string Description => "Send a cheque by post. Your order is delivered when it arrives.";

    public override PayModeKind Kind => PayModeKind.Deferred;

    public override Type? BillPanelComponent => typeof(CheckBillPanel);

    public override void MapEndpoints(IEndpointRouteBuilder group) => group.MapDeferred(this);
}
