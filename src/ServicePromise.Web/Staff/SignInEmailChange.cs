using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Web.Staff;

/// <summary>Whose sign-in email a person may change on the person page (issue 10, item 1).</summary>
public static class EmailChangeRules
{
    /// <summary>
    /// An admin changes anyone's. HR changes an ordinary person's — the import already lets HR do that, and the page
    /// asks for confirmation and tells the old address — but never an HR or admin person's: that would let HR take over
    /// the accounts that watch HR.
    /// </summary>
    public static bool MayChange(bool viewerIsAdmin, bool viewerIsHr, Privilege target) =>
        viewerIsAdmin || (viewerIsHr && target == Privilege.None);
}

/// <summary>
/// Changes one person's sign-in email from their person page: checked (a valid address nobody else uses), through
/// UserManager (user name and email together, validated, a new security stamp that ends every session), with the notice
/// to the old address queued in the same transaction and sent once it commits.
/// </summary>
public sealed class SignInEmailChange(AppDbContext db, UserManager<AppUser> users, OrganisationClock clock, InvitationSignal signal, Audit.AuditLog audit,
    ILogger<SignInEmailChange> logger)
{
    static readonly Messages L = new();

    public sealed record Account(int EmployeeId, string EmployeeNumber, string UserId, string FullName, string Email, Privilege Privilege);

    public async Task<Account?> FindAsync(int employeeId, CancellationToken ct)
    {
        var account = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.EmployeeNumber, e.UserId, e.FullName, u.Email }).SingleOrDefaultAsync(ct);
        if (account is null) return null;
        var roles = await db.UserRoles.Where(r => r.UserId == account.UserId).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name).ToListAsync(ct);
        var privilege = roles.Contains(Roles.Admin) ? Privilege.Admin : roles.Contains(Roles.HR) ? Privilege.Hr : Privilege.None;
        return new Account(account.Id, account.EmployeeNumber, account.UserId, account.FullName, account.Email ?? "", privilege);
    }

    /// <summary>What is wrong with <paramref name="newEmail"/> for this person; nothing when it can be applied.</summary>
    public async Task<Message?> ProblemAsync(Account account, string newEmail, CancellationToken ct)
    {
        if (newEmail.Length == 0) return L["Escribe el correo nuevo."];
        if (!StaffFile.IsEmail(newEmail)) return L["«{0}» no es un correo electrónico válido.", newEmail];
        if (string.Equals(newEmail, account.Email, StringComparison.OrdinalIgnoreCase)) return L["Ese ya es su correo."];
        var normalized = users.NormalizeEmail(newEmail);
        var taken = await db.Users.AnyAsync(u => u.Id != account.UserId && (u.NormalizedEmail == normalized || u.NormalizedUserName == users.NormalizeName(newEmail)), ct);
        return taken ? L["Ese correo ya lo usa otra persona."] : null;
    }

    /// <summary>Applies the change, or says why it could not (another person took the address meanwhile).</summary>
    public async Task<Message?> ChangeAsync(Account account, string newEmail, CancellationToken ct)
    {
        if (await ProblemAsync(account, newEmail, ct) is { } problem) return problem;
        var user = await users.FindByIdAsync(account.UserId);
        if (user is null) return L["Ese correo ya lo usa otra persona."];
        var old = user.Email ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Each of these validates (unique name and email) and gives the account a new security stamp.
            var renamed = await users.SetUserNameAsync(user, newEmail);
            var changed = renamed.Succeeded ? await users.SetEmailAsync(user, newEmail) : renamed;
            if (!changed.Succeeded)
            {
                logger.LogInformation("Email change for employee {Id} refused: {Errors}", account.EmployeeId, string.Join(", ", changed.Errors.Select(e => e.Code)));
                var describer = new IdentityErrorDescriber();
                return changed.Errors.Any(e => e.Code is nameof(describer.InvalidUserName) or nameof(describer.InvalidEmail))
                    ? L["«{0}» tiene caracteres que no se admiten en un correo de acceso.", newEmail]
                    : L["Ese correo ya lo usa otra persona."];
            }
            if (old.Length > 0) db.Invitations.Add(EmailChangeNotice.For(account.EmployeeId, old, newEmail, clock.UtcNow));
            audit.Add(Audit.AuditActions.EmailChanged, account.EmployeeId, Audit.AuditLog.Person(account.FullName, account.EmployeeNumber),
                new Dictionary<string, object?> { ["from"] = old, ["to"] = newEmail });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the user name: someone took the address between the check and the write.
            return L["Ese correo ya lo usa otra persona."];
        }
        signal.Wake();
        return null;
    }
}
