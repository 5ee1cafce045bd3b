using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Stripe;

namespace Shop.PayModes.Stripe;

/// <summary>The Stripe settings every call uses, where they point, and their world.</summary>
/// <param name="ApiBase">What Stripe.net's client is pointed at: it appends <c>/v1/...</c> itself.</param>
public sealed record StripeSetup(StripeSettings Settings, string ApiBase, string ShopBaseUrl, ProviderWorld World);

/// <summary>
/// Resolves the settings through <see cref="EffectiveSettings"/> (in the sandbox world the secret key and the webhook
/// secret are the sandbox's, never the configured ones) and builds the official client on them.
/// </summary>
public sealed class StripeGateway(EffectiveSettings effective, ShopAddress address, IHttpClientFactory clients)
{
    /// <summary>The named HttpClient under Stripe.net (tests give it the TestServer's handler).</summary>
    public const string HttpClientName = "stripe-api";

    public const string LiveApiBase = "https://api.stripe.com";

    public const string SandboxPrefix = "/sandbox/stripe";

    public async Task<StripeSetup> GetAsync(CancellationToken ct = default)
    {
        var (settings, world) = await effective.GetAsync<StripeSettings>(StripePayMode.ModeCode, ct);
        var shopBase = address.BaseUrl.TrimEnd('/');
        var apiBase = world.IsSandbox ? shopBase + SandboxPrefix
            : settings.ApiBaseUrl is { Length: > 0 } configured ? configured.Trim().TrimEnd('/') : LiveApiBase;
        return new StripeSetup(settings, apiBase, shopBase, world);
    }

    /// <summary>Stripe.net's client on the configured API base, with the secret key of the world; null without a key.</summary>
    public IStripeClient? ClientFor(StripeSetup setup) =>
        setup.Settings.SecretKey?.Trim() is { Length: > 0 } key && !key.Any(char.IsWhiteSpace)
            ? new StripeClient(key,
                httpClient: new SystemNetHttpClient(clients.CreateClient(HttpClientName), maxNetworkRetries: 1, enableTelemetry: false),
                apiBase: setup.ApiBase)
            : null;

    public static void AddClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20)).RemoveAllLoggers();
}
