using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>The absolute base URL providers and buyers are sent to: <c>Shop:PublicBaseUrl</c>, else the request's own.</summary>
public sealed class PublicUrls(IShopSettings shop)
{
    public string BaseUrl(HttpRequest request) =>
        shop.Current.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
