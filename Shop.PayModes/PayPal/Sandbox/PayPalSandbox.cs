using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.PayModes.Core;
using Shop.PayModes.Core.Sandbox;

namespace Shop.PayModes.PayPal.Sandbox;

/// <summary>
/// PayPal's side of both integrations, in process (PAYMODES.md §5), only while PayPal is in the sandbox world
/// (<see cref="ProviderWorld"/>): OAuth (with the sandbox's client secret only), orders with an approval page,
/// captures, signed webhooks and their verification; the Payments Standard page, IPN delivery and
/// <c>_notify-validate</c>. It redirects and notifies only the shop's own <c>/paymodes/paypal/</c> endpoints
/// (<see cref="SandboxShop"/>). State lives in memory.
/// </summary>
public sealed partial class PayPalSandbox(IHttpClientFactory clients, IServiceScopeFactory scopes, SandboxCredentials credentials,
    ShopAddress address, TimeProvider clock, ILogger<PayPalSandbox> logger)
{
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

    /// <summary>Answers one sandbox request; <paramref name="path"/> is what follows <c>/sandbox/paypal/</c>.</summary>
    public async Task HandleAsync(HttpContext http, string path)
    {
        IResult result;
        try
        {
            result = await RouteAsync(http, path);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException
            || (ex is InvalidOperationException && HttpMethods.IsPost(http.Request.Method) && !http.Request.HasFormContentType))
        {
            // A body the route cannot read (a form route sent JSON, a body cut short): PayPal answers 400, never 5xx.
            result = ApiError(StatusCodes.Status400BadRequest, path.StartsWith("v1/notifications", StringComparison.Ordinal) ? NotificationsApi : OrdersApi,
                new SandboxIssue("MALFORMED_REQUEST", "The request is not well-formed.", Location: "body"));
        }
        await result.ExecuteAsync(http);
    }

    private async Task<IResult> RouteAsync(HttpContext http, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var post = HttpMethods.IsPost(http.Request.Method);
        return (post, segments) switch
        {
            (true, ["v1", "oauth2", "token"]) => await TokenAsync(http),
            (true, ["v2", "checkout", "orders"]) => await Authorized(http, () => CreateOrderAsync(http)),
            (false, ["v2", "checkout", "orders", var id]) => await Authorized(http, () => Task.FromResult(GetOrder(id))),
            (true, ["v2", "checkout", "orders", var id, "capture"]) => await Authorized(http, () => CaptureAsync(http, id)),
            (false, ["v2", "payments", "captures", var id]) => await Authorized(http, () => Task.FromResult(GetCapture(id))),
            (true, ["v2", "payments", "captures", var id, "refund"]) => await Authorized(http, () => RefundAsync(http, id)),
            (false, ["v2", "payments", "refunds", var id]) => await Authorized(http, () => Task.FromResult(GetRefund(id))),
            (true, ["v1", "notifications", "verify-webhook-signature"]) => await Authorized(http, () => VerifyWebhookAsync(http)),
            (false, ["checkoutnow"]) => ApprovalPage(http.Request.Query["token"].ToString()),
            (true, ["checkoutnow"]) => await ApproveAsync(http),
            (true, ["captures", var id, "complete"]) => await ControlAsync(() => CompletePendingCaptureAsync(id)),
            (true, ["captures", var id, "refund"]) => await ControlAsync(() => RefundCaptureAsync(id)),
            (true, ["captures", var id, "redeliver"]) => await ControlAsync(() => RedeliverAsync(id)),
            (true, ["webscr"]) => await StandardPageAsync(http),
            (true, ["webscr", "pay"]) => await StandardPayAsync(http),
            (true, ["ipn"]) => await NotifyValidateAsync(http),
            (true, ["ipn", "send"]) => await SendIpnFromFormAsync(http),
            (true, ["ipn", var txn, "complete"]) => await ControlAsync(() => CompletePendingIpnAsync(txn)),
            (true, ["ipn", var txn, "refund"]) => await ControlAsync(() => RefundIpnAsync(txn)),
            (true, ["ipn", var txn, "redeliver"]) => await ControlAsync(() => RedeliverIpnAsync(txn)),
            _ => Results.NotFound(),
        };
    }

    /// <summary>Where the shop reaches this sandbox: its own address, never the request's (PayPalUrls resolves the same).</summary>
    private string SandboxBaseUrl => address.BaseUrl + PayPalUrls.SandboxPrefix;

    /// <summary>Whether the sandbox may send the buyer or a notification to <paramref name="url"/>: one of the shop's PayPal endpoints.</summary>
    private static bool IsShopUrl(HttpContext http, string? url) => SandboxShop.IsPayModeUrl(http, PayPalPayMode.ModeCode, url);

    /// <summary>The 400 page for a request naming an address outside the shop: nothing is shown, redirected or sent.</summary>
    private static IResult ForeignTarget(string url) =>
        Page("PayPal sandbox", $"<h1 id=\"sandbox-error\">This payment request is not valid</h1><p>{Html.Encode(SandboxShop.ForeignTargetMessage(url))}</p>",
            StatusCodes.Status400BadRequest);

    private static async Task<IResult> ControlAsync(Func<Task<bool>> action) =>
        await action() ? Results.Ok(new { delivered = true }) : Results.NotFound();

    // ---------------------------------------------------------------- OAuth

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var credentials = AuthorizationValue(http, "Basic") is { } basic ? TryBase64(basic) : null;
        if (form["grant_type"] != "client_credentials" || credentials?.Split(':', 2) is not [{ Length: > 0 } clientId, { Length: > 0 } secret]
            || !await IsRegisteredClientAsync(clientId, secret, http.RequestAborted))
            return Results.Json(new { error = "invalid_client", error_description = "Client Authentication failed" }, statusCode: 401);
        var token = "A21AA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = clock.GetUtcNow().AddHours(9);
        return Results.Json(new { scope = "https://uri.paypal.com/services/payments/payment", access_token = token, token_type = "Bearer", app_id = "APP-SANDBOX", expires_in = 32400, nonce = Guid.NewGuid().ToString("N") });
    }

    /// <summary>
    /// The REST app the sandbox knows: the client id in the shop's PayPal settings with the sandbox's client secret
    /// (<see cref="SandboxCredentials"/>). The configured secret fails here, so it is never sent to the sandbox.
    /// </summary>
    private async Task<bool> IsRegisteredClientAsync(string clientId, string secret, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var settings = await scope.ServiceProvider.GetRequiredService<IPayModeSettingsStore>().GetSettingsAsync<PayPalSettings>(PayPalPayMode.ModeCode, ct);
        if (string.IsNullOrEmpty(settings.ClientId))
            return false;
        // Both compared in full (no early exit on the id), the secret in constant time.
        var idMatches = string.Equals(clientId, settings.ClientId, StringComparison.Ordinal);
        return idMatches & SignatureCompare.ExactEquals(secret, credentials.For(PayPalPayMode.ModeCode, nameof(PayPalSettings.ClientSecret)));
    }

    private async Task<IResult> Authorized(HttpContext http, Func<Task<IResult>> action)
    {
        if (AuthorizationValue(http, "Bearer") is not { } token || !_tokens.TryGetValue(token, out var expires) || expires < clock.GetUtcNow())
            return Results.Json(new { error = "invalid_token", error_description = "Token signature verification failed" }, statusCode: 401);
        return await action();
    }

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

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content($"""
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
