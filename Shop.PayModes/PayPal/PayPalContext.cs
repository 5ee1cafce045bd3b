using Shop.PayModes.Core;

namespace Shop.PayModes.PayPal;

/// <summary>The PayPal settings, the URLs they resolve to (on the shop's own address, whatever the request), and their world.</summary>
public sealed record PayPalSetup(PayPalSettings Settings, PayPalUrls Urls, ProviderWorld World)
{
    public PayPalAccount Account => new(Urls.ApiBaseUrl, Settings.ClientId ?? "", Settings.ClientSecret ?? "");

    /// <summary>The receiver payments must name (an e-mail, lower-cased, or a merchant id); null when the shop did not configure one.</summary>
    public PayPalReceiver? ExpectedReceiver => Settings.Business?.Trim() is { Length: > 0 } business
        ? business.Contains('@') ? new PayPalReceiver(business.ToLowerInvariant(), IsEmail: true) : new PayPalReceiver(business, IsEmail: false)
        : null;
}

/// <summary>The merchant's PayPal identity as configured in <c>Business</c>.</summary>
public sealed record PayPalReceiver(string Value, bool IsEmail);

/// <summary>
/// The PayPal settings every call uses, resolved through <see cref="EffectiveSettings"/>: in the sandbox world the
/// shop reaches the built-in sandbox with the sandbox's client secret, never the configured one.
/// </summary>
public sealed class PayPalContext(EffectiveSettings effective, ShopAddress address)
{
    public async Task<PayPalSetup> GetAsync(CancellationToken ct = default)
    {
        var (settings, world) = await effective.GetAsync<PayPalSettings>(PayPalPayMode.ModeCode, ct);
        return new PayPalSetup(settings, PayPalUrls.Resolve(settings, world.IsSandbox, address.BaseUrl), world);
    }
}
