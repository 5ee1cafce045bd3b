using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Shop.Web.Account;

/// <summary>
/// A browser an account has signed in with before: it carries a long-lived cookie, signed and encrypted with the shop's
/// Data Protection keys and bound to that account, naming a device id. Sign-in failures from a known device are counted
/// on the device (see <see cref="SignInThrottle"/>), so failures from other clients never lock the owner's own browser out.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "shop.device";

    /// <summary>Renewed at every sign-in from the device.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    /// <summary>Only the sign-in endpoints need it.</summary>
    private const string CookiePath = "/account";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Shop.Account.KnownDevice.v1").ToTimeLimitedDataProtector();

    /// <summary>The id of this browser when its cookie is valid and was issued to <paramref name="userId"/>; otherwise null.</summary>
    public string? DeviceOf(HttpRequest request, string userId)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } cookie)
            return null;
        try
        {
            return _protector.Unprotect(cookie).Split('\n') is [var owner, var device] && owner == userId ? device : null;
        }
        catch (CryptographicException)
        {
            return null;   // forged, from another key ring, or expired
        }
    }

    /// <summary>After a successful sign-in of <paramref name="userId"/>: this browser is (still) a known device of that account.</summary>
    public void Remember(HttpContext http, string userId, string? deviceId)
    {
        deviceId ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow() + Lifetime;
        http.Response.Cookies.Append(CookieName, _protector.Protect($"{userId}\n{deviceId}", expires), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = CookiePath,
            Expires = expires,
            IsEssential = true,
        });
    }
}
