using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// With <see cref="OidcOptions.SsoOnly"/>, a person who has signed in through the company's provider has no password
/// here: the password sign-in, the forgotten and reset password pages and invitation links refuse them. HR and admin
/// accounts keep theirs (break-glass: the way in when the provider is down or misconfigured).
/// </summary>
public sealed class SsoOnlyRule(AppDbContext db, IOptions<OidcOptions> options)
{
    public async Task<bool> RefusesPasswordAsync(string userId) =>
        options.Value.SsoOnly
        && await db.UserLogins.AnyAsync(l => l.UserId == userId)
        && !await db.IsHrOrAdminAsync(userId);
}
