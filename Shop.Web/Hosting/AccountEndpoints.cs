using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shop.Web.Account;

namespace Shop.Web.Hosting;

/// <summary>The sign-in form's target and sign-out. Both are form posts, so antiforgery applies.</summary>
public static class AccountEndpoints
{
    public const string DefaultReturnUrl = "/admin";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/signin", SignInAsync);
        account.MapPost("/logout", LogoutAsync);
        return app;
    }

    /// <summary>The form binding checks the antiforgery token (400 without it). Every refusal gets one answer (AdminSignIn).</summary>
    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, AdminSignIn signIn, HttpContext http)
    {
        var target = LocalOrAdmin(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return TypedResults.Redirect(LoginWith("missing", target));
        return await signIn.TrySignInAsync(http, email.Trim(), password)
            ? TypedResults.LocalRedirect(target)
            : TypedResults.Redirect(LoginWith("invalid", target));
    }

    private static async Task<RedirectHttpResult> LogoutAsync(SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login?signedOut=1");
    }

    private static string LoginWith(string error, string returnUrl) =>
        $"{ShopIdentity.LoginPath}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>
    /// Where to go after signing in: <paramref name="returnUrl"/> when ASP.NET Core's own rules call it local (a path of this
    /// site: not <c>//host</c> or <c>/\host</c>, no control character) and it can stand as is in a <c>Location</c> header
    /// (printable ASCII: a browser drops a tab or a space where the server saw none); otherwise the dashboard.
    /// A crafted link can neither send a freshly signed-in admin elsewhere nor make the sign-in fail.
    /// </summary>
    public static string LocalOrAdmin(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && RedirectHttpResult.IsLocalUrl(url) && url.All(c => c is > ' ' and <= '~') ? url : DefaultReturnUrl;
}
