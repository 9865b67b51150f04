using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Record;

/// <summary>
/// "Mi historial": everything stored about the signed-in person. The route takes no id: the record is always the
/// one of the person signed in, so there is nothing to change in an address to reach anyone else's.
/// </summary>
[Authorize(Roles = Roles.Employee)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(AppDbContext db, OrganisationClock clock) : PageModel
{
    public PersonalRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int employeeId) return NotFound();
        var record = await PersonalRecord.LoadAsync(db, employeeId, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, clock.Today, ct);
        if (record is null) return NotFound();
        Record = record;
        return Page();
    }

    public string When(DateTime? utc) => utc is { } value ? clock.Format(value) : "—";
    public static string Day(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}
