using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Shop.Tests.Infrastructure;
using Shop.Web.Admin;

namespace Shop.Tests.Account;

/// <summary>The shop whose test requests may say which client address they come from (<see cref="TestClientAddress"/>).</summary>
public sealed class SignInShop : ShopFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseTestClientAddresses();
    }

    /// <summary>An administrator made by the code of the <c>admin create</c> verb (which also resets a password).</summary>
    public async Task CreateAdminAsync(string email, string password)
    {
        var result = await InScopeAsync(sp => sp.GetRequiredService<AdminAccounts>().CreateOrResetAsync(email, password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }
}

public static class SignInRequests
{
    /// <summary>Where every refused sign-in (unknown account, wrong password, too many failures) sends the browser.</summary>
    public const string Refused = "/account/login?error=invalid&returnUrl=%2Fadmin";

    /// <summary>The same, timing only the post (the password check), not the page that gives the token.</summary>
    public static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedSignInAsync(this HttpClient client, string email, string password)
    {
        var token = await client.AntiforgeryTokenAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/admin", ["__RequestVerificationToken"] = token,
        });
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync("/account/signin", form);
        return (response, clock.Elapsed);
    }

    public static string Location(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The Set-Cookie header of <paramref name="name"/>, or null.</summary>
    public static string? Cookie(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal)) : null;

    public static bool SetsCookie(this HttpResponseMessage response, string name) => response.Cookie(name) is not null;

    public static void AssertSignedIn(this HttpResponseMessage response, string to = "/admin") => Assert.Equal(to, response.Location());

    /// <summary>The one answer of every refusal (<see cref="Refused"/>), whatever the reason.</summary>
    public static void AssertRefused(this HttpResponseMessage response) => Assert.Equal(Refused, response.Location());

    /// <summary>Back to the login page with an error, whichever.</summary>
    public static void AssertNotSignedIn(this HttpResponseMessage response) =>
        Assert.StartsWith("/account/login?error=", response.Location());
}
