using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;

namespace Shop.PayModes.Test;

/// <summary>
/// The payment simulator (docs/providers/test.md): pay now, pay with a deferred notification, fire it, fail,
/// refuse or cancel. Only while the shop is in test mode, and only for admins unless the test override is on.
/// Its notifications are real ones: signed, posted to <c>/paymodes/test/notify</c>, through the shared pipeline.
/// </summary>
public sealed class TestPayMode : PayMode<TestSettings, TestSelector, TestSettingsForm, TestBillPanel>, IPayModeRegistration
{
    public static void Register(PayModeBuilder mode)
    {
        mode.NotificationProtocol<TestNotificationProtocol>();
        mode.Services.AddScoped<TestSimulator>();
    }

    public override string Code => "test";

    public override string Name => "Test payment";

    public override string Description => "Simulates a payment provider. No money moves.";

    public override PayModeKind Kind => PayModeKind.Simulator;

    protected override Availability IsOffered(OfferContext context, TestSettings settings)
    {
        if (!context.ShopTestMode)
            return Availability.No("The test payment only exists while the shop is in test mode.");
        if (!context.BuyerIsAdmin && !context.TestOverride)
            return Availability.No("Only administrators may use the test payment.");
        return base.IsOffered(context, settings);
    }

    public override INotificationProtocol NotificationProtocol(RawNotification raw, IServiceProvider services) =>
        services.GetRequiredService<TestNotificationProtocol>();

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet(PayModeRoutes.Send, SendAsync);
        group.MapNotify(this);
        // The simulated provider delivering its held notification, from outside the buyer's browser. The group takes no
        // antiforgery token (providers post to it), so this asks for a JSON body instead: a cross-site form riding on an
        // admin's cookie cannot send one, and a cross-site script could only with a CORS preflight the shop never grants.
        group.MapPost("/fire/{reference}", FireAsync);
        group.MapStatusReturns();
    }

    private async Task<Results<RedirectHttpResult, HandoverRefusal>> SendAsync(string reference, HttpContext http, PaymentHandover handover)
    {
        var (started, refusal) = await handover.BeginAsync(http, this, reference);
        return started is null ? refusal! : TypedResults.Redirect(PaymentHandover.StatusPath(started.Bill.Reference));
    }

    private static async Task<Results<Ok<TestFireAnswer>, ProblemHttpResult>> FireAsync(string reference, HttpContext http, TestSimulator simulator)
    {
        if (simulator.Refusal(http.User) is { } refusal)
            return TypedResults.Problem(title: "Test payment refused", detail: refusal, statusCode: StatusCodes.Status403Forbidden);
        if (!http.Request.HasJsonContentType())
            return TypedResults.Problem(title: "JSON body required",
                detail: "Post a JSON body ({}) with Content-Type: application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        var outcome = await simulator.FirePendingAsync(reference, http.RequestAborted);
        return outcome is null
            ? TypedResults.Problem(title: "Nothing to fire", detail: "This order has no deferred test notification waiting.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new TestFireAnswer(outcome.Verdict.ToString(), outcome.Detail));
    }
}

/// <summary>What <c>POST /paymodes/test/fire/{reference}</c> answers: the verdict on the notification it delivered.</summary>
public sealed record TestFireAnswer(string Verdict, string Detail);
