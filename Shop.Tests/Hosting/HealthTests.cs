using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Hosting;

/// <summary><c>GET /health</c>: ASP.NET Core health checks with a database check, answering exactly as monitoring knows it.</summary>
public sealed class HealthTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    [Fact]
    public async Task A_healthy_shop_answers_200_with_the_same_JSON_and_no_cache_headers_of_its_own()
    {
        using var client = _shop.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"status":"ok","database":"ok"}""", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Pragma"));
        Assert.Null(response.Content.Headers.Expires);
    }

    [Fact]
    public async Task Health_is_a_GET_only_as_before()
    {
        using var client = _shop.CreateClient();

        var response = await client.PostAsync("/health", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public void Health_runs_through_the_health_check_service_with_a_database_check()
    {
        var registrations = _shop.Service<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Contains(registrations, r => r.Name == "database");
    }

    [Fact]
    public async Task A_database_that_does_not_answer_is_a_503_with_the_same_JSON_and_health_comes_back_with_it()
    {
        using var client = _shop.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var database = Path.Combine(_shop.DataDirectory, "shop.db");
        SqliteConnection.ClearAllPools();
        File.Move(database, database + ".away");
        try
        {
            var response = await client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal("""{"status":"unhealthy","database":"unreachable"}""", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            File.Move(database + ".away", database);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    public void Dispose() => _shop.Dispose();
}
