using Microsoft.AspNetCore.Identity;

namespace ServicePromise.Web.Accounts;

/// <summary>
/// Identity's user checks with one exception: a person without email (a cashier, a warehouse worker) has an account
/// too. With <c>RequireUniqueEmail</c> Identity refuses any account whose email is empty — so setting the password from
/// their letter, or counting a failed sign-in, would fail. Here an empty email passes; any email that is set must still
/// be valid and nobody else's, exactly as before.
/// </summary>
public sealed class OptionalEmailUserValidator(IdentityErrorDescriber errors) : UserValidator<AppUser>(errors)
{
    public override async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        var result = await base.ValidateAsync(manager, user);
        if (result.Succeeded || !string.IsNullOrEmpty(user.Email)) return result;
        var rest = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidEmail)).ToArray();
        return rest.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(rest);
    }

    /// <summary>The user name of an account without email: its own id, which no address and no other account can equal.</summary>
    public static string UserNameWithoutEmail(AppUser user) => user.Id;
}
