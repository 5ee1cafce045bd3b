using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>The PayPal settings and the URLs they resolve to (on the shop's own address, whatever the request).</summary>
public sealed record PayPalSetup(PayPalSettings Settings, PayPalUrls Urls)
{
    public PayPalAccount Account => new(Urls.ApiBaseUrl, Settings.ClientId ?? "", Settings.ClientSecret ?? "");

    /// <summary>The receiver payments must name (an e-mail, lower-cased, or a merchant id); null when the shop did not configure one.</summary>
    public PayPalReceiver? ExpectedReceiver => Settings.Business?.Trim() is { Length: > 0 } business
        ? business.Contains('@') ? new PayPalReceiver(business.ToLowerInvariant(), IsEmail: true) : new PayPalReceiver(business, IsEmail: false)
        : null;
}

/// <summary>The merchant's PayPal identity as configured in <c>Business</c>.</summary>
public sealed record PayPalReceiver(string Value, bool IsEmail);

public sealed class PayPalContext(IPayModeSettingsStore store, IShopSettings shop, ShopAddress address)
{
    public async Task<PayPalSetup> GetAsync(CancellationToken ct = default)
    {
        var settings = await store.GetSettingsAsync<PayPalSettings>(PayPalPayMode.ModeCode, ct);
        return new PayPalSetup(settings, PayPalUrls.Resolve(settings, shop.Current.TestMode, address.BaseUrl));
    }
}
