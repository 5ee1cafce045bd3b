using Microsoft.AspNetCore.Http;

namespace Shop.PayModes.Core;

/// <summary>
/// The parts of the shop's Content-Security-Policy that vary per response: the nonce of an inline script a page
/// renders itself, and the origins its forms may post to besides the shop's own (a hand-over page posts to its
/// provider). The host puts one on each request as an HttpContext feature and writes the header from it when the
/// response starts.
/// </summary>
public sealed class PagePolicy(string scriptNonce)
{
    private readonly HashSet<string> _formTargets = new(StringComparer.OrdinalIgnoreCase);

    public string ScriptNonce { get; } = scriptNonce;

    /// <summary>Origins (<c>scheme://host[:port]</c>) this response's forms may post to.</summary>
    public IReadOnlyCollection<string> FormTargets => _formTargets;

    /// <summary>Lets this response's forms post to the origin of <paramref name="url"/>; anything but an absolute
    /// http(s) URL is ignored (the form then stays limited to the shop).</summary>
    public void AllowFormTarget(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            _formTargets.Add(uri.GetLeftPart(UriPartial.Authority));
    }

    public static PagePolicy? Of(HttpContext http) => http.Features.Get<PagePolicy>();
}
