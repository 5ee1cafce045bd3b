using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Tests.Infrastructure;

/// <summary>
/// Test-only: the test server has no remote address, so this sets <c>Connection.RemoteIpAddress</c> from the
/// <see cref="Header"/> request header, letting one test play several clients. It runs first in the pipeline.
/// Never in the product: there, a header must never choose the client's address.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, rest) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                http.Connection.RemoteIpAddress = address;
            return rest(http);
        });
        next(app);
    };
}

public static class TestClientAddressExtensions
{
    /// <summary>Lets requests of this factory's server say which client address they come from.</summary>
    public static IWebHostBuilder UseTestClientAddresses(this IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());

    /// <summary>A client (cookies kept, redirects not followed) whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient ClientFrom(this ShopFactory factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }
}
