using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Accounts;

/// <summary>
/// People who have left (an inactive employee record) cannot sign in; their records stay. Every refusal costs the
/// same password hashing as a real check — an unknown email, someone who has left, a locked account, an invited
/// person with no password yet — so the time an answer takes does not tell who has an account.
/// </summary>
public sealed class ActiveEmployeeSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, AppDbContext db, SingleSignOn.SsoOnlyRule ssoOnly)
    : SignInManager<AppUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    static readonly AppUser Nobody = new() { Id = "00000000-0000-0000-0000-000000000000", UserName = "nobody" };
    static string? _dummyHash;

    /// <summary>The last password check had the right password for a person who signs in through the company's provider
    /// (SSO only): the name of the button they sign in with.</summary>
    public string? PasswordRefusedForSso { get; private set; }

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        await base.CanSignInAsync(user)
        && !await db.Employees.AnyAsync(e => e.UserId == user.Id && !e.IsActive);

    /// <param name="userName">What the person typed: their email, or their employee number (people without email have only that).</param>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = userName.Contains('@', StringComparison.Ordinal) ? await UserManager.FindByNameAsync(userName) : await ByEmployeeNumberAsync(userName);
        if (user is null)
        {
            HashAnyway(password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // The base class answers these without hashing (and UserManager does for an account with no password).
        if (!await CanSignInAsync(user) || await IsLockedOut(user) || !await UserManager.HasPasswordAsync(user))
            HashAnyway(password);
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        // Only after the right password: telling a stranger that an address signs in elsewhere would say it has an account.
        if (result.Succeeded && await ssoOnly.CompanyButtonAsync(user.Id) is { } button)
        {
            PasswordRefusedForSso = button;
            return SignInResult.NotAllowed;
        }
        return result;
    }

    /// <summary>
    /// The account of the person with this employee number: as written, else in any case (HR files and letters write
    /// "mo-0107" and "MO-0107" alike; the import keeps numbers unique whatever their case).
    /// </summary>
    async Task<AppUser?> ByEmployeeNumberAsync(string number)
    {
        if (number.Length is 0 or > 40) return null;
        var userId = await db.Employees.AsNoTracking().WithEmployeeNumber(number).Select(e => e.UserId).FirstOrDefaultAsync();
        return userId is null ? null : await UserManager.FindByIdAsync(userId);
    }

    /// <summary>Verifies the password against a fixed hash made by the same hasher (same algorithm and work), and throws the answer away.</summary>
    void HashAnyway(string password)
    {
        var hasher = UserManager.PasswordHasher;
        _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
