using System.Net;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Account;

/// <summary>Signing out changes state, so it takes the antiforgery token of the shop's own form: a cross-site form cannot.</summary>
public sealed class LogoutTests(SignInShop shop) : IClassFixture<SignInShop>
{
    private const string Email = "logout-owner@example.com";
    private const string Password = "Logout-Owner-Passw0rd";

    [Fact]
    public async Task A_logout_post_without_the_antiforgery_token_is_refused_and_the_admin_stays_signed_in()
    {
        await shop.CreateAdminAsync(Email, Password);
        var admin = shop.ClientFrom("198.51.100.50");
        (await admin.SignInAsync(Email, Password)).AssertSignedIn();

        // What another site's auto-submitting form sends: the cookie, no token (or a made-up one).
        foreach (var form in new Dictionary<string, string>[] { new(), new() { ["__RequestVerificationToken"] = "forged" } })
        {
            var refused = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.False(refused.SetsCookie("shop.admin"), "the refused logout still touched the sign-in cookie");
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("You are still signed in", page);
            Assert.Contains("action=\"/account/logout\"", page);   // with the shop's own form, to sign out for real
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        }

        // The shop's own sign-out form (the admin layout's button) carries the token and signs out.
        var token = await admin.AntiforgeryTokenAsync("/admin");
        var signedOut = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/account/login?signedOut=1", signedOut.Location());
        Assert.StartsWith("/account/login", (await admin.GetAsync("/admin")).Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\ngarbage")]
    [InlineData("multipart/form-data", "no boundary")]
    [InlineData("application/x-www-form-urlencoded", "%%%=&&=%zz")]
    [InlineData("application/json", "{\"__RequestVerificationToken\":\"x\"}")]
    public async Task A_logout_post_whose_body_is_not_a_readable_form_is_refused_not_a_500(string contentType, string body)
    {
        var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var answer = await shop.ClientFrom("198.51.100.51").PostAsync("/account/logout", content);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("Sign-out refused", await answer.Content.ReadAsStringAsync());
    }
}
