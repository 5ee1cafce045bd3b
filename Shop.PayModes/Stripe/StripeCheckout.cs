using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Shop.PayModes.Core;
using Stripe;
using Stripe.Checkout;

namespace Shop.PayModes.Stripe;

/// <summary>The buyer-facing side: the hand-over to Stripe Checkout, the return (display only) and the cancel.</summary>
public sealed class StripeCheckout(
    PaymentHandover handover,
    StripeGateway context,
    IBillGateway bills,
    IShopSettings shop,
    ILogger<StripeCheckout> logger)
{
    /// <summary>The query parameter of our return and cancel URLs that names the attempt.</summary>
    public const string AttemptParameter = "attempt";

    public async Task<Results<RedirectHttpResult, ContentHttpResult, HandoverRefusal>> SendAsync(HttpContext http, IPayMode mode, string reference)
    {
        var (started, refusal) = await handover.BeginAsync(http, mode, reference);
        if (started is null)
            return refusal!;
        var ct = http.RequestAborted;
        var (bill, attempt) = (started.Bill, started.Attempt);
        var setup = await context.GetAsync(ct);
        // Checked again on the settings the hand-over uses: they may have changed since the availability check.
        if (setup.World.TestModeRefusal is { } production)
            return PayModePages.Message(StatusCodes.Status400BadRequest, "Payment method not available", production,
                PaymentHandover.StatusPath(bill.Reference), "Back to your order");
        if (context.ClientFor(setup) is not { } client)
            return TryAgain(bill.Reference, "Card payment is not set up completely, so nothing was charged. Please choose another way to pay.");

        var returnUrl = PayModeRoutes.WithQuery(PayModeRoutes.ReturnUrl(setup.ShopBaseUrl, mode.Code), AttemptParameter, attempt.Reference);
        var cancelUrl = PayModeRoutes.WithQuery(PayModeRoutes.CancelUrl(setup.ShopBaseUrl, mode.Code), AttemptParameter, attempt.Reference);
        var options = StripeSessions.Create(bill, attempt.Reference, returnUrl, cancelUrl, shop.Current.Name);
        try
        {
            // One key per attempt: a retry of this very call (the network, Stripe.net's own retry) never opens a second session.
            var session = await new SessionService(client).CreateAsync(options,
                new RequestOptions { IdempotencyKey = $"checkout-{attempt.Reference}" }, ct);
            if (session.Url is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                logger.LogWarning("Stripe created session {SessionId} for {BillReference} without a page URL", session.Id, bill.Reference);
                return TryAgain(bill.Reference, "Stripe did not open a payment page. Nothing was charged. You can try again, or choose another way to pay.");
            }
            await bills.SetAttemptDataAsync(attempt.Reference, StripeSessions.Serialize(new StripeAttemptData(session.Id)), ct);
            logger.LogInformation("Stripe session {SessionId} opened for {BillReference} (attempt {Attempt})", session.Id, bill.Reference, attempt.Reference);
            return TypedResults.Redirect(url);
        }
        catch (StripeException ex) when (ex.HttpStatusCode is >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError)
        {
            logger.LogWarning("Stripe refused the session of {BillReference}: {Status} {Code} {Message}",
                bill.Reference, (int)ex.HttpStatusCode, ex.StripeError?.Code, ex.StripeError?.Message);
            return TryAgain(bill.Reference, "Stripe did not accept this payment. Nothing was charged. You can try again, or choose another way to pay.");
        }
        catch (Exception ex) when (ex is StripeException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("Stripe unavailable while opening the session of {BillReference}: {Error}", bill.Reference, ex.GetType().Name);
            return Unavailable(bill.Reference);
        }
    }

    /// <summary>
    /// Display only: the session is read from Stripe (by the id the shop stored, never one from the browser) to tell the
    /// buyer where the payment stands. Only the signed webhook pays.
    /// </summary>
    public async Task<Results<RedirectHttpResult, ContentHttpResult>> ReturnAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        if (await AttemptBillAsync(http) is not { } bill)
            return NotFound();
        var status = TypedResults.Redirect(PaymentHandover.StatusPath(bill.Reference));
        var attemptReference = http.Request.Query[AttemptParameter].ToString();
        if (bill.State != BillState.Placed || bill.LatestAttempt is not { } latest || latest.Reference != attemptReference
            || StripeSessions.Deserialize(latest.Data) is not { } data)
            return status;
        var setup = await context.GetAsync(ct);
        if (context.ClientFor(setup) is not { } client)
            return status;
        try
        {
            var session = await new SessionService(client).GetAsync(data.SessionId, cancellationToken: ct);
            logger.LogInformation("Buyer back from Stripe for {BillReference}: session {SessionId} {Status}/{PaymentStatus}",
                bill.Reference, session.Id, session.Status, session.PaymentStatus);
            // Open (the buyer came back without paying) or expired: nothing was charged; say so and offer to try again.
            return session.Status is "open" or "expired" && session.PaymentStatus == "unpaid"
                ? TryAgain(bill.Reference, "Stripe has not taken this payment, so nothing was charged. You can try again, or choose another way to pay.")
                : status;
        }
        catch (Exception ex) when (ex is StripeException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // The status page follows the webhook by itself; the look-up only adds a word.
            logger.LogWarning("Stripe session of {BillReference} could not be read after the buyer's return: {Error}", bill.Reference, ex.GetType().Name);
            return status;
        }
    }

    public async Task<Results<RedirectHttpResult, ContentHttpResult>> CancelAsync(HttpContext http) =>
        await AttemptBillAsync(http) is { } bill ? TypedResults.Redirect(PaymentHandover.StatusPath(bill.Reference)) : NotFound();

    private async Task<BillView?> AttemptBillAsync(HttpContext http) =>
        http.Request.Query[AttemptParameter].ToString() is { Length: > 0 } attempt
            ? await bills.FindByAttemptAsync(StripePayMode.ModeCode, attempt, http.RequestAborted)
            : null;

    private static ContentHttpResult NotFound() => PayModePages.Message(StatusCodes.Status400BadRequest, "Order not found",
        "Stripe sent you back without a valid order reference.", "/", "Back to the shop");

    private static ContentHttpResult Unavailable(string reference) => TryAgain(reference,
        "Stripe is not answering right now, so nothing was charged. Please try again in a few minutes, or choose another way to pay.",
        StatusCodes.Status503ServiceUnavailable);

    private static ContentHttpResult TryAgain(string reference, string message, int status = StatusCodes.Status200OK) =>
        PayModePages.Message(status, "Card payment not completed", message, PaymentHandover.RetryPath(reference), "Try again or choose another way to pay");
}
