using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Core;

public static class PayModeEndpoints
{
    /// <summary>Maps each registered pay mode's endpoints under <c>/paymodes/{code}</c>.</summary>
    public static IEndpointRouteBuilder MapPayModes(this IEndpointRouteBuilder app)
    {
        foreach (var mode in app.ServiceProvider.GetRequiredService<PayModeRegistry>().All)
        {
            // Providers post here without our antiforgery token; their messages carry their own signatures.
            var group = app.MapGroup(PayModeRoutes.Group(mode.Code)).DisableAntiforgery().WithTags($"paymode:{mode.Code}");
            ((IEndpointConventionBuilder)group).Add(SpendsHandoverBudget);
            mode.MapEndpoints(group);
            if (app.ServiceProvider.GetRequiredService<PayModeRegistry>().SandboxRoutesOf(mode) is { } sandbox)
                sandbox.MapSandbox(app.MapSandboxGroup($"/sandbox/{mode.Code}", mode.Code));
        }
        app.MapProviderSandboxes();
        return app;
    }

    /// <summary>Every mode's <c>/send/{reference}</c> spends the client's hand-over budget: a hand-over may draw a provider id.</summary>
    private static void SpendsHandoverBudget(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.Contains("/send/", StringComparison.Ordinal))
            endpoint.Metadata.Add(new ClientRateLimitMetadata(ClientRateLimit.Handover));
    }

    /// <summary>
    /// <c>/notify</c>: the provider's server-to-server notification, through the shared pipeline with the protocol the mode
    /// chooses for it (<see cref="IPayMode.NotificationProtocol"/>). Providers notify from few addresses, so it has its own,
    /// generous per-client budget.
    /// </summary>
    public static RouteHandlerBuilder MapNotify(this IEndpointRouteBuilder group, IPayMode mode, params string[] methods) =>
        group.MapMethods(PayModeRoutes.Notify, methods.Length > 0 ? methods : ["POST"],
                (HttpContext http, NotificationPipeline pipeline) => NotifyAsync(mode, http, pipeline))
            .LimitPerClient(ClientRateLimit.Notify);

    /// <summary>The protocol answers (<see cref="INotificationProtocol.Answer"/>), so the answer is open: a 200 or a 4xx, never a 5xx.</summary>
    private static Task<IResult> NotifyAsync(IPayMode mode, HttpContext http, NotificationPipeline pipeline) =>
        pipeline.HandleAsync(http, mode);

    /// <summary>The browser return and cancel of a mode whose own URLs carry <c>?reference=</c>: display only, never proof of payment (rule 2).</summary>
    public static void MapStatusReturns(this IEndpointRouteBuilder group)
    {
        group.MapMethods(PayModeRoutes.Return, ["GET", "POST"], ReferenceToStatus);
        group.MapMethods(PayModeRoutes.Cancel, ["GET", "POST"], ReferenceToStatus);
    }

    /// <summary>The browser return and cancel: display only, never proof of payment (rule 2).</summary>
    public static void MapStatusReturns(this IEndpointRouteBuilder group, Func<HttpRequest, Task<string?>> findReference)
    {
        group.MapMethods(PayModeRoutes.Return, ["GET", "POST"], (HttpRequest request) => ToStatusAsync(request, findReference));
        group.MapMethods(PayModeRoutes.Cancel, ["GET", "POST"], (HttpRequest request) => ToStatusAsync(request, findReference));
    }

    private static Results<RedirectHttpResult, ContentHttpResult> ReferenceToStatus(HttpRequest request) =>
        ToStatus(request.Query["reference"].FirstOrDefault());

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> ToStatusAsync(HttpRequest request, Func<HttpRequest, Task<string?>> findReference) =>
        ToStatus(await findReference(request));

    private static Results<RedirectHttpResult, ContentHttpResult> ToStatus(string? reference) =>
        reference is null
            ? PayModePages.Message(StatusCodes.Status400BadRequest, "Order not found",
                "The payment page sent you back without a valid order reference.", "/", "Back to the shop")
            : TypedResults.Redirect(PaymentHandover.StatusPath(reference));
}
