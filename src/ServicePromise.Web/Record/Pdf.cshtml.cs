using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Record;

/// <summary>"Mi historial" as a PDF, in the reader's language. Like the page, only ever the signed-in person's own.</summary>
[Authorize(Roles = Roles.Employee)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class PdfModel(AppDbContext db, OrganisationClock clock, RecordRenderer renderer, Practice.KnowledgeKept kept,
    IOptions<Practice.PracticeOptions> practice, IStringLocalizer<SharedResource> L) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int employeeId) return NotFound();
        var record = await PersonalRecord.LoadAsync(db, employeeId, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, clock.Today, ct);
        if (record is null) return NotFound();
        var checkIns = await CheckIns.RecordCheckIns.LoadAsync(db, employeeId, clock.Today, ct);
        var knowledge = practice.Value.Enabled ? new Practice.KeptView([await kept.OfPersonAsync(employeeId, ct)], practice.Value.KeptDays) : null;
        var name = $"{L["mi-historial"]}-{clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf";
        return File(renderer.Render(record, checkIns, knowledge), "application/pdf", name);
    }
}
