using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts;

/// <summary>Puts the employee id, name and language in the sign-in cookie so pages need no lookup to know who is asking.</summary>
public sealed class EmployeeClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var employee = await db.Employees.AsNoTracking().Where(e => e.UserId == user.Id)
            .Select(e => new { e.Id, e.FullName, e.Language }).SingleOrDefaultAsync();
        if (employee is not null)
        {
            identity.AddClaim(new Claim(EmployeeClaims.EmployeeId, employee.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(EmployeeClaims.FullName, employee.FullName));
            identity.AddClaim(new Claim(EmployeeClaims.Language, employee.Language));
        }
        return identity;
    }
}

public static class EmployeeClaims
{
    public const string EmployeeId = "sp:employee";
    public const string FullName = "sp:name";
    public const string Language = "sp:lang";

    /// <summary>The signed-in person's employee id, or null for an account with no employee record.</summary>
    public static int? GetEmployeeId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(EmployeeId), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(FullName) ?? user.Identity?.Name ?? "";
}
