using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Shop.PayModes.Core;
using Shop.Web.Account;
using Shop.Web.Admin;
using Shop.Web.Components.Account;
using Shop.Web.Data;

namespace Shop.Web.Hosting;

/// <summary>Administrators: ASP.NET Core Identity on the shop's database, cookie sign-in, the Admin role.</summary>
public static class ShopIdentity
{
    /// <summary>The authorization policy guarding <c>/admin</c> and every admin API.</summary>
    public const string AdminPolicy = "ShopAdmin";

    public const string LoginPath = "/account/login";

    public static WebApplicationBuilder AddShopIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AdminRevalidation>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                // Not Identity's account-wide lockout (anyone could lock the owner out with five requests):
                // failures are counted per account and client by SignInThrottle.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ShopDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "shop.admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Scripts calling the admin API get status codes, not a login page.
            o.Events.OnRedirectToLogin = ctx => StatusOrRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Forbid(ctx.HttpContext);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(PaymentHandover.AdminRole));
        services.AddScoped<AdminAccounts>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<KnownDevices>();
        services.AddScoped<AdminSignIn>();
        return builder;
    }

    public static bool IsAdminApi(PathString path) => path.StartsWithSegments("/admin/api");

    /// <summary>
    /// A signed-in user without the Admin role gets 403 on the URL asked for: a bare status from the API, and for a page
    /// the access-denied page (who is signed in, a way to sign out), so a browser shows why.
    /// </summary>
    private static Task Forbid(HttpContext http)
    {
        if (IsAdminApi(http.Request.Path))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return AccountDocument.Result<AccessDenied>(StatusCodes.Status403Forbidden).ExecuteAsync(http);
    }

    private static Task StatusOrRedirect(HttpContext http, string redirectUri, int status)
    {
        if (IsAdminApi(http.Request.Path))
            http.Response.StatusCode = status;
        else
            http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
