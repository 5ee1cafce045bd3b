using Microsoft.AspNetCore.Http;

namespace Shop.PayModes.Core;

public sealed record Handover(BillView Bill, AttemptView Attempt);

/// <summary>
/// The server-side re-check every send endpoint starts with (rule 1): the bill exists and still waits
/// for payment, and this pay mode is enabled, configured and offered for this bill and this buyer.
/// </summary>
public sealed class PaymentHandover(IBillGateway bills, PayModeOffers offers)
{
    public const string AdminRole = "Admin";

    /// <summary>Either a started attempt, or the page to answer the buyer with.</summary>
    public async Task<(Handover? Handover, IResult? Refusal)> BeginAsync(
        HttpContext http, IPayMode mode, string reference, string? providerReference = null)
    {
        var ct = http.RequestAborted;
        var bill = await bills.FindAsync(reference, ct);
        if (bill is null)
            return (null, PayModePages.Message(StatusCodes.Status404NotFound, "Order not found",
                "We could not find this order. Check the link you followed.", "/", "Back to the shop"));
        if (bill.State != BillState.Placed)
            return (null, Results.Redirect(StatusPath(bill.Reference)));

        var context = offers.ContextFor(bill.Total, bill.Currency, http.User.IsInRole(AdminRole));
        var availability = await offers.CheckAsync(mode.Code, context, ct);
        if (!availability.Offered)
            return (null, PayModePages.Message(StatusCodes.Status400BadRequest, "Payment method not available",
                availability.Reason ?? $"{mode.Name} cannot be used for this order.", StatusPath(bill.Reference), "Back to your order"));

        var attempt = await bills.StartAttemptAsync(bill.Reference, mode.Code, providerReference, ct);
        return (new Handover(bill with { PayMode = mode.Code, LatestAttempt = attempt }, attempt), null);
    }

    public static string StatusPath(string reference) => $"/bills/{Uri.EscapeDataString(reference)}";
}
