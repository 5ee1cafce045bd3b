using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
            var group = app.MapGroup($"/paymodes/{mode.Code}").DisableAntiforgery().WithTags($"paymode:{mode.Code}");
            mode.MapEndpoints(group);
            if (mode is IPayModeSandbox sandbox)
                sandbox.MapSandbox(app.MapSandboxGroup($"/sandbox/{mode.Code}", mode.Code));
        }
        app.MapProviderSandboxes();
        return app;
    }

    /// <summary>The browser return and cancel: display only, never proof of payment (rule 2).</summary>
    public static void MapStatusReturns(this IEndpointRouteBuilder group, Func<HttpRequest, Task<string?>> findReference)
    {
        async Task<IResult> ToStatus(HttpRequest request)
        {
            var reference = await findReference(request);
            return reference is null
                ? PayModePages.Message(StatusCodes.Status400BadRequest, "Order not found",
                    "The payment page sent you back without a valid order reference.", "/", "Back to the shop")
                : Results.Redirect(PaymentHandover.StatusPath(reference));
        }
        group.MapMethods("/return", ["GET", "POST"], ToStatus);
        group.MapMethods("/cancel", ["GET", "POST"], ToStatus);
    }
}
