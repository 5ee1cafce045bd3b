using System.Net;
using Shop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Shop.Tests.Account;

/// <summary>The sign-in tells nobody which accounts exist: not by its answer, not by how long it takes.</summary>
public sealed class SignInEnumerationTests(SignInShop shop, ITestOutputHelper output) : IClassFixture<SignInShop>
{
    private const string Password = "Enum-Passw0rd-Right";

    [Fact]
    public async Task Unknown_account_wrong_password_and_locked_account_get_the_same_answer()
    {
        const string owner = "enum-owner@example.com";
        await shop.CreateAdminAsync(owner, Password);

        var unknown = await shop.ClientFrom("198.51.100.1").SignInAsync("nobody-here@example.com", "Wrong-Passw0rd-1");
        var wrong = await shop.ClientFrom("198.51.100.2").SignInAsync(owner, "Wrong-Passw0rd-1");
        var locker = shop.ClientFrom("198.51.100.3");
        for (var i = 0; i < 5; i++)
            await locker.SignInAsync(owner, "Wrong-Passw0rd-" + i);
        var locked = await locker.SignInAsync(owner, Password);   // the right password, from a client that is locked out
        var unknownLocker = shop.ClientFrom("198.51.100.4");
        for (var i = 0; i < 5; i++)
            await unknownLocker.SignInAsync("nobody-here@example.com", "Wrong-Passw0rd-" + i);
        var unknownLocked = await unknownLocker.SignInAsync("nobody-here@example.com", Password);

        foreach (var answer in new[] { unknown, wrong, locked, unknownLocked })
            answer.AssertRefused();
        Assert.All(new[] { unknown, wrong, locked, unknownLocked }, a => Assert.False(a.SetsCookie("shop.admin")));

        var page = WebUtility.HtmlDecode(await shop.ClientFrom("198.51.100.5").GetStringAsync(SignInRequests.Refused));
        Assert.Contains("Wrong e-mail or password, or too many failed attempts", page);
        Assert.DoesNotContain("locked", page, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Known account: the password hash is checked (about 100 ms by design). Unknown account: the same work against a
    /// dummy hash, where the old code answered at once (2 ms against 100). Medians of several tries, each from its own
    /// client, interleaved so a burst of load on the machine hits both sides alike; the known tries alternate between
    /// two accounts so that none reaches five failures (a lock must not be what is measured).
    /// </summary>
    [Fact]
    public async Task Unknown_account_takes_about_as_long_as_a_wrong_password()
    {
        string[] owners = ["timing-owner-1@example.com", "timing-owner-2@example.com"];
        const int tries = 7;
        foreach (var owner in owners)
            await shop.CreateAdminAsync(owner, Password);
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = -1; i < tries; i++)
        {
            var owner = owners[(i + 2) % 2];
            var (knownAnswer, knownTook) = await shop.ClientFrom($"192.0.2.{10 + i}").TimedSignInAsync(owner, "Wrong-Passw0rd-" + i);
            var (unknownAnswer, unknownTook) = await shop.ClientFrom($"192.0.2.{100 + i}").TimedSignInAsync($"nobody-{i}@example.com", "Wrong-Passw0rd-" + i);
            knownAnswer.AssertRefused();
            unknownAnswer.AssertRefused();
            if (i < 0)
                continue;   // the first round warms up (first hash, first query)
            known.Add(knownTook.TotalMilliseconds);
            unknown.Add(unknownTook.TotalMilliseconds);
        }

        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        var detail = $"median {unknownMedian:0.0} ms for unknown accounts against {knownMedian:0.0} ms for a known one";
        output.WriteLine(detail);
        Assert.True(unknownMedian >= knownMedian / 4, "an unknown account answers much faster: " + detail);
        Assert.True(unknownMedian <= knownMedian * 4, "an unknown account answers much slower: " + detail);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
