using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>
/// The routes of <see cref="PayPalSandbox"/> under <c>/sandbox/paypal</c>: PayPal's REST API and IPN postback as the
/// shop calls them, the approval and Payments Standard pages a buyer sees, and the controls tests and the sandbox
/// pages use. Anything else is a plain 404, as PayPal's own hosts answer.
/// </summary>
public static class PayPalSandboxEndpoints
{
    /// <summary>Every method but POST: the sandbox answers a read whatever the method, as it always has.</summary>
    private static readonly string[] Reads =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options];

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var routes = sandbox.MapGroup("").AddEndpointFilter(RefuseUnreadableBody);

        // PayPal's API as the shop itself calls it (OAuth, orders, captures, webhook and IPN verification): a flood of junk
        // webhooks makes the shop verify each one, and must not spend the budget its buyers' hand-overs draw on. The API
        // answers only the sandbox's own credentials; the pages and controls keep the sandbox's per-client budget.
        var api = routes.MapGroup("").SpendsNoClientBudget();
        api.MapPost("/v1/oauth2/token", Token);
        api.MapPost("/v2/checkout/orders", CreateOrder);
        api.MapMethods("/v2/checkout/orders/{id}", Reads, GetOrder);
        api.MapPost("/v2/checkout/orders/{id}/capture", Capture);
        api.MapMethods("/v2/payments/captures/{id}", Reads, GetCapture);
        api.MapPost("/v2/payments/captures/{id}/refund", Refund);
        api.MapMethods("/v2/payments/refunds/{id}", Reads, GetRefund);
        api.MapPost("/v1/notifications/verify-webhook-signature", VerifyWebhook);
        api.MapPost("/ipn", NotifyValidate);
        api.MapMethods("/ipn", Reads, Unknown);
        api.Map("/v1/{**rest}", Unknown);
        api.Map("/v2/{**rest}", Unknown);

        routes.MapMethods("/checkoutnow", Reads, ApprovalPage);
        routes.MapPost("/checkoutnow", Approve);
        routes.MapPost("/captures/{id}/complete", CompleteCapture);
        routes.MapPost("/captures/{id}/refund", RefundCapture);
        routes.MapPost("/captures/{id}/redeliver", RedeliverWebhook);
        routes.MapPost("/webscr", StandardPage);
        routes.MapPost("/webscr/pay", StandardPay);
        routes.MapPost("/ipn/send", SendIpn);
        routes.MapPost("/ipn/{txn}/complete", CompleteIpn);
        routes.MapPost("/ipn/{txn}/refund", RefundIpn);
        routes.MapPost("/ipn/{txn}/redeliver", RedeliverIpn);
        routes.Map("/{**path}", Unknown);
    }

    // ---------------------------------------------------------------- REST API

    private static Task<Results<JsonHttpResult<OAuthToken>, JsonHttpResult<OAuthError>>> Token(HttpContext http, PayPalSandbox paypal) =>
        paypal.TokenAsync(http);

    private static async Task<Results<ApiAnswer, JsonHttpResult<OAuthError>>> CreateOrder(HttpContext http, PayPalSandbox paypal) =>
        paypal.RefuseToken(http) is { } refused ? refused : await paypal.CreateOrderAsync(http);

    private static Results<ApiAnswer, JsonHttpResult<OAuthError>> GetOrder(string id, HttpContext http, PayPalSandbox paypal) =>
        paypal.RefuseToken(http) is { } refused ? refused : paypal.GetOrder(id);

    private static async Task<Results<ApiAnswer, JsonHttpResult<OAuthError>>> Capture(string id, HttpContext http, PayPalSandbox paypal) =>
        paypal.RefuseToken(http) is { } refused ? refused : await paypal.CaptureAsync(http, id);

    private static Results<ApiAnswer, JsonHttpResult<OAuthError>> GetCapture(string id, HttpContext http, PayPalSandbox paypal) =>
        paypal.RefuseToken(http) is { } refused ? refused : paypal.GetCapture(id);

    private static async Task<Results<ApiAnswer, JsonHttpResult<OAuthError>>> Refund(string id, HttpContext http, PayPalSandbox paypal) =>
        paypal.RefuseToken(http) is { } refused ? refused : await paypal.RefundAsync(http, id);

    private static Results<ApiAnswer, JsonHttpResult<OAuthError>> GetRefund(string id, HttpContext http, PayPalSandbox paypal) =>
        paypal.RefuseToken(http) is { } refused ? refused : paypal.GetRefund(id);

    private static async Task<Results<Results<ApiAnswer, JsonHttpResult<WebhookVerification>>, JsonHttpResult<OAuthError>>> VerifyWebhook(
        HttpContext http, PayPalSandbox paypal) =>
        paypal.RefuseToken(http) is { } refused ? refused : await paypal.VerifyWebhookAsync(http);

    private static Task<ContentHttpResult> NotifyValidate(HttpContext http, PayPalSandbox paypal) => paypal.NotifyValidateAsync(http);

    // ---------------------------------------------------------------- pages

    private static Results<NotFound, ContentHttpResult> ApprovalPage(HttpContext http, PayPalSandbox paypal) =>
        paypal.ApprovalPage(http.Request.Query["token"].ToString());

    private static Task<Results<NotFound, ContentHttpResult, RedirectHttpResult>> Approve(HttpContext http, PayPalSandbox paypal) =>
        paypal.ApproveAsync(http);

    private static Task<ContentHttpResult> StandardPage(HttpContext http, PayPalSandbox paypal) => paypal.StandardPageAsync(http);

    private static Task<Results<ContentHttpResult, RedirectHttpResult>> StandardPay(HttpContext http, PayPalSandbox paypal) =>
        paypal.StandardPayAsync(http);

    // ---------------------------------------------------------------- controls

    private static Task<Results<ApiAnswer, Ok<IpnSent>>> SendIpn(HttpContext http, PayPalSandbox paypal) => paypal.SendIpnFromFormAsync(http);

    private static Task<Results<Ok<ControlDone>, NotFound>> CompleteCapture(string id, PayPalSandbox paypal) =>
        Control(paypal.CompletePendingCaptureAsync(id));

    private static Task<Results<Ok<ControlDone>, NotFound>> RefundCapture(string id, PayPalSandbox paypal) =>
        Control(paypal.RefundCaptureAsync(id));

    private static Task<Results<Ok<ControlDone>, NotFound>> RedeliverWebhook(string id, PayPalSandbox paypal) =>
        Control(paypal.RedeliverAsync(id));

    private static Task<Results<Ok<ControlDone>, NotFound>> CompleteIpn(string txn, PayPalSandbox paypal) =>
        Control(paypal.CompletePendingIpnAsync(txn));

    private static Task<Results<Ok<ControlDone>, NotFound>> RefundIpn(string txn, PayPalSandbox paypal) =>
        Control(paypal.RefundIpnAsync(txn));

    private static Task<Results<Ok<ControlDone>, NotFound>> RedeliverIpn(string txn, PayPalSandbox paypal) =>
        Control(paypal.RedeliverIpnAsync(txn));

    private static async Task<Results<Ok<ControlDone>, NotFound>> Control(Task<bool> action) =>
        await action ? TypedResults.Ok(new ControlDone(true)) : TypedResults.NotFound();

    private static NotFound Unknown() => TypedResults.NotFound();

    /// <summary>
    /// A body the route cannot read (a form route sent JSON, a body cut short or too large): PayPal answers 400 with its
    /// error object, never 5xx.
    /// </summary>
    private static async ValueTask<object?> RefuseUnreadableBody(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException
            || (ex is InvalidOperationException && HttpMethods.IsPost(http.Request.Method) && !http.Request.HasFormContentType))
        {
            var api = http.Request.Path.Value?.Contains(PayPalSandbox.Prefix + "/v1/notifications", StringComparison.Ordinal) == true
                ? PayPalSandbox.NotificationsApi : PayPalSandbox.OrdersApi;
            return PayPalSandbox.ApiError(StatusCodes.Status400BadRequest, api,
                new SandboxIssue("MALFORMED_REQUEST", "The request is not well-formed.", Location: "body"));
        }
    }
}
