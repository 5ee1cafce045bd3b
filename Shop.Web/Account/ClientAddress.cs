using System.Net;
using System.Net.Sockets;

namespace Shop.Web.Account;

/// <summary>Who is asking, as far as counting sign-in failures goes.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's remote address (the client's own once forwarded headers from a trusted proxy are applied).
    /// An IPv6 client is counted by its /64 network: one subscriber usually holds all of it, and could otherwise
    /// take a fresh address for every guess.
    /// </summary>
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Network64(v6),
        var v4 => v4.ToString(),
    };

    private static string Network64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
