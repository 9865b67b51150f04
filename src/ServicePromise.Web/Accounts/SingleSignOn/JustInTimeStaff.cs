using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// Creates a person who signed in through the company's provider and matches nobody, from the provider's claims —
/// as a staff file of one row, through the staff import itself: the same checks (a manager nobody knows, an email
/// someone else has, text that cannot be shown), the same onboarding assignment, the same audit entry. It only ever
/// creates: a row that would change someone already on file (their number is known) is refused, so nobody's
/// account — an HR or admin one least of all — is changed just in time. No invitation goes out: the person signs
/// in through their provider.
/// </summary>
public sealed class JustInTimeStaff(StaffImporter importer, AppDbContext db, UserManager<AppUser> users, OrganisationClock clock)
{
    static readonly Messages L = new();

    static readonly StaffField[] Columns =
        [StaffField.EmployeeNumber, StaffField.FullName, StaffField.Email, StaffField.JobTitle, StaffField.Department,
         StaffField.Site, StaffField.ManagerNumber, StaffField.HireDate, StaffField.Language];

    /// <summary>Our own header names, mapped explicitly: the organisation's saved mapping of HR's columns plays no part.</summary>
    internal static readonly IReadOnlyDictionary<string, StaffField> Mapping = Columns.ToDictionary(c => StaffFile.Fold(c.ToString()), c => c);

    public sealed record Created(AppUser? User, Message? Problem);

    /// <param name="language">The person's language: the provider's <c>locale</c>, else the one they are using the site in.</param>
    public async Task<Created> CreateAsync(SsoIdentity who, string language)
    {
        if (who.EmployeeNumber is null || who.FullName is null || who.Email is null)
            return new(null, L["La cuenta de tu empresa no trae tu número de empleado, tu nombre y un correo verificado, que hacen falta para darte de alta."]);
        // The address becomes the person's sign-in email: only one the provider vouches for (see TrustUnverifiedEmail).
        if (!who.EmailVerified)
            return new(null, L["La cuenta de tu empresa no confirma que el correo {0} sea tuyo (no está verificado), y hace falta para darte de alta.", who.Email]);
        var file = Row(who, language, clock.Today);
        var dryRun = await importer.DryRunAsync(file, fullImport: false, Mapping);
        if (dryRun.Problems.Count > 0) return new(null, dryRun.Problems[0].Message);
        if (dryRun.Plan is not { Creates: 1, Changes.Count: 1 })
            return new(null, L["Ya hay una persona con el número de empleado {0}, con otro correo.", who.EmployeeNumber]);

        var applied = await importer.ApplyAsync(file, fullImport: false, Mapping, invite: false);
        if (applied.Problems.Count > 0) return new(null, applied.Problems[0].Message);
        var userId = await db.Employees.AsNoTracking().WithEmployeeNumber(who.EmployeeNumber).Select(e => e.UserId).SingleAsync();
        return new(await users.FindByIdAsync(userId), null);
    }

    /// <summary>A staff file of one row, as UTF-8 CSV with every value quoted.</summary>
    internal static byte[] Row(SsoIdentity who, string language, DateOnly today)
    {
        static string Quoted(string? value) => "\"" + (value ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var values = new[]
        {
            who.EmployeeNumber, who.FullName, who.Email, who.JobTitle, who.Department, who.Site, who.ManagerNumber,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), language,
        };
        var text = string.Join(',', Columns.Select(c => Quoted(c.ToString()))) + "\n" + string.Join(',', values.Select(Quoted)) + "\n";
        return Encoding.UTF8.GetBytes(text);
    }
}
