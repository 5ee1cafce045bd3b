using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shop.Web.Data;

namespace Shop.Web.Api;

/// <summary>The <c>/health</c> answer: JSON for monitoring.</summary>
public sealed record HealthAnswer(string Status, string Database)
{
    public static readonly HealthAnswer Healthy = new("ok", "ok");

    public static readonly HealthAnswer Unhealthy = new("unhealthy", "unreachable");
}

/// <summary>
/// <c>GET /health</c> through ASP.NET Core health checks: 200 <c>{"status":"ok","database":"ok"}</c> when the database
/// answers, else 503 <c>{"status":"unhealthy","database":"unreachable"}</c>.
/// </summary>
public static class ShopHealth
{
    public const string Path = "/health";

    public static IServiceCollection AddShopHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name);
        return services;
    }

    public static IEndpointConventionBuilder MapShopHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            // The answer carries no cache headers of its own, as before; the security headers apply as to any answer.
            AllowCachingResponses = true,
            ResponseWriter = WriteAsync,
        }).WithMetadata(new HttpMethodMetadata(["GET"]));

    private static Task WriteAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(report.Status == HealthStatus.Healthy ? HealthAnswer.Healthy : HealthAnswer.Unhealthy);
}

/// <summary>Whether the database answers: a connection check, no query and no transaction.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<ShopDbContext> dbs) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("the database does not answer");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }
    }
}
