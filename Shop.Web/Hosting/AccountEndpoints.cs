using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shop.PayModes.Core;

namespace Shop.Web.Hosting;

/// <summary>The sign-in form's target and sign-out. Both are form posts, so antiforgery applies.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/signin", SignInAsync).LimitPerClient(ClientRateLimit.SignIn);
        account.MapPost("/logout", LogoutAsync);
        return app;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<IdentityUser> signIn, ILoggerFactory loggers)
    {
        var target = LocalOrAdmin(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return TypedResults.Redirect(LoginWith("missing", target));
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        var log = loggers.CreateLogger("Shop.Account");
        if (result.Succeeded)
        {
            log.LogInformation("Administrator {Email} signed in", email.Trim());
            return TypedResults.LocalRedirect(target);
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused for {Email}: locked out", email.Trim());
            return TypedResults.Redirect(LoginWith("locked", target));
        }
        log.LogWarning("Sign-in failed for {Email}", email.Trim());
        return TypedResults.Redirect(LoginWith("invalid", target));
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
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/admin";
}
