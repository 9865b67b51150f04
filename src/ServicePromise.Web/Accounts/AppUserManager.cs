using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Accounts;

/// <summary>
/// Identity changes the security stamp on a password or email change but not on a role change; here a role change
/// does too, so a person who loses (or gains) a role signs in again and their cookie's roles are never stale.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(AppUser user, string role) => await RotatedAsync(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) => await RotatedAsync(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) => await RotatedAsync(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) => await RotatedAsync(user, await base.RemoveFromRolesAsync(user, roles));

    async Task<IdentityResult> RotatedAsync(AppUser user, IdentityResult changed) =>
        changed.Succeeded ? await UpdateSecurityStampAsync(user) : changed;
}
