using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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
/// The named HttpClients of the PayPal mode, one resilience pipeline (and circuit breaker) each. Tests replace their
/// primary handler (e.g. with the TestServer's) through <c>AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(...)</c>.
/// </summary>
/// <remarks>
/// Calls a buyer waits on and calls any anonymous sender can cause are kept apart: a flood of forged webhooks or
/// IPNs whose verification fails (or that PayPal throttles) opens only the breaker of the verification clients, and
/// the next buyer's hand-over still reaches PayPal.
/// </remarks>
public static class PayPalHttp
{
    /// <summary>Calls made for a buyer's own hand-over or return: OAuth, create order, capture, re-read an order.</summary>
    public const string Api = "paypal-api";

    /// <summary>Webhook verification (and the OAuth token it needs): driven by whatever is posted to the notify URL.</summary>
    public const string Verify = "paypal-verify";

    /// <summary>The IPN postback: driven the same way.</summary>
    public const string Ipn = "paypal-ipn";

    /// <summary>The sandbox's own deliveries (webhooks, IPN) to the shop.</summary>
    public const string Sandbox = "paypal-sandbox";

    public static readonly string[] All = [Api, Verify, Ipn, Sandbox];

    /// <summary>The clients an anonymous notification makes the shop call.</summary>
    private static readonly string[] DrivenByNotifications = [Verify, Ipn];

    public static void AddClients(IServiceCollection services)
    {
        services.AddOptions<PayPalHttpOptions>().BindConfiguration("PayPal:Http");
        foreach (var name in All)
        {
            var client = services.AddHttpClient(name, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Shop-PayPal/1.0"))
                // The pay mode logs what matters with the bill reference; four Information lines per call drown it.
                .RemoveAllLoggers();
            if (DrivenByNotifications.Contains(name))
                client.AddResilienceHandler(name, ForNotifications);
            else
                client.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
                {
                    var http = sp.GetRequiredService<IOptions<PayPalHttpOptions>>().Value;
                    o.AttemptTimeout.Timeout = http.AttemptTimeout;
                    o.TotalRequestTimeout.Timeout = http.TotalTimeout;
                    o.Retry.MaxRetryAttempts = Math.Max(1, http.Retries);
                    o.Retry.Delay = http.RetryDelay;
                    o.CircuitBreaker.SamplingDuration = SamplingDuration(http);
                });
        }
    }

    /// <summary>
    /// One attempt, no retry: PayPal resends a webhook or IPN it got no 2xx for, so the shop need not, and a retry
    /// would multiply the outgoing calls each forged message causes. The breaker still fails fast (no call at all)
    /// while verifications keep failing, which bounds what a flood makes the shop send.
    /// </summary>
    private static void ForNotifications(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var http = context.ServiceProvider.GetRequiredService<IOptions<PayPalHttpOptions>>().Value;
        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { SamplingDuration = SamplingDuration(http) })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = http.AttemptTimeout });
    }

    private static TimeSpan SamplingDuration(PayPalHttpOptions http) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * http.AttemptTimeout.Ticks + 1));
}

/// <summary>PayPal could not be reached or answered 5xx: the buyer may try again later or pick another mode.</summary>
public sealed class PayPalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
