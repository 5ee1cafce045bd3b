using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.CookiePolicy;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>
/// The headers every response carries: a Content-Security-Policy Blazor Server and MudBlazor work under,
/// <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy</c>; HSTS and Secure cookies when the request came over
/// HTTPS (directly, or through a proxy <see cref="ReverseProxy"/> believes); and no <c>Server</c> header.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Bill references are secrets carried in URLs (<c>/bills/{reference}</c>, the hand-over): a path never leaves the
    /// shop. Other sites (the provider a buyer is handed to) learn the origin only, which is what providers that check
    /// the referring site compare; an HTTPS page sends nothing at all to plain HTTP.
    /// </summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    private static readonly string AutoSubmitHash =
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PayModePages.AutoSubmitScript)))}'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Identity's cookie already follows the request; this raises antiforgery's and any other one to Secure over HTTPS.
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>After <see cref="ReverseProxy.UseReverseProxy"/> (HTTPS is known by then) and before anything writes a cookie.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseHsts();
        app.UseCookiePolicy();
        app.Use(AddHeaders);
        return app;
    }

    private static Task AddHeaders(HttpContext http, Func<Task> next)
    {
        // Base64url: a nonce with '+' would be written into the page as "&#x2B;" (right for a browser, which decodes it, but
        // a needless difference between the header and the page's text); '-' and '_' are in CSP's nonce alphabet too.
        var policy = new PagePolicy(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
        http.Features.Set(policy);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(policy, http.RequestServices.GetRequiredService<ShopAddress>().BaseUrl);
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>
    /// Scripts: the shop's own files, the import map Blazor renders inline (by nonce) and the hand-over's auto-submit
    /// (by hash); never <c>eval</c>. Styles may be inline: MudBlazor writes style attributes and its theme's
    /// <c>&lt;style&gt;</c> at run time, and a style runs no code. Forms post to the shop (its public origin too, which the
    /// sandbox returns to) and, on a hand-over page, to that provider. No page may be framed.
    /// </summary>
    public static string ContentSecurityPolicy(PagePolicy policy, string shopBaseUrl)
    {
        var formTargets = new List<string> { "'self'" };
        if (Uri.TryCreate(shopBaseUrl, UriKind.Absolute, out var shop))
            formTargets.Add(shop.GetLeftPart(UriPartial.Authority));
        formTargets.AddRange(policy.FormTargets);
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' 'nonce-{policy.ScriptNonce}' {AutoSubmitHash}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            $"form-action {string.Join(' ', formTargets.Distinct(StringComparer.OrdinalIgnoreCase))}");
    }
}
