using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.PayPal;
using Shop.PayModes.PayPal.Sandbox;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;
using Shop.Web.Fulfilment;

namespace Shop.Tests.PayModes.PayPal;

/// <summary>
/// The shop in test mode with PayPal enabled and its provider URLs empty, so every PayPal call goes to the
/// built-in sandbox. TestServer has no socket: the PayPal HttpClients get the TestServer's handler instead.
/// </summary>
public class PayPalFactory(string integration, Func<HttpMessageHandler>? apiHandler = null, IDictionary<string, string?>? extra = null)
    : ShopFactory(Settings(integration, extra))
{
    public const string Business = "merchant@shop.example";
    public const string WebhookId = "WH-TEST-0001";

    public static Dictionary<string, string?> Settings(string integration, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shop:TestMode"] = "true",
            ["PayModes:paypal:Enabled"] = "true",
            ["PayModes:paypal:Integration"] = integration,
            ["PayModes:paypal:ClientId"] = "sandbox-client-id",
            ["PayModes:paypal:ClientSecret"] = "sandbox-client-secret-1234",
            ["PayModes:paypal:WebhookId"] = WebhookId,
            ["PayModes:paypal:Business"] = Business,
            ["PayPal:Http:AttemptTimeout"] = "00:00:02",
            ["PayPal:Http:TotalTimeout"] = "00:00:05",
            ["PayPal:Http:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var name in PayPalHttp.All)
            {
                var custom = name == PayPalHttp.Api ? apiHandler : null;
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => custom?.Invoke()
                    ?? (name == PayPalHttp.Api ? new ApiRecorder(ApiCalls) { InnerHandler = Server.CreateHandler() } : Server.CreateHandler()));
            }
        });
    }

    public PayPalSandbox Sandbox => Service<PayPalSandbox>();

    /// <summary>Every REST call the shop made to the sandbox: method, path and <c>PayPal-Request-Id</c>.</summary>
    public ConcurrentQueue<ApiCall> ApiCalls { get; } = new();

    public Task<T> DbAsync<T>(Func<ShopDbContext, Task<T>> query) => InScopeAsync(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    public Task<int> AfterPaymentDeliveriesAsync(string reference) => DbAsync(db =>
        db.FulfilmentRecords.CountAsync(f => f.Phase == FulfilmentPhase.AfterPayment && db.Bills.Any(b => b.Id == f.BillId && b.Reference == reference)));

    public Task<BillView> BillAsync(string reference) => InScopeAsync(async sp => (await sp.GetRequiredService<IBillGateway>().FindAsync(reference))!);

    public Task<bool> TraceContainsAsync(string reference, string what) => DbAsync(db =>
        db.BillTraces.AnyAsync(t => t.What.Contains(what) && db.Bills.Any(b => b.Id == t.BillId && b.Reference == reference)));

    public Task<List<NotificationVerdict>> VerdictsAsync() => DbAsync(db => db.Notifications.OrderBy(n => n.Id).Select(n => n.Verdict).ToListAsync());
}

public sealed record ApiCall(string Method, string Path, string? RequestId);

/// <summary>Notes each call the shop makes to PayPal's REST API, then passes it on.</summary>
public sealed class ApiRecorder(ConcurrentQueue<ApiCall> calls) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        calls.Enqueue(new(request.Method.Method, request.RequestUri!.AbsolutePath,
            request.Headers.TryGetValues("PayPal-Request-Id", out var ids) ? ids.Single() : null));
        return base.SendAsync(request, ct);
    }
}

public sealed class PayPalOrdersFactory() : PayPalFactory(PayPalSettings.Orders);

public sealed class PayPalStandardFactory() : PayPalFactory(PayPalSettings.Standard);

/// <summary>A PayPal API that is down: 500 for everything, or no answer at all.</summary>
public sealed class OutageHandler(bool hang) : HttpMessageHandler
{
    public int Calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        if (hang)
            await Task.Delay(Timeout.Infinite, ct);
        return new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("""{"name":"INTERNAL_SERVER_ERROR","message":"An internal server error occurred."}""", Encoding.UTF8, "application/json"),
        };
    }
}

public static class PayPalTestClient
{
    /// <summary>The shop redirects to the sandbox approval page; returns the PayPal order id.</summary>
    public static async Task<string> StartOrderAsync(this HttpClient client, PlacedOrder order)
    {
        var send = await client.SendAsync(order);
        Assert.True(send.StatusCode == HttpStatusCode.Redirect, $"send answered {(int)send.StatusCode}: {await send.Content.ReadAsStringAsync()}");
        var approval = send.Headers.Location!;
        Assert.Equal("/sandbox/paypal/checkoutnow", approval.AbsolutePath);
        return System.Web.HttpUtility.ParseQueryString(approval.Query)["token"]!;
    }

    /// <summary>The buyer's choice on the approval page; returns where PayPal sends the browser back.</summary>
    public static async Task<Uri> ChooseAsync(this HttpClient client, string orderId, string choice)
    {
        var response = await client.PostAsync("/sandbox/paypal/checkoutnow",
            new FormUrlEncodedContent([new("token", orderId), new("choice", choice)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Follows the browser's return to the shop (no redirects followed).</summary>
    public static Task<HttpResponseMessage> ReturnAsync(this HttpClient client, Uri location) => client.GetAsync(location.PathAndQuery);
}
