using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>
/// Checks the <c>Shop</c> section at start-up, so a mistyped value stops the shop with a message naming its key instead
/// of surfacing later in a bill, a page or a provider's request. Empty optional values keep their meaning (no public URL,
/// no default pay mode, the default data directory, no certificate).
/// </summary>
/// <param name="contentRoot">What a relative certificate path is resolved against.</param>
/// <param name="registry">The registered pay modes, for <c>Shop:DefaultPayMode</c>; null before the container exists.</param>
public sealed class ShopOptionsValidator(string contentRoot, PayModeRegistry? registry = null) : IValidateOptions<ShopOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private IEnumerable<string> Failures(ShopOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Name))
            yield return "Shop:Name must not be empty: it is the name buyers and providers see.";
        if (!CurrencyInfo.IsKnown(options.Currency))
            yield return $"Shop:Currency '{options.Currency}' is not a currency the shop knows (an ISO 4217 code such as EUR, USD, GBP).";
        if (options.PublicBaseUrl is { Length: > 0 } url && !IsHttpUrl(url.Trim()))
            yield return $"Shop:PublicBaseUrl '{url}' is not an absolute http:// or https:// URL (e.g. https://shop.example.com).";
        if (options.DefaultPayMode is { Length: > 0 } mode && registry is not null && registry.Find(mode) is null)
            yield return $"Shop:DefaultPayMode '{mode}' names no pay mode; the pay modes are {string.Join(", ", registry.All.Select(m => m.Code))}.";
        foreach (var (key, value) in new[]
        {
            ("Shop:Expiry:PlacedAfter", options.Expiry.PlacedAfter),
            ("Shop:Expiry:DeferredAfter", options.Expiry.DeferredAfter),
            ("Shop:Expiry:SweepEvery", options.Expiry.SweepEvery),
        })
        {
            if (value <= TimeSpan.Zero)
                yield return $"{key} must be a positive duration (e.g. 02:00:00 for two hours, 30.00:00:00 for thirty days).";
        }
        if (options.Seller.Email is { Length: > 0 } email && !new EmailAddressAttribute().IsValid(email))
            yield return $"Shop:Seller:Email '{email}' is not an e-mail address.";
        if (options.KeyProtection.CertificatePath is { Length: > 0 } certificate && !File.Exists(Path.GetFullPath(certificate, contentRoot)))
            yield return $"Shop:KeyProtection:CertificatePath '{certificate}' names no file (relative paths start at {contentRoot}).";
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
