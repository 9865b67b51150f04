using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts;

public static class RoleQueries
{
    /// <summary>
    /// The HR and Admin roles: the accounts that hold one are protected — an import or a provisioning request never
    /// changes them, no letter is printed for them, they keep a password under SSO only and never sign in through a provider.
    /// </summary>
    public static IQueryable<IdentityRole> HrOrAdmin(this IQueryable<IdentityRole> roles) =>
        roles.Where(r => r.Name == Roles.HR || r.Name == Roles.Admin);

    /// <summary>Whether the account has the HR or the Admin role (<see cref="HrOrAdmin"/>).</summary>
    public static Task<bool> IsHrOrAdminAsync(this AppDbContext db, string userId, CancellationToken ct = default)
    {
        var privileged = db.Roles.HrOrAdmin();
        return db.UserRoles.AnyAsync(ur => ur.UserId == userId && privileged.Any(r => r.Id == ur.RoleId), ct);
    }
}
