using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Shop.PayModes.Core;

/// <summary>
/// Send and return for the deferred modes (cheque, transfer): confirming the order moves the bill to
/// PENDING, and the status page shows the instructions until an admin confirms receipt.
/// </summary>
public static class DeferredEndpoints
{
    public static void MapDeferred(this IEndpointRouteBuilder group, IPayMode mode)
    {
        group.MapGet(PayModeRoutes.Send, (string reference, HttpContext http, PaymentHandover handover, IBillGateway bills) =>
            SendAsync(mode, reference, http, handover, bills));
        group.MapStatusReturns();
    }

    private static async Task<Results<RedirectHttpResult, HandoverRefusal>> SendAsync(
        IPayMode mode, string reference, HttpContext http, PaymentHandover handover, IBillGateway bills)
    {
        var (started, refusal) = await handover.BeginAsync(http, mode, reference);
        if (started is null)
            return refusal!;
        await bills.ConfirmOrderAsync(started.Bill.Reference, Actor.Buyer, http.RequestAborted);
        return TypedResults.Redirect(PaymentHandover.StatusPath(started.Bill.Reference));
    }
}
