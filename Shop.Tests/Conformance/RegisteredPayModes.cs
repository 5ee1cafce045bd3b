using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Conformance;

/// <summary>
/// The pay modes a test host really runs, read from its <see cref="PayModeRegistry"/>: theory data no one writes by
/// hand, so a mode registered anywhere (the shop's own registration lines, the suite's <c>ShopFactory</c>) is tested
/// the day it is added. Each host kind is started once, when the theories are discovered, and only asked for codes.
/// </summary>
public static class RegisteredPayModes
{
    private static readonly ConcurrentDictionary<Type, Lazy<IReadOnlyList<string>>> Codes = new();

    /// <summary>The codes of the modes the plain test shop runs, in registration order.</summary>
    public static IReadOnlyList<string> All => Of<ShopFactory>();

    /// <summary>The codes of the modes a host of this kind runs (it may register more, like the vault mode).</summary>
    public static IReadOnlyList<string> Of<TFactory>() where TFactory : ShopFactory, new() =>
        Codes.GetOrAdd(typeof(TFactory), _ => new(() =>
        {
            using var shop = new TFactory();
            return [.. shop.Service<PayModeRegistry>().All.Select(mode => mode.Code)];
        })).Value;

    /// <summary>One theory row per registered mode.</summary>
    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (var code in All)
            data.Add(code);
        return data;
    }

    /// <summary>The string settings a mode marks <see cref="SecretAttribute"/>.</summary>
    public static IReadOnlyList<PropertyInfo> SecretSettings(IPayMode mode) =>
        [.. mode.SettingsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.IsDefined(typeof(SecretAttribute), inherit: true))];

    /// <summary>The endpoints a mode maps under <c>/paymodes/{code}</c>, read from the running app's routing.</summary>
    public static IReadOnlyList<RouteEndpoint> RoutesOf(IServiceProvider services, string code) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw
                && (raw == $"/paymodes/{code}" || raw.StartsWith($"/paymodes/{code}/", StringComparison.Ordinal)))];

    /// <summary>The HTTP methods an endpoint answers (GET when it does not say).</summary>
    public static IReadOnlyList<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : ["GET"];
}
