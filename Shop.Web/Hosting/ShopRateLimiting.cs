using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter with the shop's per-client budgets (<see cref="RateLimitOptions"/>): an endpoint spends the
/// budget its <see cref="ClientRateLimitMetadata"/> names (checkout, notify, sign-in, sandbox). Past it: 429 with
/// <c>Retry-After</c>, a problem-details body for machines and a page for the sign-in form.
/// </summary>
public static class ShopRateLimiting
{
    public static IServiceCollection AddShopRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("Shop:RateLimits").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClientRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClientRateLimiter>((options, limits) =>
        {
            options.GlobalLimiter = limits.ForRequests();
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        services.AddScoped<CircuitClient>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitClient.Capture>();
        return services;
    }

    /// <summary>After forwarded headers (the client's address is known), before anything that writes.</summary>
    public static WebApplication UseShopRateLimits(this WebApplication app)
    {
        // Read now, so a negative limit stops the start with the setting's name rather than at the first request.
        _ = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        app.UseRateLimiter();
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = NotificationAnswers.RetryAfterSeconds(wait);
        http.Response.Headers.RetryAfter = seconds;
        var result = http.GetEndpoint()?.Metadata.GetMetadata<ClientRateLimitMetadata>()?.Limit switch
        {
            ClientRateLimit.SignIn => PayModePages.Message(StatusCodes.Status429TooManyRequests, "Too many sign-in attempts",
                $"There were too many sign-in attempts from your address. Wait {seconds} seconds, then try again.", ShopIdentity.LoginPath, "Back to sign-in"),
            ClientRateLimit.Handover => PayModePages.Message(StatusCodes.Status429TooManyRequests, "Too many payment attempts",
                $"There were too many payment attempts from your address. Wait {seconds} seconds, then follow the link to pay again.", "/", "Back to the shop"),
            ClientRateLimit.Checkout => TooMany($"Too many orders from your address: wait {seconds} seconds, then try again."),
            ClientRateLimit.Notify => TooMany($"Too many notifications from this address: send it again in {seconds} seconds."),
            _ => TooMany($"Too many requests from your address: wait {seconds} seconds, then try again."),
        };
        await result.ExecuteAsync(http);
    }

    private static IResult TooMany(string detail) =>
        Results.Problem(title: "Too many requests", detail: detail, statusCode: StatusCodes.Status429TooManyRequests);
}
