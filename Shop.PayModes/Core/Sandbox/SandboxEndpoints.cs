using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>
/// The built-in provider sandbox (docs/sandbox.md) under <c>/sandbox/{code}</c>: a hosted payment page,
/// signed browser returns, and signed server-to-server notifications (late, duplicated or retried on demand).
/// Every route answers 404 unless the shop is in test mode, and 403 for a pay mode outside the sandbox world
/// (<see cref="ProviderWorld"/>: a provider URL set, or a production configuration). It answers, redirects and
/// notifies only the pay mode's own endpoints on the shop (<see cref="SandboxShop"/>).
/// </summary>
public static class SandboxEndpoints
{
    /// <summary>Registers a provider's sandbox and the shared sandbox services.</summary>
    public static IServiceCollection AddProviderSandbox<TSandbox>(this IServiceCollection services) where TSandbox : class, IProviderSandbox
    {
        services.TryAddSingleton<SandboxStore>();
        services.TryAddScoped<SandboxNotifier>();
        services.AddHttpClient(SandboxNotifier.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<IProviderSandbox, TSandbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapProviderSandboxes(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<SandboxStore>() is null)
            return app;
        var sandbox = app.MapSandboxGroup("/sandbox/{code}", code: null);
        sandbox.MapMethods("/pay", ["GET", "POST"], PayAsync);
        sandbox.MapPost("/decide/{id}", DecideAsync);
        sandbox.MapPost("/deliver/{id}", DeliverAsync);
        return app;
    }

    /// <summary>
    /// A route group for a provider's sandbox: no antiforgery (providers do not send ours), 404 unless the shop is in
    /// test mode, and a 403 page for a pay mode that is not in the sandbox world. <paramref name="code"/> names the
    /// pay mode, or null when the prefix carries it as <c>{code}</c>.
    /// </summary>
    public static RouteGroupBuilder MapSandboxGroup(this IEndpointRouteBuilder app, string prefix, string? code)
    {
        var group = app.MapGroup(prefix).DisableAntiforgery().WithTags("sandbox").LimitPerClient(ClientRateLimit.Sandbox);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.RequestServices.GetRequiredService<IShopSettings>().Current.TestMode)
                return TypedResults.NotFound();
            var mode = code ?? http.GetRouteValue("code") as string;
            var world = await http.RequestServices.GetRequiredService<EffectiveSettings>().WorldOfAsync(mode, http.RequestAborted);
            if (world is null)
                return TypedResults.NotFound();
            return world.IsSandbox ? await next(context) : SandboxPages.NotInSandbox(mode!, world);
        });
        return group;
    }

    private static async Task<Results<NotFound, ContentHttpResult>> PayAsync(string code, HttpContext http, IEnumerable<IProviderSandbox> sandboxes, SandboxStore store)
    {
        if (Find(sandboxes, code) is not { } sandbox)
            return TypedResults.NotFound();
        var form = HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(http.RequestAborted)).Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList()
            : http.Request.Query.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString())).ToList();
        var check = await sandbox.CheckRequestAsync(form, http.Request, http.RequestAborted);
        if (check.Request is not { } request)
            return SandboxPages.Error(sandbox, StatusCodes.Status400BadRequest, $"The payment request was refused: {check.Error}");
        // Checked before the payment exists: nothing is ever shown, redirected or posted for a foreign address.
        if (SandboxShop.FirstForeign(http, sandbox.Code, request.ReturnUrl, request.DeclineUrl, request.CancelUrl, request.NotifyUrl) is { } foreign)
            return SandboxPages.Error(sandbox, StatusCodes.Status400BadRequest, SandboxShop.ForeignTargetMessage(foreign));
        return SandboxPages.PaymentPage(sandbox, store.Add(sandbox.Code, request));
    }

    private static async Task<Results<NotFound, ContentHttpResult, RedirectHttpResult>> DecideAsync(string code, string id, HttpContext http,
        IEnumerable<IProviderSandbox> sandboxes, SandboxStore store, SandboxNotifier notifier)
    {
        if (Find(sandboxes, code) is not { } sandbox || store.Find(sandbox.Code, id) is not { } payment)
            return TypedResults.NotFound();
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        if (!TryParseDecision(form?["decision"].ToString(), out var decision))
            return SandboxPages.Error(sandbox, StatusCodes.Status400BadRequest, "Choose pay, pay late, pending, refuse or cancel.");
        if (!payment.TryDecide(decision))
            return SandboxPages.Error(sandbox, StatusCodes.Status409Conflict, "This payment was already decided.");

        var ct = http.RequestAborted;
        var (status, returnUrl) = decision switch
        {
            SandboxDecision.Refuse => (SandboxStatus.Refused, payment.Request.DeclineUrl ?? payment.Request.ReturnUrl),
            SandboxDecision.Cancel => (SandboxStatus.Cancelled, payment.Request.CancelUrl ?? payment.Request.ReturnUrl),
            SandboxDecision.PendingThenPay => (SandboxStatus.Pending, payment.Request.ReturnUrl),
            _ => (SandboxStatus.Paid, payment.Request.ReturnUrl),
        };
        var fields = await sandbox.SignResponseAsync(payment, status, ct);
        payment.SetReturn(returnUrl, fields);
        switch (decision)
        {
            case SandboxDecision.PayLate:
                payment.SetNotification(fields, held: true);
                return SandboxPages.HeldPage(sandbox, payment);
            case SandboxDecision.PendingThenPay:
                await notifier.PostAsync(payment.Request.NotifyUrl, fields, ct);
                payment.SetNotification(await sandbox.SignResponseAsync(payment, SandboxStatus.Paid, ct), held: true);
                return SandboxPages.HeldPage(sandbox, payment);
            default:
                payment.SetNotification(fields, held: false);
                await notifier.PostAsync(payment.Request.NotifyUrl, fields, ct);
                return sandbox.ReturnsByGet(payment)
                    ? TypedResults.Redirect(SandboxPages.ReturnLink(payment))
                    : SandboxPages.ReturnPage(sandbox, payment);
        }
    }

    /// <summary>Sends the payment's notification: the held one, or again the last one (a retry, as the provider marks it). <c>?copies=n</c> sends it n times.</summary>
    private static async Task<Results<NotFound, ProblemHttpResult, ContentHttpResult, Ok<SandboxDelivery>>> DeliverAsync(string code, string id, HttpContext http, int? copies,
        IEnumerable<IProviderSandbox> sandboxes, SandboxStore store, SandboxNotifier notifier)
    {
        if (Find(sandboxes, code) is not { } sandbox || store.Find(sandbox.Code, id) is not { } payment)
            return TypedResults.NotFound();
        if (payment.Notification is not { } fields)
            return TypedResults.Problem(title: "Nothing to deliver", detail: "The buyer has not decided yet.", statusCode: StatusCodes.Status409Conflict);
        var count = Math.Clamp(copies ?? 1, 1, 50);
        // A held notification goes out once as it was signed; every other copy is the provider sending it again.
        var first = payment.NotificationHeld ? fields : null;
        var again = count > (first is null ? 0 : 1) ? await sandbox.SignRetryAsync(payment, fields, http.RequestAborted) : fields;
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
            statuses.Add(await notifier.PostAsync(payment.Request.NotifyUrl, i == 0 && first is not null ? first : again, http.RequestAborted));
        payment.MarkDelivered();
        var asPage = http.Request.HasFormContentType && (await http.Request.ReadFormAsync(http.RequestAborted))["page"] == "1";
        return asPage
            ? SandboxPages.HeldPage(sandbox, payment, $"Notification delivered: the shop answered {string.Join(", ", statuses)}.")
            : TypedResults.Ok(new SandboxDelivery(count, statuses));
    }

    private static IProviderSandbox? Find(IEnumerable<IProviderSandbox> sandboxes, string code) =>
        sandboxes.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    private static bool TryParseDecision(string? text, out SandboxDecision decision)
    {
        decision = SandboxDecision.Pay;
        switch (text)
        {
            case "pay": return true;
            case "paylate": decision = SandboxDecision.PayLate; return true;
            case "pending": decision = SandboxDecision.PendingThenPay; return true;
            case "refuse": decision = SandboxDecision.Refuse; return true;
            case "cancel": decision = SandboxDecision.Cancel; return true;
            default: return false;
        }
    }
}

/// <summary>What <c>POST /sandbox/{code}/deliver/{id}</c> answers a script: how many copies went out and the shop's status for each.</summary>
public sealed record SandboxDelivery(int Delivered, IReadOnlyList<int> Statuses);
