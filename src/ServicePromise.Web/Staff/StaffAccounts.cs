using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Staff;

/// <summary>One person to add: their sign-in email and their employee record.</summary>
/// <param name="Email">Null: a person without email, who signs in with their employee number.</param>
/// <param name="EmployeeNumber">Null: a number made from the new account ("ADMIN-1a2b3c4d"), for people no HR file knows yet.</param>
public sealed record NewPerson(string? Email, string FullName, string? EmployeeNumber, string JobTitle, DateOnly HireDate)
{
    public Department? Department { get; init; }
    public Site? Site { get; init; }
    public Employee? Manager { get; init; }
    public string Language { get; init; } = "es";
    /// <summary>Roles besides <see cref="Roles.Employee"/>, which everyone has.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>Null: no password; the person chooses one through an invitation link.</summary>
    public string? Password { get; init; }
}

/// <summary>
/// Adds people one at a time — an Identity account with its roles, and the employee row — for everything outside the
/// bulk import: the command line's administrator, the demo organisation. (The import writes the same rows set-based,
/// see <see cref="Import.StaffImporter"/>, because it adds thousands at once.)
/// </summary>
public sealed class StaffAccounts(AppDbContext db, UserManager<AppUser> users)
{
    public sealed record Added(IdentityResult Result, AppUser User, Employee? Employee)
    {
        /// <summary>The account already existed (or another process created it at the same moment).</summary>
        public bool Duplicate => Result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName));
    }

    /// <summary>
    /// Creates the account and its roles, and adds the employee row to the context: the caller's SaveChanges writes it
    /// (so a batch of people, with their new departments and sites, is saved together).
    /// </summary>
    public async Task<Added> AddAsync(NewPerson person)
    {
        var user = new AppUser { Email = person.Email, EmailConfirmed = person.Email is not null };
        user.UserName = person.Email ?? OptionalEmailUserValidator.UserNameWithoutEmail(user);
        var created = await CreateUserAsync(user, person.Password);
        if (!created.Succeeded) return new Added(created, user, null);
        var roles = await users.AddToRolesAsync(user, [Roles.Employee, .. person.Roles]);
        if (!roles.Succeeded) return new Added(roles, user, null);
        var employee = new Employee
        {
            UserId = user.Id,
            EmployeeNumber = person.EmployeeNumber ?? "ADMIN-" + user.Id[..8],
            FullName = person.FullName.Trim(),
            JobTitle = person.JobTitle,
            Department = person.Department,
            Site = person.Site,
            Manager = person.Manager,
            HireDate = person.HireDate,
            Language = person.Language,
        };
        db.Employees.Add(employee);
        return new Added(IdentityResult.Success, user, employee);
    }

    /// <summary>A unique-index violation (another process inserted the same account in between) reads as a duplicate.</summary>
    async Task<IdentityResult> CreateUserAsync(AppUser user, string? password)
    {
        try
        {
            return password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await users.FindByNameAsync(user.UserName!) is null) throw;
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName!));
        }
    }
}
