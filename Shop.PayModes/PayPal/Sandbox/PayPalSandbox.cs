using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>
/// PayPal's side of both integrations, in process (docs/sandbox.md), only while PayPal is in the sandbox world
/// (<see cref="ProviderWorld"/>): OAuth (with the sandbox's client secret only), orders with an approval page,
/// captures, signed webhooks and their verification; the Payments Standard page, IPN delivery and
/// <c>_notify-validate</c>. It redirects and notifies only the shop's own <c>/paymodes/paypal/</c> endpoints
/// (<see cref="SandboxShop"/>). State lives in memory; the routes are <see cref="PayPalSandboxEndpoints"/>.
/// </summary>
/// <remarks>
/// Written from PayPal's public API alone, independently of the pay mode: it reads and writes PayPal's JSON and
/// IPN forms with its own code and knows the merchant only as PayPal would (<see cref="SandboxAccount"/>), so a
/// mistake in the mode's parsing cannot be mirrored here and pass the tests.
/// </remarks>
public sealed partial class PayPalSandbox(IHttpClientFactory clients, IServiceScopeFactory scopes, SandboxCredentials credentials,
    ShopAddress address, TimeProvider clock, ILogger<PayPalSandbox> logger)
{
    /// <summary>The pay mode it stands in for: the shop's endpoints it answers (<c>/paymodes/paypal/</c>) and its merchant account.</summary>
    public const string Code = "paypal";

    /// <summary>Where it is served, under the shop's own address.</summary>
    public const string Prefix = "/sandbox/" + Code;

    /// <summary>The named HttpClient it delivers webhooks and IPNs with (registered with the mode's other PayPal clients).</summary>
    public const string DeliveryClient = "paypal-sandbox";

    public const string ReceiverId = "SANDBOXMERCHANT1";
    public const string DefaultPayee = "merchant@sandbox.example";
    public const string PayerId = "SANDBOXPAYER1";

    private readonly byte[] _webhookKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly ConcurrentDictionary<string, SandboxOrder> _orders = new();
    private readonly ConcurrentDictionary<string, SandboxOrder> _ordersByRequestId = new();
    private readonly ConcurrentDictionary<string, SandboxOrder> _captures = new();
    private readonly ConcurrentDictionary<string, SandboxRefund> _refunds = new();
    private readonly ConcurrentDictionary<string, SandboxRefund> _refundsByRequestId = new();
    /// <summary>One refund or capture state change at a time: what a capture has returned is checked and moved together.</summary>
    private readonly Lock _refundGate = new();
    private readonly ConcurrentDictionary<string, byte> _sentIpn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _ipnByTxn = new();
    private readonly ConcurrentDictionary<string, (string NotifyUrl, string Body)> _heldIpn = new();
    private readonly ConcurrentDictionary<string, (string NotifyUrl, string Body)> _lastIpn = new();

    /// <summary>Where the shop reaches this sandbox: its own address, never the request's (the mode resolves the same).</summary>
    private string SandboxBaseUrl => address.BaseUrl + Prefix;

    /// <summary>Whether the sandbox may send the buyer or a notification to <paramref name="url"/>: one of the shop's PayPal endpoints.</summary>
    private static bool IsShopUrl(HttpContext http, string? url) => SandboxShop.IsPayModeUrl(http, Code, url);

    /// <summary>The 400 page for a request naming an address outside the shop: nothing is shown, redirected or sent.</summary>
    private static ContentHttpResult ForeignTarget(string url) =>
        Page("PayPal sandbox", $"<h1 id=\"sandbox-error\">This payment request is not valid</h1><p>{Html.Encode(SandboxShop.ForeignTargetMessage(url))}</p>",
            StatusCodes.Status400BadRequest);

    // ---------------------------------------------------------------- OAuth

    /// <summary><c>POST /v1/oauth2/token</c>: a bearer token for the registered app (client credentials in Basic authentication).</summary>
    internal async Task<Results<JsonHttpResult<OAuthToken>, JsonHttpResult<OAuthError>>> TokenAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var credentials = AuthorizationValue(http, "Basic") is { } basic ? TryBase64(basic) : null;
        if (form["grant_type"] != "client_credentials" || credentials?.Split(':', 2) is not [{ Length: > 0 } clientId, { Length: > 0 } secret]
            || !await IsRegisteredClientAsync(clientId, secret, http.RequestAborted))
            return TypedResults.Json(new OAuthError("invalid_client", "Client Authentication failed"), statusCode: StatusCodes.Status401Unauthorized);
        var token = "A21AA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = clock.GetUtcNow().AddHours(9);
        return TypedResults.Json(new OAuthToken("https://uri.paypal.com/services/payments/payment", token, "Bearer", "APP-SANDBOX", 32400, Guid.NewGuid().ToString("N")));
    }

    /// <summary>
    /// The REST app the sandbox knows: the client id in the shop's PayPal settings with the sandbox's client secret
    /// (<see cref="SandboxCredentials"/>). The configured secret fails here, so it is never sent to the sandbox.
    /// </summary>
    private async Task<bool> IsRegisteredClientAsync(string clientId, string secret, CancellationToken ct)
    {
        var registered = (await AccountAsync(ct))["ClientId"];
        if (string.IsNullOrEmpty(registered))
            return false;
        // Both compared in full (no early exit on the id), the secret in constant time.
        var idMatches = string.Equals(clientId, registered, StringComparison.Ordinal);
        return idMatches & SignatureCompare.ExactEquals(secret, credentials.For(Code, "ClientSecret"));
    }

    /// <summary>The merchant's account as PayPal has it on file: the public settings of the shop's PayPal mode.</summary>
    private async Task<SandboxAccount> AccountAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SandboxAccount.ReadAsync(scope.ServiceProvider.GetRequiredService<IPayModeSettingsStore>(), Code, ct);
    }

    /// <summary>PayPal's 401 for a REST call without a live bearer token this sandbox issued; null when the token is good.</summary>
    internal JsonHttpResult<OAuthError>? RefuseToken(HttpContext http) =>
        AuthorizationValue(http, "Bearer") is not { } token || !_tokens.TryGetValue(token, out var expires) || expires < clock.GetUtcNow()
            ? TypedResults.Json(new OAuthError("invalid_token", "Token signature verification failed"), statusCode: StatusCodes.Status401Unauthorized)
            : null;

    private static string? AuthorizationValue(HttpContext http, string scheme)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith(scheme + " ", StringComparison.OrdinalIgnoreCase) ? header[(scheme.Length + 1)..].Trim() : null;
    }

    private static string? TryBase64(string text)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(text)); }
        catch (FormatException) { return null; }
    }

    private static string NewId(int length = 17) =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(length))[..length];

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static ContentHttpResult Page(string title, string body, int status = StatusCodes.Status200OK) => TypedResults.Content($"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><title>{Html.Encode(title)}</title>
        <style>
          body {"{"} font-family: system-ui, sans-serif; background: #eef3f8; margin: 0; {"}"}
          header {"{"} background: #003087; color: #fff; padding: 1rem 2rem; font-weight: bold; font-size: 1.3rem; {"}"}
          header small {"{"} color: #ffc439; font-weight: normal; margin-left: 1rem; {"}"}
          main {"{"} background: #fff; max-width: 30rem; margin: 2rem auto; padding: 2rem; border-radius: 10px; box-shadow: 0 2px 10px rgba(0,0,0,.1); {"}"}
          .amount {"{"} font-size: 2rem; margin: .5rem 0 1.5rem; {"}"}
          button {"{"} display: block; width: 100%; margin: .5rem 0; padding: .8rem; border: 0; border-radius: 24px; font-size: 1rem; cursor: pointer; {"}"}
          .primary {"{"} background: #ffc439; color: #111; font-weight: bold; {"}"}
          .secondary {"{"} background: #e2e7ee; color: #222; {"}"}
        </style></head>
        <body><header>PayPal<small>built-in sandbox · no money moves</small></header><main>
        {body}
        </main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
