using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Shop.Web.Hosting;

/// <summary>
/// A dashboard circuit lives for hours. Every few minutes this checks the signed-in user still exists with the
/// same security stamp (a password reset changes it), so a reset or removed administrator loses an open dashboard.
/// </summary>
public sealed class AdminRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(5);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (state.User.Identity?.IsAuthenticated != true)
            return true;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.GetUserAsync(state.User) is { } user && await StampMatchesAsync(users, user, state.User);
    }

    private async Task<bool> StampMatchesAsync(UserManager<IdentityUser> users, IdentityUser user, ClaimsPrincipal principal)
    {
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
