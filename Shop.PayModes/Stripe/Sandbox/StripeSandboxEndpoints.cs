using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>What a control (resend, settle) answers: how many deliveries, and the shop's status for each (0: unreachable).</summary>
internal sealed record StripeDelivery(int Delivered, IReadOnlyList<int> Statuses);

/// <summary>
/// The routes of <see cref="StripeSandbox"/> under <c>/sandbox/stripe</c>: Stripe's API as Stripe.net calls it
/// (<c>/v1/...</c>, the secret key required before anything else, as Stripe does), the hosted Checkout page, and the
/// controls a rehearsal and the tests use. Anything else is a plain 404.
/// </summary>
public static class StripeSandboxEndpoints
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        // The API is called by the shop itself, with its key: it spends no per-client budget the buyers' pages draw on.
        var api = sandbox.MapGroup("/v1").SpendsNoClientBudget().AddEndpointFilter(RequireKey);
        api.MapPost("/checkout/sessions", CreateSession);
        api.MapGet("/checkout/sessions/{id}", GetSession);
        api.MapPost("/checkout/sessions/{id}/expire", ExpireSession);
        api.MapPost("/refunds", CreateRefund);
        api.MapGet("/refunds/{id}", GetRefund);
        api.Map("/{**rest}", (HttpRequest request) => StripeSandbox.Unrecognized(request));

        sandbox.MapGet("/pay/{id}", PayPage);
        sandbox.MapPost("/pay/{id}", Decide);
        sandbox.MapGet("/sessions/{id}", SessionPage);
        sandbox.MapPost("/sessions/{id}/resend", Resend);
        sandbox.MapPost("/sessions/{id}/settle", Settle);
        sandbox.Map("/{**path}", () => TypedResults.NotFound());
    }

    /// <summary>Stripe checks the key before the route: a request without the sandbox's key is a 401, whatever it asks.</summary>
    private static async ValueTask<object?> RequireKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return http.RequestServices.GetRequiredService<StripeSandbox>().RefuseKey(http.Request) is { } refused ? refused : await next(context);
    }

    private static Task<StripeAnswer> CreateSession(HttpContext http, StripeSandbox stripe) =>
        WithFormAsync(http, stripe, p => stripe.CreateSession(http, p));

    private static StripeAnswer GetSession(string id, HttpRequest request, StripeSandbox stripe) => stripe.GetSession(id, request.Query);

    private static Task<StripeAnswer> ExpireSession(string id, HttpContext http, StripeSandbox stripe) =>
        WithFormAsync(http, stripe, p => p.Keys.FirstOrDefault(k => k != "expand") is { } unknown
            ? StripeSandbox.InvalidRequest($"Received unknown parameter: {unknown}", unknown, "parameter_unknown")
            : stripe.ExpireSession(id));

    private static Task<StripeAnswer> CreateRefund(HttpContext http, StripeSandbox stripe) =>
        WithFormAsync(http, stripe, stripe.CreateRefund);

    private static StripeAnswer GetRefund(string id, StripeSandbox stripe) => stripe.GetRefund(id);

    /// <summary>
    /// Reads the form body as Stripe does (<c>application/x-www-form-urlencoded</c>, nested names in brackets; another
    /// body is no parameters) and runs the call under its <c>Idempotency-Key</c>. A body that cannot be read is a 400.
    /// </summary>
    private static async Task<StripeAnswer> WithFormAsync(HttpContext http, StripeSandbox stripe, Func<StripeParams, StripeAnswer> call)
    {
        IReadOnlyList<KeyValuePair<string, string>> form = [];
        if (http.Request.HasFormContentType)
        {
            if (http.Request.ContentLength > 256 * 1024)
                return StripeSandbox.InvalidRequest("The request body is too large.");
            using var reader = new StreamReader(http.Request.Body);
            try
            {
                form = FormBody.Parse(await reader.ReadToEndAsync(http.RequestAborted));
            }
            catch (Exception ex) when (ex is FormatException or BadHttpRequestException or InvalidDataException)
            {
                return StripeSandbox.InvalidRequest("Invalid request body: it could not be decoded as application/x-www-form-urlencoded.");
            }
        }
        if (StripeParams.Read(form, out var error) is not { } parameters)
            return StripeSandbox.InvalidRequest(error!);
        return await stripe.IdempotentAsync(http.Request, form, () => Task.FromResult(call(parameters)));
    }

    private static Results<ContentHttpResult, NotFound> PayPage(string id, StripeSandbox stripe, IShopSettings shop) =>
        stripe.PayPage(id, shop.Current.Name);

    private static Task<Results<ContentHttpResult, RedirectHttpResult, NotFound>> Decide(string id, HttpContext http, StripeSandbox stripe, IShopSettings shop) =>
        stripe.DecideAsync(id, http, shop.Current.Name);

    private static Results<ContentHttpResult, NotFound> SessionPage(string id, StripeSandbox stripe) =>
        stripe.Find(id) is { } session ? stripe.SessionPage(session, null) : TypedResults.NotFound();

    /// <summary><c>POST /sandbox/stripe/sessions/{id}/resend[?type=…]</c>: the session's events again, newly signed.</summary>
    private static async Task<Results<Ok<StripeDelivery>, ContentHttpResult, NotFound>> Resend(string id, string? type, HttpContext http, StripeSandbox stripe)
    {
        if (stripe.Find(id) is not { } session)
            return TypedResults.NotFound();
        var statuses = await stripe.ResendAsync(session, string.IsNullOrEmpty(type) ? null : type, http.RequestAborted);
        return await AsPageAsync(http)
            ? stripe.SessionPage(session, $"{statuses.Count} event(s) sent again: the shop answered {string.Join(", ", statuses)}.")
            : TypedResults.Ok(new StripeDelivery(statuses.Count, statuses));
    }

    /// <summary><c>POST /sandbox/stripe/sessions/{id}/settle</c>: a delayed payment settles as the buyer chose (409 when none is pending).</summary>
    private static async Task<Results<Ok<StripeDelivery>, ContentHttpResult, NotFound>> Settle(string id, HttpContext http, StripeSandbox stripe)
    {
        if (stripe.Find(id) is not { } session)
            return TypedResults.NotFound();
        if (await stripe.SettleAsync(session, http.RequestAborted) is not { } status)
            return StripeSandbox.Problem(StatusCodes.Status409Conflict, "This session has no bank debit waiting to settle.");
        return await AsPageAsync(http)
            ? stripe.SessionPage(session, $"The bank debit settled: the shop answered {status}.")
            : TypedResults.Ok(new StripeDelivery(1, [status]));
    }

    private static async Task<bool> AsPageAsync(HttpContext http) =>
        http.Request.HasFormContentType && (await http.Request.ReadFormAsync(http.RequestAborted))["page"] == "1";
}
