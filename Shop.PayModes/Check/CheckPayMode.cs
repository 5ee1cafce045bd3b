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
}
