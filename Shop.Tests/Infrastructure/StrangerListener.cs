using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// A stranger's HTTP server on 127.0.0.1, named in a forged <c>Host</c> header. It answers what a forger would (an
/// OAuth token, <c>"verification_status": "SUCCESS"</c>, <c>VERIFIED</c>) and notes the method and path of every
/// request it gets; the shop must never call it.
/// </summary>
public sealed class StrangerListener : IDisposable
{
    private readonly HttpListener _listener = new();

    public StrangerListener()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public int Port { get; }

    /// <summary>The value of a forged <c>Host</c> header naming this listener.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public ConcurrentQueue<string> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue($"{context.Request.HttpMethod} {path}");
            var (type, body) = path switch
            {
                _ when path.EndsWith("/oauth2/token", StringComparison.Ordinal) =>
                    ("application/json", """{"access_token":"forged-token","token_type":"Bearer","expires_in":32400}"""),
                _ when path.EndsWith("/verify-webhook-signature", StringComparison.Ordinal) => ("application/json", """{"verification_status":"SUCCESS"}"""),
                _ => ("text/plain", "VERIFIED"),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = type;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
