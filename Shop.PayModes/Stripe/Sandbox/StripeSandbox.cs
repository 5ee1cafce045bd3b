using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.Stripe.Sandbox;

/// <summary>
/// Stripe's side of Checkout, in process (docs/sandbox.md), only while the Stripe mode is in the sandbox world: the
/// API as Stripe.net calls it under <c>/sandbox/stripe/v1/</c> (Checkout Sessions, their expiry, refunds), a hosted
/// Checkout page, and webhook events signed as Stripe signs them, delivered to the shop's <c>/paymodes/stripe/notify</c>
/// and resent on demand. The routes are <see cref="StripeSandboxEndpoints"/>; state lives in memory.
/// </summary>
/// <remarks>
/// Written from Stripe's public API alone, independently of the pay mode: it reads Stripe's form encoding and writes
/// Stripe's JSON with its own code (no Stripe.net), and knows the merchant only by the sandbox credentials
/// (<see cref="SandboxCredentials"/> for the settings <c>SecretKey</c> and <c>WebhookSecret</c>), so a mistake in
/// the mode cannot be mirrored here and pass. Stripe.net itself drives it in the fidelity tests.
/// </remarks>
public sealed partial class StripeSandbox(IHttpClientFactory clients, SandboxCredentials credentials, ShopAddress address,
    TimeProvider clock, ILogger<StripeSandbox> logger) : IPayModeSandbox
{
    /// <summary>The pay mode it stands in for: the shop's endpoints it answers (<c>/paymodes/stripe/</c>) and its credentials.</summary>
    public const string Code = "stripe";

    /// <summary>Where it is served, under the shop's own address.</summary>
    public const string Prefix = "/sandbox/" + Code;

    /// <summary>The API version its objects and events are shaped by: the one Stripe.net 53.1 pins.</summary>
    public const string ApiVersion = "2026-10-28.endive";

    /// <summary>The mode's secret settings, as <see cref="SandboxCredentials"/> names them.</summary>
    public const string SecretKeySetting = "SecretKey";

    public const string WebhookSecretSetting = "WebhookSecret";

    /// <summary>Sessions, and idempotent answers, kept at most (a restart forgets them, as a sandbox may).</summary>
    private const int Capacity = 10_000;

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    private readonly ConcurrentDictionary<string, SandboxSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxSession> _byPaymentIntent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxSession> _byCharge = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (SandboxSession Session, JsonObject Refund)> _refunds = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Declares the sandbox in the Stripe mode's registration: <c>StripeSandbox.AddTo(mode)</c>.</summary>
    public static void AddTo(PayModeBuilder mode)
    {
        // The shared name the other sandboxes deliver with, so a host that routes their deliveries routes these too.
        mode.Services.AddHttpClient(SandboxNotifier.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        mode.SandboxRoutes<StripeSandbox>();
    }

    public void MapSandbox(IEndpointRouteBuilder sandbox) => StripeSandboxEndpoints.Map(sandbox);

    /// <summary>The Bearer key Stripe.net sends: the sandbox's value of the mode's <c>SecretKey</c>.</summary>
    private string SecretKey => credentials.For(Code, SecretKeySetting);

    /// <summary>The signing secret of the webhook endpoint: the sandbox's value of the mode's <c>WebhookSecret</c>.</summary>
    private string WebhookSecret => credentials.For(Code, WebhookSecretSetting);

    private string SandboxBaseUrl => address.BaseUrl + Prefix;

    private string HostedPage(SandboxSession session) => $"{SandboxBaseUrl}/pay/{session.Id}";

    private string NotifyUrl => address.BaseUrl + PayModeRoutes.Group(Code) + "/notify";

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    internal SandboxSession? Find(string id)
    {
        if (!_sessions.TryGetValue(id, out var session))
            return null;
        ExpireIfDue(session);
        return session;
    }

    private void Remember(SandboxSession session)
    {
        _sessions[session.Id] = session;
        _byPaymentIntent[session.PaymentIntentId] = session;
        _byCharge[session.ChargeId] = session;
        _order.Enqueue(session.Id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest) && _sessions.TryRemove(oldest, out var gone))
        {
            _byPaymentIntent.TryRemove(gone.PaymentIntentId, out _);
            _byCharge.TryRemove(gone.ChargeId, out _);
        }
    }

    /// <summary>Stripe-style ids: a prefix and random letters and digits.</summary>
    internal static string NewId(string prefix, int length = 24)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var id = new StringBuilder(prefix, prefix.Length + length);
        foreach (var b in RandomNumberGenerator.GetBytes(length))
            id.Append(alphabet[b % alphabet.Length]);
        return id.ToString();
    }

    internal static string Serialize(JsonNode node) => node.ToJsonString(Pretty);

    /// <summary>Whether the sandbox may send the buyer to <paramref name="url"/>: one of the shop's Stripe endpoints.</summary>
    private static bool IsShopUrl(HttpContext http, string? url) => SandboxShop.IsPayModeUrl(http, Code, url);

    private void Log(string what, SandboxSession session) =>
        logger.LogInformation("Stripe sandbox: {What} for session {Session}", what, session.Id);
}
