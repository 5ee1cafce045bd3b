using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Shop.PayModes.PayPal;

/// <summary>Timeouts and retries of the calls to PayPal (<c>PayPal:Http:*</c>); a buyer waits on them, so they stay short.</summary>
public sealed class PayPalHttpOptions
{
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(25);

    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>
/// The named HttpClients of the PayPal mode. Tests replace their primary handler (e.g. with the TestServer's)
/// through <c>AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(...)</c>.
/// </summary>
public static class PayPalHttp
{
    /// <summary>REST calls: OAuth, orders, captures, webhook verification.</summary>
    public const string Api = "paypal-api";

    /// <summary>The IPN postback.</summary>
    public const string Ipn = "paypal-ipn";

    /// <summary>The sandbox's own deliveries (webhooks, IPN) to the shop.</summary>
    public const string Sandbox = "paypal-sandbox";

    public static readonly string[] All = [Api, Ipn, Sandbox];

    public static void AddClients(IServiceCollection services)
    {
        services.AddOptions<PayPalHttpOptions>().BindConfiguration("PayPal:Http");
        foreach (var name in All)
        {
            services.AddHttpClient(name, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Shop-PayPal/1.0"))
                // The pay mode logs what matters with the bill reference; four Information lines per call drown it.
                .RemoveAllLoggers()
                .AddStandardResilienceHandler()
                .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
                {
                    var http = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PayPalHttpOptions>>().Value;
                    o.AttemptTimeout.Timeout = http.AttemptTimeout;
                    o.TotalRequestTimeout.Timeout = http.TotalTimeout;
                    o.Retry.MaxRetryAttempts = Math.Max(1, http.Retries);
                    o.Retry.Delay = http.RetryDelay;
                    o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * http.AttemptTimeout.Ticks + 1));
                });
        }
    }
}

/// <summary>PayPal could not be reached or answered 5xx: the buyer may try again later or pick another mode.</summary>
public sealed class PayPalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
