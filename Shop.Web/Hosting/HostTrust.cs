using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Shop.Web.Data;

namespace Shop.Web.Hosting;

/// <summary>
/// What the shop believes about where a request came from and how it answers: the host filter from the public URL,
/// forwarded headers from configured proxies only, the security headers. The shop's own address comes from
/// <see cref="Shop.PayModes.Core.ShopAddress"/>, never from a request.
/// </summary>
public static class HostTrust
{
    public static WebApplicationBuilder AddHostTrust(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ShopHostFilter>();
        builder.Services.AddSingleton<IPostConfigureOptions<HostFilteringOptions>>(sp => sp.GetRequiredService<ShopHostFilter>());
        builder.Services.AddSingleton<IOptionsChangeTokenSource<HostFilteringOptions>>(sp => sp.GetRequiredService<ShopHostFilter>());
        return builder.AddReverseProxy().AddSecurityHeaders();
    }

    /// <summary>
    /// Outside test mode the shop needs its public URL: it is the base of every return and notification URL it hands
    /// to providers, and of the host filter. Checked on the settings as stored, after the configuration seeded them.
    /// </summary>
    public static void RefuseToServeWithoutPublicUrl(IServiceProvider services)
    {
        var shop = services.GetRequiredService<ShopSettingsStore>().Current;
        if (!shop.TestMode && string.IsNullOrWhiteSpace(shop.PublicBaseUrl))
            throw new StartupRefusedException("Shop:PublicBaseUrl is not set and the shop is not in test mode: set it to the address buyers and "
                + "providers reach (e.g. --Shop:PublicBaseUrl=https://shop.example.com), or turn test mode on.");
    }

    /// <summary>First in the pipeline (ASP.NET Core's host filter runs before it).</summary>
    public static WebApplication UseHostTrust(this WebApplication app) => app.UseReverseProxy().UseSecurityHeaders();
}
