using Microsoft.Extensions.Logging;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>
/// Posts the sandbox's server-to-server notifications. It uses the named client
/// <see cref="ClientName"/>, so tests running the shop without a socket can give it the test
/// server's handler; otherwise it is a real HTTP post to the notify URL.
/// </summary>
public sealed class SandboxNotifier(IHttpClientFactory clients, ILogger<SandboxNotifier> logger)
{
    public const string ClientName = "Shop.Sandbox.Notifications";

    /// <summary>Posts the fields form-encoded; returns the HTTP status, or 0 when the shop could not be reached.</summary>
    public async Task<int> PostAsync(string url, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), ct);
            logger.LogInformation("Sandbox notification to {Url}: {Status}", url, (int)response.StatusCode);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Sandbox notification to {Url} failed: {Error}", url, ex.Message);
            return 0;
        }
    }
}
