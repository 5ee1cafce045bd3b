using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.PayModes.Core.Sandbox;

/// <summary>
/// The shop as its sandbox sees it: its own base URL, and whether an address a payment request names is one of the
/// pay mode's own endpoints. The sandbox redirects and notifies only there, never to an address a request chose.
/// </summary>
public static class SandboxShop
{
    /// <summary>The shop's own address (<see cref="ShopAddress"/>, never the request's), without a trailing slash.</summary>
    public static string BaseUrl(HttpContext http) => http.RequestServices.GetRequiredService<ShopAddress>().BaseUrl;

    /// <summary>
    /// Whether <paramref name="url"/> is an absolute URL under <c>{base}/paymodes/{code}/</c>: the shop's scheme, host
    /// and port, no user info, no dot segment or backslash a browser would resolve elsewhere.
    /// </summary>
    public static bool IsPayModeUrl(HttpContext http, string code, string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var target)
            || !Uri.TryCreate(BaseUrl(http) + "/", UriKind.Absolute, out var shop))
            return false;
        var rawPath = url.Split('?', '#')[0];
        if (rawPath.Contains('\\') || rawPath.Contains("..", StringComparison.Ordinal) || rawPath.Contains("%2e", StringComparison.OrdinalIgnoreCase)
            || rawPath.Contains("%2f", StringComparison.OrdinalIgnoreCase) || rawPath.Contains("%5c", StringComparison.OrdinalIgnoreCase))
            return false;
        return target.UserInfo.Length == 0
            && string.Equals(target.Scheme, shop.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(target.IdnHost, shop.IdnHost, StringComparison.OrdinalIgnoreCase)
            && target.Port == shop.Port
            && target.AbsolutePath.StartsWith($"{shop.AbsolutePath.TrimEnd('/')}{PayModeRoutes.Group(code)}/", StringComparison.Ordinal);
    }

    /// <summary>The first of <paramref name="urls"/> that is not one of the pay mode's endpoints (null entries are absent, fine), or null.</summary>
    public static string? FirstForeign(HttpContext http, string code, params string?[] urls) =>
        urls.FirstOrDefault(u => u is not null && !IsPayModeUrl(http, code, u));

    /// <summary>What a sandbox page says when a request names an address outside the shop.</summary>
    public static string ForeignTargetMessage(string url) =>
        (url.Length == 0 ? "The payment request lacks a return or notification address." : $"The payment request names an address outside this shop ({Shorten(url)}).")
        + " The sandbox only sends the buyer and its notifications back to the shop that runs it.";

    private static string Shorten(string url) => url.Length > 120 ? url[..120] + "…" : url;
}
