using System.Net;
using System.Threading.RateLimiting;
using Shop.PayModes.Core;
using Shop.Web.Hosting;

namespace Shop.Web.Checkout;

/// <summary>What refuses an order before it is even read: a nearly full disk, and (for the interactive checkout) the
/// client's checkout budget, the same one the rate limiter spends for <c>POST /api/checkout</c>.</summary>
public sealed class CheckoutGate(ClientRateLimiter limits, FreeDiskGuard disk)
{
    public const string StorageFull = "The shop cannot take new orders right now: its storage is nearly full. Please try again in a few minutes.";

    /// <summary>Null when the order may be placed; otherwise what to tell the buyer.</summary>
    public string? StorageRefusal() => disk.Refusal() is null ? null : StorageFull;

    /// <summary>For the interactive checkout, whose "place order" reaches the server over its circuit and not as a request:
    /// spends one of <paramref name="client"/>'s checkout requests. Null when the order may be placed; otherwise what to tell the buyer.</summary>
    public string? InteractiveRefusal(IPAddress? client)
    {
        if (StorageRefusal() is { } full)
            return full;
        using var lease = limits.Acquire(ClientRateLimit.Checkout, client);
        if (lease.IsAcquired)
            return null;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        return $"Too many orders from your address: please wait {NotificationAnswers.RetryAfterSeconds(wait)} seconds, then try again.";
    }
}
