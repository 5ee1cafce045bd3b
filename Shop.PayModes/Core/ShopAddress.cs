using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Shop.PayModes.Core;

/// <summary>
/// The shop's own absolute address, the base of every URL it builds: provider returns and notifications, the
/// sandbox's API and pages, the checkout's <c>payUrl</c>. It is <c>Shop:PublicBaseUrl</c> when set, else the address
/// the shop listens on; never the request's <c>Host</c> or scheme, which any client chooses: a URL built from them
/// sends the shop's own calls (and the credentials they carry) wherever that client likes.
/// </summary>
public sealed class ShopAddress(IShopSettings shop, IServer server)
{
    /// <summary>When the server reports no address at all (an in-memory test server).</summary>
    public const string NoListener = "http://localhost";

    /// <summary>Without a trailing slash.</summary>
    public string BaseUrl => shop.Current.PublicBaseUrl?.Trim() is { Length: > 0 } configured
        ? configured.TrimEnd('/')
        : FromListening(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    /// <summary>
    /// The first plain-http address the shop listens on, else its first address (the shop calls its own sandbox
    /// there, which needs no certificate over http); a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>,
    /// <c>*</c>) names no host a browser could use, so it becomes <c>localhost</c>.
    /// </summary>
    public static string FromListening(IEnumerable<string> addresses)
    {
        var parsed = addresses.Select(TryParse).OfType<BindingAddress>().Where(a => !a.IsUnixPipe).ToList();
        if ((parsed.FirstOrDefault(a => IsScheme(a, Uri.UriSchemeHttp)) ?? parsed.FirstOrDefault()) is not { } address)
            return NoListener;
        var scheme = address.Scheme.ToLowerInvariant();
        var host = address.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "localhost" : address.Host;
        var defaultPort = scheme == Uri.UriSchemeHttps ? 443 : 80;
        return address.Port == defaultPort ? $"{scheme}://{host}" : $"{scheme}://{host}:{address.Port}";
    }

    private static bool IsScheme(BindingAddress address, string scheme) =>
        string.Equals(address.Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    private static BindingAddress? TryParse(string address)
    {
        try { return BindingAddress.Parse(address); }
        catch (FormatException) { return null; }
    }
}
