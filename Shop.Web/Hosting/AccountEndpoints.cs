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

    /// <summary>Only local paths: a crafted link cannot send a freshly signed-in admin elsewhere.</summary>
    public static string LocalOrAdmin(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : DefaultReturnUrl;
}
