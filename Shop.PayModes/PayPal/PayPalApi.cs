using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Polly;

namespace Shop.PayModes.PayPal;

/// <summary>The credentials and base URL one call uses.</summary>
public sealed record PayPalAccount(string ApiBaseUrl, string ClientId, string ClientSecret);

/// <summary>A PayPal answer that is not a 5xx: its status and JSON body.</summary>
public sealed record PayPalResponse(HttpStatusCode Status, JsonElement Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The first <c>details[].issue</c> of an error body (e.g. <c>ORDER_NOT_APPROVED</c>).</summary>
    public string? Issue =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
            && details.GetArrayLength() > 0 ? PayPalOrderMessages.Text(details[0], "issue") : null;
}

/// <summary>OAuth tokens by account, kept until shortly before they expire.</summary>
public sealed class PayPalTokenCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <param name="lane">Who is asking (the client name): a fetch waits only behind fetches of the same lane, so forged
    /// webhooks queueing for a token never hold up a buyer's hand-over. A token fetched in either lane serves both.</param>
    public async Task<string> GetAsync(PayPalAccount account, string lane, Func<Task<(string Token, int ExpiresIn)>> fetch, CancellationToken ct)
    {
        var key = Key(account);
        if (_tokens.TryGetValue(key, out var cached) && cached.Expires > clock.GetUtcNow())
            return cached.Token;
        var gate = _gates.GetOrAdd(lane, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_tokens.TryGetValue(key, out cached) && cached.Expires > clock.GetUtcNow())
                return cached.Token;
            var (token, expiresIn) = await fetch();
            // A minute of margin, so a token never expires between our check and PayPal's.
            _tokens[key] = (token, clock.GetUtcNow().AddSeconds(Math.Max(0, expiresIn - 60)));
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Forget(PayPalAccount account) => _tokens.TryRemove(Key(account), out _);

    private static string Key(PayPalAccount account) =>
        account.ApiBaseUrl + "|" + account.ClientId + "|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.ClientSecret)));
}

/// <summary>
/// The Orders v2 REST calls. 5xx, timeouts and network failures become <see cref="PayPalUnavailableException"/>.
/// A buyer's calls go through <see cref="PayPalHttp.Api"/>, webhook verification through <see cref="PayPalHttp.Verify"/>.
/// </summary>
public sealed class PayPalApi(IHttpClientFactory clients, PayPalTokenCache tokens)
{
    public Task<PayPalResponse> CreateOrderAsync(PayPalAccount account, string body, string requestId, CancellationToken ct) =>
        SendAsync(PayPalHttp.Api, account, HttpMethod.Post, "/v2/checkout/orders", Json(body), requestId, ct);

    public Task<PayPalResponse> CaptureOrderAsync(PayPalAccount account, string orderId, string requestId, CancellationToken ct) =>
        SendAsync(PayPalHttp.Api, account, HttpMethod.Post, $"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}/capture", Json("{}"), requestId, ct);

    public Task<PayPalResponse> GetOrderAsync(PayPalAccount account, string orderId, CancellationToken ct) =>
        SendAsync(PayPalHttp.Api, account, HttpMethod.Get, $"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}", null, null, ct);

    /// <summary>
    /// <c>POST /v1/notifications/verify-webhook-signature</c> with the event embedded as the raw bytes received:
    /// PayPal checks a CRC of the event, so a re-serialised event would fail.
    /// </summary>
    public async Task<bool> VerifyWebhookAsync(PayPalAccount account, WebhookHeaders headers, string webhookId, byte[] rawEvent, CancellationToken ct)
    {
        var response = await SendAsync(PayPalHttp.Verify, account, HttpMethod.Post, "/v1/notifications/verify-webhook-signature",
            new ByteArrayContent(VerifyBody(headers, webhookId, rawEvent)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, null, ct);
        return response.IsSuccess && PayPalOrderMessages.Text(response.Body, "verification_status") == "SUCCESS";
    }

    /// <summary>The verification request body; <paramref name="rawEvent"/> is written as is, never re-serialised.</summary>
    public static byte[] VerifyBody(WebhookHeaders headers, string webhookId, byte[] rawEvent)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("auth_algo", headers.AuthAlgo);
            json.WriteString("cert_url", headers.CertUrl);
            json.WriteString("transmission_id", headers.TransmissionId);
            json.WriteString("transmission_sig", headers.TransmissionSig);
            json.WriteString("transmission_time", headers.TransmissionTime);
            json.WriteString("webhook_id", webhookId);
            json.WritePropertyName("webhook_event");
            json.WriteRawValue(rawEvent);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private async Task<PayPalResponse> SendAsync(string client, PayPalAccount account, HttpMethod method, string path, HttpContent? content, string? requestId, CancellationToken ct)
    {
        var token = await tokens.GetAsync(account, client, () => FetchTokenAsync(client, account, ct), ct);
        var response = await CallAsync(client, () =>
        {
            var request = new HttpRequestMessage(method, account.ApiBaseUrl + path) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (requestId is not null)
                request.Headers.Add("PayPal-Request-Id", requestId);
            request.Headers.Add("Prefer", "return=representation");
            return request;
        }, ct);
        if (response.Status == HttpStatusCode.Unauthorized)
            tokens.Forget(account);
        return response;
    }

    private async Task<(string Token, int ExpiresIn)> FetchTokenAsync(string client, PayPalAccount account, CancellationToken ct)
    {
        var response = await CallAsync(client, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, account.ApiBaseUrl + "/v1/oauth2/token")
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.ClientId}:{account.ClientSecret}")));
            return request;
        }, ct);
        if (!response.IsSuccess || PayPalOrderMessages.Text(response.Body, "access_token") is not { Length: > 0 } token)
            throw new PayPalUnavailableException($"PayPal refused the API credentials ({(int)response.Status}).");
        var expiresIn = response.Body.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 300;
        return (token, expiresIn);
    }

    private async Task<PayPalResponse> CallAsync(string name, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var client = clients.CreateClient(name);
        try
        {
            using var request = build();
            using var response = await client.SendAsync(request, ct);
            if ((int)response.StatusCode >= 500)
                throw new PayPalUnavailableException($"PayPal answered {(int)response.StatusCode}.");
            var text = await response.Content.ReadAsStringAsync(ct);
            var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return new PayPalResponse(response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException or JsonException
            || (ex is TaskCanceledException or OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new PayPalUnavailableException($"PayPal could not be reached: {ex.GetType().Name}.", ex);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

/// <summary>The <c>PAYPAL-*</c> headers of a webhook delivery.</summary>
public sealed record WebhookHeaders(string AuthAlgo, string CertUrl, string TransmissionId, string TransmissionSig, string TransmissionTime)
{
    public static WebhookHeaders? From(IReadOnlyDictionary<string, string> headers)
    {
        string? Get(string name) => headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return Get("PAYPAL-AUTH-ALGO") is { } algo && Get("PAYPAL-CERT-URL") is { } cert && Get("PAYPAL-TRANSMISSION-ID") is { } id
            && Get("PAYPAL-TRANSMISSION-SIG") is { } sig && Get("PAYPAL-TRANSMISSION-TIME") is { } time
            ? new WebhookHeaders(algo, cert, id, sig, time)
            : null;
    }
}
