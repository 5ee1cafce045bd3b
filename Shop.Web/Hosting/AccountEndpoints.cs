using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Shop.PayModes.Core;
using Shop.Web.Account;
using Shop.Web.Components.Account;

namespace Shop.Web.Hosting;

/// <summary>The sign-in form's target and sign-out. Both are form posts that need the antiforgery token of the shop's own form.</summary>
public static class AccountEndpoints
{
    public const string DefaultReturnUrl = "/admin";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/signin", SignInAsync).LimitPerClient(ClientRateLimit.SignIn);
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

    /// <summary>
    /// Binds no form field, so nothing checks the antiforgery token for it: checked here. Without it (another site's form
    /// signing the admin out) nothing is done, and the page says so with the shop's own sign-out form.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, RazorComponentResult<AccountDocument>>> LogoutAsync(
        HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn)
    {
        if (!await HasValidTokenAsync(http, antiforgery))
            return AccountDocument.Result<SignOutRefused>(StatusCodes.Status400BadRequest);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login?signedOut=1");
    }

    /// <summary>The token is read from the form: a body that is not a readable form has none (a refusal, not a 500).</summary>
    private static async Task<bool> HasValidTokenAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }
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
