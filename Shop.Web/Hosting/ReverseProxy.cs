using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Shop.Web.Hosting;

/// <summary>
/// The reverse proxies the shop believes: <c>Shop:Proxy:KnownProxies</c> (IP addresses) and
/// <c>Shop:Proxy:KnownNetworks</c> (CIDR). Only from them are <c>X-Forwarded-For</c> (the client's address, so the
/// journal and the logs name the buyer, not the proxy) and <c>X-Forwarded-Proto</c> (HTTPS, so HSTS and Secure
/// cookies follow) honoured. <c>X-Forwarded-Host</c> never is: the shop builds no URL from a host it is told.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Shop:Proxy";

    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        var (proxies, networks) = Read(builder.Configuration);
        builder.Services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
            // ASP.NET Core believes every sender when both lists are empty (as ASPNETCORE_FORWARDEDHEADERS_ENABLED
            // sets them up): with no proxy configured, no forwarded header is read at all.
            o.ForwardedHeaders = proxies.Count + networks.Count > 0 ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            // Each hop is checked against the lists, so a chain of known proxies is followed and stops at the first stranger.
            o.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>Must come first: everything after it (logs, HSTS, cookies, the journal) sees the real client.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        var (proxies, networks) = Read(app.Configuration);
        if (proxies.Count + networks.Count > 0)
            app.UseForwardedHeaders();
        return app;
    }

    private static (List<IPAddress> Proxies, List<System.Net.IPNetwork> Networks) Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = Entries(section.GetSection("KnownProxies")).Select(text => IPAddress.TryParse(text, out var address)
            ? address : throw new StartupRefusedException($"{Section}:KnownProxies: '{text}' is not an IP address.")).ToList();
        var networks = Entries(section.GetSection("KnownNetworks")).Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network : throw new StartupRefusedException($"{Section}:KnownNetworks: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/8).")).ToList();
        return (proxies, networks);
    }

    /// <summary>A list given as an array (<c>KnownProxies:0</c>, JSON) or as one value separated by commas or semicolons.</summary>
    private static IEnumerable<string> Entries(IConfigurationSection list) =>
        new[] { list.Value }.Concat(list.GetChildren().Select(c => c.Value))
            .SelectMany(value => (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
