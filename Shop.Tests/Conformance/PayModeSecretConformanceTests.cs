using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Conformance;

/// <summary>
/// No secret setting of any registered mode reaches a browser or a script: each is set to a unique canary through the
/// settings store (the mode switched on), then every page and API answer the app routes (read from its endpoints:
/// storefront, checkout, the status page of a bill in the mode, the mode's own routes, the admin pages and APIs signed
/// in as the administrator, the mode's settings page) is searched for it, as sent, HTML-decoded and URL-decoded.
/// </summary>
public sealed class PayModeSecretConformanceTests(ConformanceShop shop) : IClassFixture<ConformanceShop>, IAsyncLifetime
{
    public static TheoryData<string> Modes => RegisteredPayModes.Theory();

    public Task InitializeAsync() => shop.EnsureUsersAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Routes of other modes, the sandboxes' and the framework's own, and files are not this mode's pages.</summary>
    private static bool IsPageOrApi(RouteEndpoint endpoint, string code) => endpoint.RoutePattern.RawText is { } raw
        && RegisteredPayModes.MethodsOf(endpoint).Contains("GET")
        && !raw.StartsWith("/_", StringComparison.Ordinal)
        && !raw.StartsWith("/sandbox", StringComparison.Ordinal)
        && (!raw.StartsWith("/paymodes/", StringComparison.Ordinal) || raw.StartsWith($"/paymodes/{code}/", StringComparison.Ordinal))
        && !raw.Split('/').Last().Contains('.');

    /// <summary>Each GET route with its parameters filled: a bill reference, the mode's code, anything else a plain word.</summary>
    private IEnumerable<string> Paths(string code, string reference) =>
        shop.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => IsPageOrApi(e, code))
            .Select(e => string.Join('/', e.RoutePattern.RawText!.Split('/').Select(segment => segment.ToLowerInvariant() switch
            {
                "{reference}" => reference,
                "{code}" => code,
                _ when segment.StartsWith('{') => "x",
                _ => segment,
            })))
            .Append($"/checkout?retry={reference}")
            .Distinct();

    private static async Task<string> SeenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return $"{response.Headers}\n{response.Content.Headers}\n{body}\n{WebUtility.HtmlDecode(body)}\n{Uri.UnescapeDataString(body)}";
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task No_page_or_api_answer_shows_a_secret_setting(string code)
    {
        var mode = shop.Mode(code);
        var secrets = RegisteredPayModes.SecretSettings(mode);
        if (secrets.Count == 0)
            return;
        var canaries = new List<string>();
        await shop.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IPayModeSettingsStore>();
            var config = await store.GetAsync(code);
            foreach (var secret in secrets)
            {
                var canary = $"Canary{code}{secret.Name}{Guid.NewGuid():N}";
                secret.SetValue(config.Settings, canary);
                canaries.Add(canary);
            }
            await store.SaveAsync(config with { Enabled = true });
            return 0;
        });
        var reference = await shop.AddBillAsync(code);
        var buyer = shop.NoRedirects();
        var admin = await shop.SignedInAsync(AdminHelpers.AdminEmail, AdminHelpers.AdminPassword);
        var answers = new List<(string What, HttpResponseMessage Response)>();

        // An order in this mode through the JSON API (refused when the mode is not offered), and its hand-over.
        var placed = await buyer.PostAsJsonAsync("/api/checkout", ShopApiClient.Order(code, ("MUG-001", 1)));
        answers.Add(("POST /api/checkout", placed));
        if (placed.StatusCode == HttpStatusCode.Created)
            answers.Add(("the hand-over", await buyer.SendAsync((await placed.Content.ReadFromJsonAsync<PlacedOrder>(ShopFactory.Json))!)));
        var paths = Paths(code, reference).ToList();
        Assert.Contains($"/bills/{reference}", paths);
        Assert.Contains($"/admin/paymodes/{code}", paths);
        foreach (var path in paths)
        {
            answers.Add(($"GET {path} (buyer)", await buyer.GetAsync(path)));
            answers.Add(($"GET {path} (admin)", await admin.GetAsync(path)));
        }
        Assert.Contains(answers, a => a.What == $"GET /admin/paymodes/{code} (admin)" && a.Response.StatusCode == HttpStatusCode.OK);

        var leaks = new List<string>();
        foreach (var (what, response) in answers)
        {
            var seen = await SeenAsync(response);
            leaks.AddRange(canaries.Where(c => seen.Contains(c, StringComparison.OrdinalIgnoreCase)).Select(c => $"{what} ({(int)response.StatusCode}) shows {c}"));
        }
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }
}
