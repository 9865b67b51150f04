using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Letters;

/// <summary>Who letters are for, written once: the print pages, Mi equipo and the code check all ask here.</summary>
public static class LetterQueries
{
    /// <summary>
    /// People a letter may be printed for, and whose letter works: active, and no HR or admin role (those accounts are
    /// changed by an admin, and have an address). HR may print one for a single person who has an email they cannot use.
    /// </summary>
    public static IQueryable<Employee> LetterEligible(this IQueryable<Employee> people, AppDbContext db) => people
        .Where(e => e.IsActive)
        .Where(e => !db.UserRoles.Any(r => r.UserId == e.UserId && db.Roles.HrOrAdmin().Any(x => x.Id == r.RoleId)));

    /// <summary>People with no sign-in email: for them a letter is the only way in, and batches and managers print only for them.</summary>
    public static IQueryable<Employee> WithoutSignInEmail(this IQueryable<Employee> people, AppDbContext db) => people
        .Where(e => db.Users.Any(u => u.Id == e.UserId && (u.Email == null || u.Email == "")));

    /// <summary>
    /// Of those, who a batch (a site, a department, a team) prints for: people who have no password yet — someone who
    /// already signs in gets a new letter only from their own page, when they forgot it, so a card left in a staff room
    /// cannot reset a working colleague's password — and, unless HR asks to reprint, who has no letter that still works.
    /// </summary>
    public static IQueryable<Employee> AwaitingFirstLetter(this IQueryable<Employee> people, AppDbContext db, DateTime now, bool reprint) => people
        .Where(e => db.Users.Any(u => u.Id == e.UserId && u.PasswordHash == null))
        .Where(e => reprint || !db.Letters.Any(l => l.EmployeeId == e.Id && l.UsedAt == null && l.ReplacedAt == null && l.ExpiresAt > now));
}
