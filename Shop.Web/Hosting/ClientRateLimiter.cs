using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>
/// The shop's one set of per-client budgets (<see cref="RateLimitOptions"/>): the rate-limiting middleware spends them for
/// requests, and the interactive checkout (whose clicks reach the server over its circuit, not as requests) spends the
/// same ones, so a client has one checkout budget however it orders.
/// </summary>
public sealed class ClientRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Keyed by budget and client; requests to endpoints that spend no budget share one unlimited partition.</summary>
    private readonly PartitionedRateLimiter<(ClientRateLimit? Limit, string Client)> _limiter;

    public ClientRateLimiter(IOptions<RateLimitOptions> options)
    {
        var perMinute = options.Value;
        _limiter = PartitionedRateLimiter.Create<(ClientRateLimit? Limit, string Client), (ClientRateLimit?, string)>(key =>
            key.Limit is { } limit && perMinute.PerMinute(limit) is > 0 and var permits
                ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(key));
    }

    /// <summary>Spends one of <paramref name="client"/>'s <paramref name="limit"/> requests; a lease that is not acquired carries the retry-after.</summary>
    public RateLimitLease Acquire(ClientRateLimit limit, IPAddress? client) => _limiter.AttemptAcquire((limit, ClientKey(client)));

    /// <summary>The same budgets, for requests: an endpoint's <see cref="ClientRateLimitMetadata"/> names the one it spends.</summary>
    public PartitionedRateLimiter<HttpContext> ForRequests() =>
        _limiter.WithTranslatedKey<HttpContext>(http => http.GetEndpoint()?.Metadata.GetMetadata<ClientRateLimitMetadata>() is { } metadata
            ? (metadata.Limit, ClientKey(http.Connection.RemoteIpAddress))
            : (null, ""), leaveOpen: true);

    /// <summary>
    /// One partition per client address. An IPv6 client is counted by its /64, the block one subscriber usually holds whole
    /// (otherwise a single host could take a fresh address for every request). No address (an in-process test server) is one client.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
            return "-";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _limiter.Dispose();
}
