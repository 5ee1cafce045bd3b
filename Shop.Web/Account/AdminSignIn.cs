using Microsoft.AspNetCore.Identity;

namespace Shop.Web.Account;

/// <summary>
/// Checks a sign-in and signs the account in. Every refusal is the same <c>false</c>, whatever the reason (no such
/// account, wrong password, locked out), and takes about the same time: an unknown account still runs the password hasher.
/// </summary>
public sealed class AdminSignIn(
    UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, IPasswordHasher<IdentityUser> hasher,
    SignInThrottle throttle, KnownDevices devices, ILogger<AdminSignIn> log)
{
    /// <summary>What an unknown account's password is checked against: same algorithm and cost as a real hash.</summary>
    private static readonly string DummyHash = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString());

    /// <summary>Identity stores at most this many characters of a user name (an e-mail here).</summary>
    public const int MaxEmailLength = 256;

    public async Task<bool> TrySignInAsync(HttpContext http, string email, string password)
    {
        // No account has a longer name: refused at once and not counted, so long junk names cannot fill the counts.
        if (email.Length > MaxEmailLength)
            return false;
        var user = await users.FindByNameAsync(email);
        var device = user is null ? null : devices.DeviceOf(http.Request, user.Id);
        var client = device is null ? ClientAddress.Of(http) : $"device {device}";
        var pair = new SignInPair(users.NormalizeName(email), client);

        // A locked pair is answered without checking the password: every account name locks alike, existing or not,
        // so the quicker answer only tells this client what it already knows (it failed five times), and a locked-out
        // client cannot make the shop spend a password hash per request.
        if (!throttle.TryBegin(pair, user?.SecurityStamp))
        {
            log.LogWarning("Sign-in refused for {Email} from {Client}: too many failures, locked for a while", email, client);
            return false;
        }
        var matches = await PasswordMatchesAsync(user, password);
        if (user is null || !matches || !await signIn.CanSignInAsync(user))
        {
            log.LogWarning("Sign-in failed for {Email} from {Client}", email, client);
            return false;
        }

        throttle.Succeeded(pair);
        await signIn.SignInAsync(user, isPersistent: false);
        devices.Remember(http, user.Id, device);
        log.LogInformation("Administrator {Email} signed in from {Client}", email, client);
        return true;
    }

    private async Task<bool> PasswordMatchesAsync(IdentityUser? user, string password)
    {
        if (user?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(new IdentityUser(), DummyHash, password);
            return false;
        }
        return await users.CheckPasswordAsync(user, password);
    }
}
