using System.Net;
using System.Text.RegularExpressions;
using Shop.Tests.Infrastructure;

namespace Shop.Tests.Account;

/// <summary>
/// Where the browser goes after a correct password: only a path of this shop, written as ASP.NET Core's local-URL
/// rules allow, and never a 500 whatever the link that led to the login page carried.
/// </summary>
public sealed partial class ReturnUrlTests(SignInShop shop) : IClassFixture<SignInShop>, IAsyncLifetime
{
    private const string Email = "return-owner@example.com";
    private const string Password = "Return-Owner-Passw0rd";

    /// <summary>The crafted values of the attack run (as the login page's query decodes them) and the classics.</summary>
    public static TheoryData<string> Crafted =>
    [
        "/\t/evil.example",          // returnUrl=/%09/evil.example in the link: a browser drops the tab and goes to //evil.example
        "/%09/evil.example",         // the same, posted without decoding: a path of this shop
        "/\u3000/x",                 // not ASCII: cannot be written in a Location header
        "/admin\r\nX:1",             // header injection
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "\t//evil.example",
        "/admin/bills?state=PAID#top",   // a genuine local address is kept as is
    ];

    public Task InitializeAsync() => shop.CreateAdminAsync(Email, Password);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory, MemberData(nameof(Crafted))]
    public async Task A_link_to_the_login_page_with_a_crafted_return_url_leads_to_a_page_of_this_shop(string returnUrl)
    {
        var browser = shop.ClientFrom("198.51.100.40");
        var login = await browser.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync();
        var kept = WebUtility.HtmlDecode(ReturnUrlField().Match(html).Groups[1].Value);
        AssertLocal(kept);

        var token = AdminHelpers.AntiforgeryToken(html);
        var signedIn = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = Email, ["password"] = Password, ["returnUrl"] = kept, ["__RequestVerificationToken"] = token,
        }));
        AssertLocal(signedIn.Location());
    }

    [Theory, MemberData(nameof(Crafted))]
    public async Task A_crafted_return_url_posted_with_a_wrong_then_the_right_password_stays_on_this_shop(string returnUrl)
    {
        var client = shop.ClientFrom("198.51.100.41");
        var refused = (await client.SignInAsync(Email, "Wrong-Passw0rd-1", returnUrl)).Location();
        Assert.StartsWith("/account/login?error=invalid&returnUrl=", refused);
        AssertLocal(refused);

        var signedIn = (await client.SignInAsync(Email, Password, returnUrl)).Location();
        AssertLocal(signedIn);
        if (returnUrl == "/admin/bills?state=PAID#top")
            Assert.Equal(returnUrl, signedIn);
    }

    /// <summary>A path of this shop, and a value a Location header can carry as is.</summary>
    private static void AssertLocal(string url)
    {
        Assert.StartsWith("/", url);
        Assert.False(url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal), url);
        Assert.All(url, c => Assert.InRange(c, '!', '~'));
        Assert.Equal("shop.test", new Uri(new Uri("https://shop.test/"), url).Host);
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
