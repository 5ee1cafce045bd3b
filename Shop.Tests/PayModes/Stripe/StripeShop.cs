using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;
using Shop.PayModes.Stripe;
using Shop.Tests.Infrastructure;
using Shop.Web.Data;
using Shop.Web.Fulfilment;
using Stripe;

namespace Shop.Tests.PayModes.Stripe;

/// <summary>
/// The shop in test mode with Stripe enabled and its API base URL empty: the sandbox world, so the webhook secret is the
/// sandbox's. Stripe.net's HttpClient gets <paramref name="api"/> (a fake Stripe) or else the TestServer's handler (the
/// built-in sandbox).
/// </summary>
public class StripeFactory(Func<HttpMessageHandler>? api = null) : ShopFactory(Settings)
{
    public static Dictionary<string, string?> Settings => new()
    {
        ["Shop:TestMode"] = "true",
        ["PayModes:stripe:Enabled"] = "true",
        ["PayModes:stripe:SecretKey"] = "sk_test_configured0000",
        ["PayModes:stripe:WebhookSecret"] = "whsec_configured0000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(StripeGateway.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => api?.Invoke() ?? Server.CreateHandler());
            services.AddHttpClient(SandboxNotifier.ClientName).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        });
    }

    /// <summary>The signing secret the shop verifies webhooks with in the sandbox world.</summary>
    public string WebhookSecret => Service<SandboxCredentials>().For(StripePayMode.ModeCode, nameof(StripeSettings.WebhookSecret));

    public Task<T> DbAsync<T>(Func<ShopDbContext, Task<T>> query) => InScopeAsync(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        return await query(db);
    });

    public Task<BillView> BillAsync(string reference) => InScopeAsync(async sp => (await sp.GetRequiredService<IBillGateway>().FindAsync(reference))!);

    public Task<int> AfterPaymentDeliveriesAsync(string reference) => DbAsync(db =>
        db.FulfilmentRecords.CountAsync(f => f.Phase == FulfilmentPhase.AfterPayment && db.Bills.Any(b => b.Id == f.BillId && b.Reference == reference)));

    public Task<List<NotificationVerdict>> VerdictsAsync() => DbAsync(db => db.Notifications.OrderBy(n => n.Id).Select(n => n.Verdict).ToListAsync());
}

public sealed class SandboxStripeFactory() : StripeFactory();

/// <summary>Stripe as far as session creation goes: answers every call with a session, and records what Stripe.net sent.</summary>
public sealed class FakeStripeApi(ConcurrentQueue<FakeStripeApi.Call> calls) : HttpMessageHandler
{
    public sealed record Call(string Method, string Path, string? Authorization, string? IdempotencyKey, string Body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        calls.Enqueue(new(request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null, body));
        var id = $"cs_test_{calls.Count:D4}";
        var session = new JsonObject
        {
            ["id"] = id, ["object"] = "checkout.session", ["mode"] = "payment", ["status"] = "open", ["payment_status"] = "unpaid",
            ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(session.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}

public sealed class FakeStripeFactory : StripeFactory
{
    public FakeStripeFactory() : this(new ConcurrentQueue<FakeStripeApi.Call>())
    {
    }

    private FakeStripeFactory(ConcurrentQueue<FakeStripeApi.Call> calls) : base(() => new FakeStripeApi(calls)) => Calls = calls;

    public ConcurrentQueue<FakeStripeApi.Call> Calls { get; }
}

/// <summary>Webhook events as Stripe sends them, signed with Stripe.net's own helper.</summary>
public static class StripeEvents
{
    public static string Session(string type, string attempt, long amount, string currency = "eur", string paymentStatus = "paid",
        string? eventId = null, string apiVersion = "2025-11-17.clover") =>
        new JsonObject
        {
            ["id"] = eventId ?? $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = apiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["type"] = type,
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = "cs_test_0001", ["object"] = "checkout.session", ["mode"] = "payment",
                    ["client_reference_id"] = attempt, ["amount_total"] = amount, ["currency"] = currency,
                    ["payment_status"] = paymentStatus, ["status"] = type == "checkout.session.expired" ? "expired" : "complete",
                    ["payment_intent"] = "pi_test_0001",
                },
            },
        }.ToJsonString();

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string json, string secret, DateTimeOffset? signedAt = null, string? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/paymodes/stripe/notify") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature",
            header ?? EventUtility.GenerateSignatureHeader(json, secret, (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()));
        return await client.SendAsync(request);
    }
}
