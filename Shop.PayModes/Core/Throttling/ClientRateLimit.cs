using Microsoft.AspNetCore.Builder;

namespace Shop.PayModes.Core;

/// <summary>
/// The per-client request budgets of the shop (<c>Shop:RateLimits:*</c>, requests per minute per client). An endpoint
/// names the budget it spends; the host enforces them with ASP.NET Core's rate limiter.
/// </summary>
public enum ClientRateLimit
{
    /// <summary>Placing an order: <c>POST /api/checkout</c> and the interactive checkout's "place order".</summary>
    Checkout,
    /// <summary>Provider notifications, <c>/paymodes/{code}/notify</c>.</summary>
    Notify,
    /// <summary>The sign-in form's post.</summary>
    SignIn,
    /// <summary>The built-in provider sandboxes, <c>/sandbox/{code}/...</c>.</summary>
    Sandbox,
    /// <summary>A hand-over, <c>GET /paymodes/{code}/send/{reference}</c>: each may open an attempt and draw a provider id.</summary>
    Handover,
}

/// <summary>Endpoint metadata: a request to this endpoint spends one of the client's <see cref="Limit"/> requests (none when null).</summary>
public sealed record ClientRateLimitMetadata(ClientRateLimit? Limit);

public static class ClientRateLimitConventions
{
    /// <summary>Counts every request to these endpoints against the client's <paramref name="limit"/> budget.</summary>
    public static TBuilder LimitPerClient<TBuilder>(this TBuilder builder, ClientRateLimit limit) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ClientRateLimitMetadata(limit));

    /// <summary>
    /// These endpoints spend no budget, whatever their group's: for the calls the shop makes to itself (a
    /// provider sandbox's API), which anonymous input (junk posted to the notify URL) must not be able to use up for its buyers.
    /// </summary>
    public static TBuilder SpendsNoClientBudget<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ClientRateLimitMetadata(null));
}
