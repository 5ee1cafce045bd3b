using Shop.Tests.Infrastructure;

namespace Shop.Tests.Account;

/// <summary>
/// Failed sign-ins lock one client out of one account, not the account: an anonymous client cannot lock the owner out,
/// and a browser the owner signed in with before (a known device) keeps its own count wherever it is.
/// </summary>
public sealed class SignInLockoutTests(SignInShop shop) : IClassFixture<SignInShop>
{
    private const string Attacker = "203.0.113.66";

    [Fact]
    public async Task Five_wrong_passwords_from_one_client_lock_that_client_but_not_the_owner_elsewhere_or_on_a_known_device()
    {
        const string owner = "dos-owner@example.com";
        const string password = "Dos-Owner-Passw0rd";
        await shop.CreateAdminAsync(owner, password);

        // Yesterday the owner signed in from a laptop, and signed out: the laptop is now a known device.
        var laptop = shop.ClientFrom("198.51.100.20");
        var first = await laptop.SignInAsync(owner, password);
        first.AssertSignedIn();
        await SignOutAsync(laptop);

        // An anonymous client fails five times: from then on it is refused, even with the right password.
        var attacker = shop.ClientFrom(Attacker);
        for (var i = 0; i < 5; i++)
            (await attacker.SignInAsync(owner, "Wrong-Passw0rd-" + i)).AssertNotSignedIn();
        (await attacker.SignInAsync(owner, password)).AssertNotSignedIn();

        // The owner is not: from another address, and from the known laptop even behind the attacker's address (one NAT).
        (await shop.ClientFrom("192.0.2.44").SignInAsync(owner, password)).AssertSignedIn();
        laptop.DefaultRequestHeaders.Remove(TestClientAddress.Header);
        laptop.DefaultRequestHeaders.Add(TestClientAddress.Header, Attacker);
        (await laptop.SignInAsync(owner, password)).AssertSignedIn();

        // A device known for another account is just an address for this one: the attacker's lock holds there too.
        var clerkBrowser = shop.ClientFrom(Attacker);
        await shop.CreateAdminAsync("dos-clerk@example.com", "Dos-Clerk-Passw0rd");
        (await clerkBrowser.SignInAsync("dos-clerk@example.com", "Dos-Clerk-Passw0rd")).AssertSignedIn();
        await SignOutAsync(clerkBrowser);
        (await clerkBrowser.SignInAsync(owner, password)).AssertNotSignedIn();

        // The owner's successes lifted nothing for the attacker.
        (await attacker.SignInAsync(owner, password)).AssertNotSignedIn();

        // What made the laptop known: a cookie scripts cannot read, never sent from another site, kept for months.
        var device = first.Cookie("shop.device")?.ToLowerInvariant();
        Assert.NotNull(device);
        Assert.Contains("httponly", device);
        Assert.Contains("samesite=strict", device);
        Assert.Contains("path=/account", device);
        Assert.Contains("expires=", device);
        Assert.DoesNotContain("secure", device);   // plain HTTP here; Secure when the request came over HTTPS
    }

    [Fact]
    public async Task Failures_from_a_known_device_lock_that_device_only_and_admin_create_lifts_every_lock()
    {
        const string owner = "reset-owner@example.com";
        await shop.CreateAdminAsync(owner, "Reset-Owner-Passw0rd-1");
        var laptop = shop.ClientFrom("198.51.100.30");
        (await laptop.SignInAsync(owner, "Reset-Owner-Passw0rd-1")).AssertSignedIn();
        await SignOutAsync(laptop);

        // The owner forgot the password and tried five times from the laptop, and five times from a phone.
        var phone = shop.ClientFrom("198.51.100.31");
        for (var i = 0; i < 5; i++)
        {
            (await laptop.SignInAsync(owner, "Forgotten-Passw0rd-" + i)).AssertNotSignedIn();
            (await phone.SignInAsync(owner, "Forgotten-Passw0rd-" + i)).AssertNotSignedIn();
        }
        (await laptop.SignInAsync(owner, "Reset-Owner-Passw0rd-1")).AssertNotSignedIn();
        (await phone.SignInAsync(owner, "Reset-Owner-Passw0rd-1")).AssertNotSignedIn();
        // The laptop's failures were counted on the laptop: the same address without its cookie is not locked.
        (await shop.ClientFrom("198.51.100.30").SignInAsync(owner, "Reset-Owner-Passw0rd-1")).AssertSignedIn();

        // admin create resets the password, which lifts every lock on the account.
        await shop.CreateAdminAsync(owner, "Reset-Owner-Passw0rd-2");
        (await laptop.SignInAsync(owner, "Reset-Owner-Passw0rd-2")).AssertSignedIn();
        (await phone.SignInAsync(owner, "Reset-Owner-Passw0rd-2")).AssertSignedIn();
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var token = await client.AntiforgeryTokenAsync("/admin");
        var answer = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/account/login?signedOut=1", answer.Location());
    }
}
