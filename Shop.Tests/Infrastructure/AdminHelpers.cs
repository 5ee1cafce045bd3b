using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shop.PayModes.Core;
using Shop.Tests.Admin;
using Shop.Web.Admin;

namespace Shop.Tests.Infrastructure;

/// <summary>The shop with the test-only <see cref="VaultPayMode"/> (a mode with a secret) registered.</summary>
public class VaultShopFactory : ShopFactory
{
    public VaultShopFactory() : this(new Dictionary<string, string?>())
    {
    }

    public VaultShopFactory(IDictionary<string, string?> settings) : base(settings)
    {
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddPayMode<VaultPayMode>());
    }
}

public static partial class AdminHelpers
{
    public const string AdminEmail = "owner@example.com";
    public const string AdminPassword = "Corr3ct-Horse-Battery";
    public const string ClerkEmail = "clerk@example.com";
    public const string ClerkPassword = "Clerk-Passw0rd-123";

    /// <summary>The administrator (made by the same code as the <c>admin create</c> verb) and a signed-up user without the role.</summary>
    public static async Task EnsureUsersAsync(this ShopFactory factory)
    {
        var result = await factory.InScopeAsync(sp => sp.GetRequiredService<AdminAccounts>().CreateOrResetAsync(AdminEmail, AdminPassword));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<IdentityUser>>();
            if (await users.FindByEmailAsync(ClerkEmail) is null)
                Assert.True((await users.CreateAsync(new IdentityUser { UserName = ClerkEmail, Email = ClerkEmail }, ClerkPassword)).Succeeded);
            return 0;
        });
    }

    public static HttpClient Client(this ShopFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page = "/account/login") =>
        AntiforgeryToken(await client.GetStringAsync(page), page);

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>.</summary>
    public static string AntiforgeryToken(string html, string page = "the page") =>
        TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on " + page);

    /// <summary>Posts the sign-in form like a browser; returns the redirect it answers with.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password, string returnUrl = "/admin")
    {
        var token = await client.AntiforgeryTokenAsync();
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpClient> SignedInAsync(this ShopFactory factory, string email, string password)
    {
        var client = factory.Client();
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/login", response.Headers.Location?.ToString() ?? "");
        return client;
    }
}
