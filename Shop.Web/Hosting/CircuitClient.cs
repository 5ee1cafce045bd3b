using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Shop.Web.Hosting;

/// <summary>
/// The address of the client behind an interactive circuit. Circuit events (a click on "place order") are no HTTP
/// requests, so the rate limiter never sees them; this is the address they are counted against.
/// </summary>
public sealed class CircuitClient
{
    public IPAddress? Address { get; private set; }

    /// <summary>
    /// Reads the address from the connection that carries the circuit, when it opens and again when it reconnects
    /// (possibly from elsewhere): its request went through the same forwarded-headers handling as every other.
    /// </summary>
    public sealed class Capture(CircuitClient client, IHttpContextAccessor http) : CircuitHandler
    {
        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            if (http.HttpContext?.Connection.RemoteIpAddress is { } address)
                client.Address = address;
            return Task.CompletedTask;
        }
    }
}
