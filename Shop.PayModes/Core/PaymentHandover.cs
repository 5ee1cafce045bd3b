using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Shop.PayModes.Core;

/// <summary>What a provider needs decided before the attempt opens: the id it will know the attempt by
/// (null: the attempt's own reference) and any value its request carries for it (a per-day transaction number).</summary>
public sealed record PreparedAttempt(string? ProviderReference = null, string? RequestId = null)
{
    public static PreparedAttempt None { get; } = new();
}

public sealed record Handover(BillView Bill, AttemptView Attempt, PreparedAttempt Prepared);

/// <summary>
/// Why a hand-over does not go ahead, as the buyer is answered: the bill's status page (no longer waiting for payment),
/// a page that explains, or that page with <c>Retry-After</c>. One type, so every send endpoint's union names it once.
/// </summary>
public sealed class HandoverRefusal(Results<RedirectHttpResult, ContentHttpResult, RetryLaterResult> answer) : IResult, INestedHttpResult
{
    public Results<RedirectHttpResult, ContentHttpResult, RetryLaterResult> Answer { get; } = answer;

    public IResult Result => Answer.Result;

    public Task ExecuteAsync(HttpContext httpContext) => Answer.ExecuteAsync(httpContext);
}

/// <summary>
/// A provider's space of ids for this period is used up (e.g. a fixed number of transaction ids per UTC day): the mode cannot
/// open an attempt until <see cref="AvailableAgainAt"/>. Thrown by a mode's preparation; the hand-over answers a clear page.
/// </summary>
public sealed class ProviderIdsExhaustedException(string payMode, DateTimeOffset availableAgainAt)
    : Exception($"{payMode} has no payment ids left until {availableAgainAt:u}.")
{
    public string PayMode { get; } = payMode;

    public DateTimeOffset AvailableAgainAt { get; } = availableAgainAt;
}

/// <summary>
/// The server-side re-check every send endpoint starts with (rule 1): the bill exists and still waits for payment,
/// in this very pay mode (a send never switches a bill to another mode: a retry in another mode is a new order placed
/// from the checkout), this mode is enabled, configured and offered for this bill and this buyer, and the bill has not
/// used up its attempts. Only then does the mode allocate anything (provider ids, the attempt): a request about nothing
/// costs nothing.
/// </summary>
public sealed class PaymentHandover(IBillGateway bills, PayModeOffers offers, PayModeRegistry registry, TimeProvider clock, ILogger<PaymentHandover> logger)
{
    public const string AdminRole = "Admin";

    /// <summary>
    /// Attempts one bill may open. A buyer opens one per visit to the provider's page (a reload, the back button, a
    /// second try): a handful. The cap keeps one real bill's reference from drawing provider ids (a provider's daily
    /// transaction ids) without end; past it the buyer is asked to place the order again.
    /// </summary>
    public const int MaxAttemptsPerBill = 20;

    /// <summary>Either a started attempt, or the page to answer the buyer with.</summary>
    /// <param name="prepare">The mode's allocation of provider ids for the attempt, run only once every check passed.</param>
    public async Task<(Handover? Handover, HandoverRefusal? Refusal)> BeginAsync(
        HttpContext http, IPayMode mode, string reference, Func<CancellationToken, Task<PreparedAttempt>>? prepare = null)
    {
        var ct = http.RequestAborted;
        var bill = await bills.FindAsync(reference, ct);
        if (await RefusalAsync(http, mode, bill) is { } refusal)
            return (null, refusal);

        PreparedAttempt prepared;
        try
        {
            prepared = prepare is null ? PreparedAttempt.None : await prepare(ct);
        }
        catch (ProviderIdsExhaustedException ex)
        {
            logger.LogWarning("{PayMode} has used all its payment ids until {AvailableAgainAt:u}: hand-overs in it are refused until then (bill {BillReference})",
                ex.PayMode, ex.AvailableAgainAt, bill!.Reference);
            return (null, new HandoverRefusal(IdsExhausted(mode, bill, ex.AvailableAgainAt)));
        }

        // The same checks again, in the transaction that opens the attempt (two hand-overs racing, a payment landing meanwhile).
        var attempt = await bills.StartAttemptAsync(bill!.Reference, mode.Code, prepared.ProviderReference, MaxAttemptsPerBill, ct);
        if (attempt is null)
            return (null, await RefusalAsync(http, mode, await bills.FindAsync(reference, ct)) ?? new HandoverRefusal(TooManyAttempts(bill)));
        return (new Handover(bill with { LatestAttempt = attempt, AttemptCount = bill.AttemptCount + 1 }, attempt, prepared), null);
    }

    public static string StatusPath(string reference) => $"/bills/{Uri.EscapeDataString(reference)}";

    /// <summary>The checkout, filled with this bill's cart and details: where a buyer picks another way to pay (a new order).</summary>
    public static string RetryPath(string reference) => $"/checkout?retry={Uri.EscapeDataString(reference)}";

    private async Task<HandoverRefusal?> RefusalAsync(HttpContext http, IPayMode mode, BillView? bill)
    {
        if (bill is null)
            return new(PayModePages.Message(StatusCodes.Status404NotFound, "Order not found",
                "We could not find this order. Check the link you followed.", "/", "Back to the shop"));
        if (bill.State != BillState.Placed)
            return new(TypedResults.Redirect(StatusPath(bill.Reference)));
        if (bill.PayMode != mode.Code)
            return new(PayModePages.Message(StatusCodes.Status409Conflict, "Another payment method was chosen",
                $"This order is to be paid with {registry.Find(bill.PayMode)?.Name ?? bill.PayMode}, not {mode.Name}. Nothing was changed.",
                StatusPath(bill.Reference), "Back to your order"));

        var context = offers.ContextFor(bill.Total, bill.Currency, http.User.IsInRole(AdminRole));
        var availability = await offers.CheckAsync(mode.Code, context, http.RequestAborted);
        if (!availability.Offered)
            return new(PayModePages.Message(StatusCodes.Status400BadRequest, "Payment method not available",
                availability.Reason ?? $"{mode.Name} cannot be used for this order.", StatusPath(bill.Reference), "Back to your order"));
        return bill.AttemptCount >= MaxAttemptsPerBill ? new(TooManyAttempts(bill)) : null;
    }

    private static ContentHttpResult TooManyAttempts(BillView bill) =>
        PayModePages.Message(StatusCodes.Status409Conflict, "Too many payment attempts",
            $"This order has been sent to payment {MaxAttemptsPerBill} times, the most one order may be. Nothing more was charged. " +
            "Place the order again (your cart and details are kept), or contact us.",
            RetryPath(bill.Reference), "Place the order again");

    private RetryLaterResult IdsExhausted(IPayMode mode, BillView bill, DateTimeOffset availableAgainAt)
    {
        var wait = availableAgainAt - clock.GetUtcNow();
        return PayModePages.RetryLater(PayModePages.Message(StatusCodes.Status503ServiceUnavailable, $"{mode.Name} cannot take more payments for now",
            $"{mode.Name} has used all the payment numbers it may use for now; it takes payments again from {availableAgainAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. " +
            "Nothing was charged. Please choose another way to pay.",
            RetryPath(bill.Reference), "Choose another way to pay"), wait);
    }
}
