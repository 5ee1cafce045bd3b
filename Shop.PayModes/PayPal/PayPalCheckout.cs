using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>What the shop keeps about an attempt in <c>PaymentAttempt.Data</c>.</summary>
public sealed record PayPalAttemptData(string Integration, string? OrderId);

/// <summary>The buyer-facing side: hand-over to PayPal, the return (capture), the cancel.</summary>
public sealed class PayPalCheckout(
    PaymentHandover handover,
    PayPalContext context,
    PayPalApi api,
    IBillGateway bills,
    NotificationPipeline pipeline,
    PayPalOrderProtocol orderProtocol,
    IShopSettings shop,
    ILogger<PayPalCheckout> logger)
{
    /// <summary>The query parameter of our return and cancel URLs that names the attempt.</summary>
    private const string AttemptParameter = "attempt";

    public async Task<Results<RedirectHttpResult, AutoPostPage, ContentHttpResult, HandoverRefusal>> SendAsync(HttpContext http, IPayMode mode, string reference)
    {
        var (started, refusal) = await handover.BeginAsync(http, mode, reference);
        if (started is null)
            return refusal!;
        var setup = await context.GetAsync(http.RequestAborted);
        var (bill, attempt) = (started.Bill, started.Attempt);
        // Checked again on the settings the hand-over uses: they may have changed since the availability check.
        if (setup.World.TestModeRefusal is { } production)
            return PayModePages.Message(StatusCodes.Status400BadRequest, "Payment method not available", production,
                PaymentHandover.StatusPath(bill.Reference), "Back to your order");
        var shopBase = setup.Urls.ShopBaseUrl;
        var returnUrl = PayModeRoutes.WithQuery(PayModeRoutes.ReturnUrl(shopBase, mode.Code), AttemptParameter, attempt.Reference);
        var cancelUrl = PayModeRoutes.WithQuery(PayModeRoutes.CancelUrl(shopBase, mode.Code), AttemptParameter, attempt.Reference);

        if (!setup.Settings.UsesOrders)
        {
            await bills.SetAttemptDataAsync(attempt.Reference, Serialize(new PayPalAttemptData(PayPalSettings.Standard, null)), http.RequestAborted);
            return PayModePages.AutoPost("Paying with PayPal", setup.Urls.PaymentUrl, PayPalStandardForm.Fields(
                setup.Settings.Business ?? "", bill, attempt.Reference, PayModeRoutes.NotifyUrl(shopBase, mode.Code), returnUrl, cancelUrl, shop.Current.Name));
        }

        var body = PayPalOrderMessages.CreateOrderBody(new PayPalOrderRequest(
            attempt.Reference, bill.Reference, bill.Total, bill.Currency, returnUrl, cancelUrl, setup.Settings.Business, shop.Current.Name));
        try
        {
            var created = await api.CreateOrderAsync(setup.Account, body, $"create-{attempt.Reference}", http.RequestAborted);
            var orderId = created.IsSuccess ? PayPalOrderMessages.Text(created.Body, "id") : null;
            var approval = created.IsSuccess ? PayPalOrderMessages.ApprovalLink(created.Body) : null;
            if (orderId is null || approval is null)
            {
                logger.LogWarning("PayPal refused to create the order of {BillReference}: {Status} {Issue}", bill.Reference, (int)created.Status, created.Issue);
                return TryAgain(bill.Reference, "PayPal did not accept this payment. You can try again, or choose another way to pay.");
            }
            await bills.SetAttemptDataAsync(attempt.Reference, Serialize(new PayPalAttemptData(PayPalSettings.Orders, orderId)), http.RequestAborted);
            return TypedResults.Redirect(approval);
        }
        catch (PayPalUnavailableException ex)
        {
            logger.LogWarning("PayPal unavailable while creating the order of {BillReference}: {Reason}", bill.Reference, ex.Message);
            return Unavailable(bill.Reference);
        }
    }

    /// <summary>Display only, except that for Orders it asks PayPal to capture; the capture itself is then re-read from PayPal.</summary>
    public async Task<Results<RedirectHttpResult, ContentHttpResult>> ReturnAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var attemptReference = http.Request.Query[AttemptParameter].FirstOrDefault();
        var bill = attemptReference is { Length: > 0 } ? await bills.FindByAttemptAsync(PayPalPayMode.ModeCode, attemptReference, ct) : null;
        if (bill is null)
            return PayModePages.Message(StatusCodes.Status400BadRequest, "Order not found",
                "PayPal sent you back without a valid order reference.", "/", "Back to the shop");
        var status = TypedResults.Redirect(PaymentHandover.StatusPath(bill.Reference));
        // Only the latest attempt of a bill still waiting for payment is captured; anything else just shows the status.
        if (bill.State != BillState.Placed || bill.LatestAttempt is not { } latest || latest.Reference != attemptReference
            || Deserialize(latest.Data) is not { Integration: PayPalSettings.Orders, OrderId: { } orderId })
            return status;

        var setup = await context.GetAsync(ct);
        try
        {
            var capture = await api.CaptureOrderAsync(setup.Account, orderId, $"capture-{attemptReference}", ct);
            if (!capture.IsSuccess && capture.Issue != "ORDER_ALREADY_CAPTURED")
            {
                // ORDER_NOT_APPROVED and the like: nothing was paid; the bill waits and the buyer may retry.
                logger.LogInformation("PayPal capture of {BillReference} refused: {Status} {Issue}", bill.Reference, (int)capture.Status, capture.Issue);
                return TryAgain(bill.Reference, "PayPal has not approved this payment, so nothing was charged. You can try again, or choose another way to pay.");
            }
            var outcome = await pipeline.ProcessAsync(orderProtocol, PayPalOrderProtocol.Request(orderId), ct: ct);
            return outcome.Verdict == NotificationVerdict.Refused ? Unavailable(bill.Reference) : status;
        }
        catch (PayPalUnavailableException ex)
        {
            logger.LogWarning("PayPal unavailable while capturing {BillReference}: {Reason}", bill.Reference, ex.Message);
            return Unavailable(bill.Reference);
        }
    }

    public async Task<Results<RedirectHttpResult, ContentHttpResult>> CancelAsync(HttpContext http)
    {
        var attemptReference = http.Request.Query[AttemptParameter].FirstOrDefault();
        var bill = attemptReference is { Length: > 0 } ? await bills.FindByAttemptAsync(PayPalPayMode.ModeCode, attemptReference, http.RequestAborted) : null;
        return bill is null
            ? PayModePages.Message(StatusCodes.Status400BadRequest, "Order not found", "PayPal sent you back without a valid order reference.", "/", "Back to the shop")
            : TypedResults.Redirect(PaymentHandover.StatusPath(bill.Reference));
    }

    private static ContentHttpResult Unavailable(string reference) => TryAgain(reference,
        "PayPal is not answering right now, so nothing was charged. Please try again in a few minutes, or choose another way to pay.",
        StatusCodes.Status503ServiceUnavailable);

    private static ContentHttpResult TryAgain(string reference, string message, int status = StatusCodes.Status200OK) =>
        PayModePages.Message(status, "PayPal payment not completed", message,
            $"/checkout?retry={Uri.EscapeDataString(reference)}", "Try again or choose another way to pay");

    private static string Serialize(PayPalAttemptData data) => JsonSerializer.Serialize(data);

    internal static PayPalAttemptData? Deserialize(string? data)
    {
        if (string.IsNullOrEmpty(data))
            return null;
        try { return JsonSerializer.Deserialize<PayPalAttemptData>(data); }
        catch (JsonException) { return null; }
    }
}
