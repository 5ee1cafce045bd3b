using Microsoft.AspNetCore.Identity;
using Shop.PayModes.Core;

namespace Shop.Web.Admin;

public sealed record AdminAccountResult(bool Succeeded, bool Created, IReadOnlyList<string> Errors)
{
    public static AdminAccountResult Failed(IEnumerable<IdentityError> errors) => new(false, false, [.. errors.Select(e => e.Description)]);
}

/// <summary>Creates an administrator, or resets one's password (the <c>admin create</c> verb; first install).</summary>
public sealed class AdminAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles)
{
    public async Task<AdminAccountResult> CreateOrResetAsync(string email, string password)
    {
        if (!await roles.RoleExistsAsync(PaymentHandover.AdminRole)
            && await roles.CreateAsync(new IdentityRole(PaymentHandover.AdminRole)) is { Succeeded: false } roleFailure)
            return AdminAccountResult.Failed(roleFailure.Errors);

        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var create = await users.CreateAsync(user, password);
            if (!create.Succeeded)
                return AdminAccountResult.Failed(create.Errors);
        }
        else
        {
            // Check the new password against the rules before touching the old one.
            foreach (var validator in users.PasswordValidators)
                if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } invalid)
                    return AdminAccountResult.Failed(invalid.Errors);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            if (await users.ResetPasswordAsync(user, token, password) is { Succeeded: false } reset)
                return AdminAccountResult.Failed(reset.Errors);
            // A reset changes the security stamp, which lifts every sign-in lock on the account (SignInThrottle): this is
            // how a locked-out owner gets back in. Also clear the account-wide lockout older versions of the shop set.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        if (!await users.IsInRoleAsync(user, PaymentHandover.AdminRole)
            && await users.AddToRoleAsync(user, PaymentHandover.AdminRole) is { Succeeded: false } addFailure)
            return AdminAccountResult.Failed(addFailure.Errors);
        return new AdminAccountResult(true, created, []);
    }
}
