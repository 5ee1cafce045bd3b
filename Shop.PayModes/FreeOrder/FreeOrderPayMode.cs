using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core;

namespace Shop.PayModes.FreeOrder;

public sealed class FreeOrderSettings : PayModeSettings;

/// <summary>Zero-amount orders: the only mode offered, and chosen automatically, when the total is 0.</summary>
public sealed class FreeOrderPayMode : PayMode<FreeOrderSettings, FreeOrderSelector, FreeOrderSettingsForm>, IPayModeRegistration
{
    public const string ModeCode = "freeorder";

    public override string Code => ModeCode;

    /// <summary>Nothing besides the mode itself.</summary>
    public static void Register(PayModeBuilder mode)
    {
    }

    public override string Name => "Free order";

    public override string Description => "Nothing to pay: confirm and your order is delivered at once.";

    public override PayModeKind Kind => PayModeKind.ZeroAmount;

    protected override Availability IsOffered(OfferContext context, FreeOrderSettings settings) =>
        context.Total == 0 ? Availability.Yes : Availability.No("Only an order with a total of 0 is free.");

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet(PayModeRoutes.Send, SendAsync);
        group.MapStatusReturns();
    }

    private async Task<Results<RedirectHttpResult, HandoverRefusal>> SendAsync(string reference, HttpContext http, PaymentHandover handover, IBillGateway bills)
    {
        var (started, refusal) = await handover.BeginAsync(http, this, reference);
        if (started is null)
            return refusal!;
        await bills.MarkPaidAsync(started.Bill.Reference, 0, Actor.System, "free order confirmed", http.RequestAborted);
        return TypedResults.Redirect(PaymentHandover.StatusPath(started.Bill.Reference));
    }
}
