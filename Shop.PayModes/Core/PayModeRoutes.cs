namespace Shop.PayModes.Core;

/// <summary>
/// Where a pay mode's endpoints live, in one place: the route templates the modes map under
/// <c>/paymodes/{code}</c>, and the absolute URLs the shop hands to buyers and providers, always built on the
/// shop's own address (<see cref="ShopAddress.BaseUrl"/>, never the request's).
/// </summary>
public static class PayModeRoutes
{
    /// <summary>The hand-over: the checkout sends the buyer here, the mode sends the buyer on to its provider.</summary>
    public const string Send = "/send/{reference}";

    /// <summary>The buyer's browser coming back from the provider (display only, never proof of payment).</summary>
    public const string Return = "/return";

    /// <summary>The buyer giving up at the provider (display only).</summary>
    public const string Cancel = "/cancel";

    /// <summary>The provider's server-to-server notification.</summary>
    public const string Notify = "/notify";

    /// <summary>The group every endpoint of the mode is mapped under, e.g. <c>/paymodes/check</c>.</summary>
    public static string Group(string code) => $"/paymodes/{Uri.EscapeDataString(code)}";

    /// <summary>The hand-over path of a bill, e.g. <c>/paymodes/check/send/B-1</c>.</summary>
    public static string SendPath(string code, string billReference) =>
        $"{Group(code)}/send/{Uri.EscapeDataString(billReference)}";

    public static string SendUrl(ShopAddress address, string code, string billReference) =>
        SendUrl(address.BaseUrl, code, billReference);

    /// <param name="shopBaseUrl">The shop's own address without a trailing slash (<see cref="ShopAddress.BaseUrl"/>).</param>
    public static string SendUrl(string shopBaseUrl, string code, string billReference) => shopBaseUrl + SendPath(code, billReference);

    public static string ReturnUrl(string shopBaseUrl, string code) => shopBaseUrl + Group(code) + Return;

    public static string CancelUrl(string shopBaseUrl, string code) => shopBaseUrl + Group(code) + Cancel;

    public static string NotifyUrl(string shopBaseUrl, string code) => shopBaseUrl + Group(code) + Notify;

    public static string NotifyUrl(ShopAddress address, string code) => NotifyUrl(address.BaseUrl, code);

    /// <summary><paramref name="url"/> with one more query parameter.</summary>
    public static string WithQuery(string url, string name, string value) =>
        $"{url}{(url.Contains('?') ? '&' : '?')}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
}
