using Shop.Web.Hosting;

namespace Shop.Web.Account;

/// <summary>Who is asking, as far as counting sign-in failures goes.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's remote address (the client's own once forwarded headers from a trusted proxy are applied), keyed
    /// as the rate limiter keys it (<see cref="ClientRateLimiter.ClientKey"/>): an IPv6 client by its /64 network, which
    /// one subscriber usually holds whole and could otherwise draw a fresh address from for every guess.
    /// </summary>
    public static string Of(HttpContext http) => ClientRateLimiter.ClientKey(http.Connection.RemoteIpAddress);
}
