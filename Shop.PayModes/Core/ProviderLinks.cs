namespace Shop.PayModes.Core;

/// <summary>
/// The URLs a redirect pay mode hands to its provider: return, cancel and notify under
/// <c>/paymodes/{code}</c> (<see cref="PayModeRoutes"/>) on the shop's own address (<see cref="ShopAddress.BaseUrl"/>, never the request's),
/// and the provider's payment page (the built-in sandbox's in the sandbox world, see <see cref="ProviderWorld"/>,
/// else its setting).
/// </summary>
public static class ProviderLinks
{
    /// <summary>The query parameter the return and cancel URLs carry, so a buyer coming back without data still finds the order.</summary>
    public const string BillParameter = "bill";

    public static ReturnUrls For(ShopAddress address, string code, string billReference)
    {
        var shop = address.BaseUrl;
        return new ReturnUrls(
            PayModeRoutes.WithQuery(PayModeRoutes.ReturnUrl(shop, code), BillParameter, billReference),
            PayModeRoutes.WithQuery(PayModeRoutes.CancelUrl(shop, code), BillParameter, billReference),
            PayModeRoutes.NotifyUrl(shop, code));
    }

    /// <summary>The sandbox's payment page in the sandbox world, else the configured one, else null (not configured).</summary>
    public static string? PaymentUrl(ProviderWorld world, string? configured, ShopAddress address, string code) =>
        world.IsSandbox ? SandboxPaymentUrl(address, code)
        : !string.IsNullOrWhiteSpace(configured) ? configured.Trim()
        : null;

    public static string SandboxPaymentUrl(ShopAddress address, string code) =>
        $"{address.BaseUrl}/sandbox/{code}/pay";

    /// <summary>The refusal of a mode whose payment page is empty outside test mode, or null.</summary>
    public static Availability? Unconfigured(string? paymentUrl, OfferContext context, string name) =>
        string.IsNullOrWhiteSpace(paymentUrl) && !context.ShopTestMode
            ? Availability.No($"{name} has no payment page URL (the built-in sandbox only serves the shop in test mode).")
            : null;
}
