using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.PayModes.Core;

namespace Shop.Tests.Conformance.ProbeMode;

/// <summary>
/// A ninth pay mode that exists only in the test suite: its own settings with one secret, a selector, a settings
/// form, a send and a notify endpoint. It is registered for every test host by one line (<c>ShopFactory</c>), so the
/// registry-driven conformance tests check it without anyone writing its name in a list. Disabled until a test
/// turns it on, like a provider mode on a fresh install.
/// </summary>
public sealed class ProbePayMode : PayMode<ProbeSettings, ProbeSelector, ProbeSettingsForm>, IPayModeRegistration, IPayModeSandbox
{
    public const string ModeCode = "probe";

    /// <summary>A redirect mode rehearses against a sandbox; the probe's is one page saying where a provider's would be.</summary>
    public static void Register(PayModeBuilder mode) => mode.SandboxRoutes<ProbePayMode>();

    public void MapSandbox(IEndpointRouteBuilder sandbox) =>
        sandbox.MapGet("/pay", () => TypedResults.Content("<!doctype html><title>Probe sandbox</title><p>Probe sandbox</p>", "text/html"));

    public override string Code => ModeCode;

    public override string Name => "Probe (test)";

    public override string Description => "A test-only provider that proves a new pay mode needs no list entry.";

    public override PayModeKind Kind => PayModeKind.Redirect;

    public override void MapEndpoints(IEndpointRouteBuilder group)
    {
        group.MapGet("/send/{reference}", SendAsync);
        group.MapPost("/notify", NotifyAsync);
    }

    /// <summary>Opens an attempt (the shared hand-over refuses unknown, paid or foreign bills) and shows the status page.</summary>
    private async Task<IResult> SendAsync(string reference, HttpContext http, PaymentHandover handover)
    {
        var (started, refusal) = await handover.BeginAsync(http, this, reference);
        return started is null ? refusal! : TypedResults.Redirect(PaymentHandover.StatusPath(started.Bill.Reference));
    }

    /// <summary>Takes only a small form naming a reference; anything else is refused with a 400, never a 5xx.</summary>
    private static async Task<Results<Ok, BadRequest>> NotifyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentLength is null or > 4096)
            return TypedResults.BadRequest();
        using var reader = new StreamReader(request.Body);
        try
        {
            var fields = FormBody.Parse(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
            return fields.Any(f => f.Key == "reference" && f.Value.Length > 0) ? TypedResults.Ok() : TypedResults.BadRequest();
        }
        catch (FormatException)
        {
            return TypedResults.BadRequest();
        }
    }
}
