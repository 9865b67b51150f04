using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reports;

/// <summary>One person's record for HR: where they stand on each pillar, and every knowledge-check attempt.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class PersonModel(AppDbContext db, OrganisationClock clock) : PageModel
{
    /// <param name="ReflectionId">The sent reflection, which HR may open (see Coaching/Review).</param>
    public sealed record PillarRow(string Title, DateTime? ReadAt, bool HasCheck, DateTime? CheckPassedAt, DateTime? ReflectedAt, int? ReflectionId);
    public sealed record AttemptRow(string Pillar, int Number, DateTime StartedAt, DateTime? SubmittedAt, int? Score, bool Passed);

    public CompletionRow Person { get; private set; } = null!;
    public AssignmentStatus Status { get; private set; }
    public int? EditionNumber { get; private set; }
    public AssignmentReason? Reason { get; private set; }
    public IReadOnlyList<PillarRow> Pillars { get; private set; } = [];
    public IReadOnlyList<AttemptRow> Attempts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var today = clock.Today;
        var person = await CompletionQuery.Rows(db, new CompletionFilter(null, null, null, id), today).SingleOrDefaultAsync(ct);
        if (person is null) return NotFound();
        Person = person;
        Status = person.Status(today);

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var current = await db.Employees.AsNoTracking().Where(e => e.Id == id && e.CurrentAssignmentId != null)
            .Select(e => new
            {
                e.CurrentAssignment!.Edition!.Number, e.CurrentAssignment.Edition.DefaultLanguage, e.CurrentAssignment.Reason,
                Pillars = e.CurrentAssignment.Pillars.OrderBy(p => p.Pillar!.Order).Select(p => new
                {
                    p.ReadAt, p.Pillar!.HasCheck, p.CheckPassedAt, p.ReflectedAt,
                    ReflectionId = db.Reflections.Where(r => r.AssignmentPillarId == p.Id && r.SubmittedAt != null).Select(r => (int?)r.Id).FirstOrDefault(),
                    Titles = p.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
                }).ToList(),
            }).SingleOrDefaultAsync(ct);
        if (current is not null)
        {
            EditionNumber = current.Number;
            Reason = current.Reason;
            Pillars = current.Pillars.Select(p => new PillarRow(
                p.Titles.InLanguage(t => t.Language, language, current.DefaultLanguage).Title,
                p.ReadAt, p.HasCheck, p.CheckPassedAt, p.ReflectedAt, p.ReflectionId)).ToList();
        }

        // Every attempt this person ever made, on any edition: HR's evidence that the promise is understood.
        var attempts = await db.CheckAttempts.AsNoTracking().Where(a => a.AssignmentPillar!.Assignment!.EmployeeId == id)
            .OrderByDescending(a => a.StartedAt)
            .Select(a => new
            {
                a.Number, a.StartedAt, a.SubmittedAt, a.Score, a.Passed, a.AssignmentPillar!.Pillar!.Edition!.DefaultLanguage,
                Titles = a.AssignmentPillar.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
            })
            .Take(200).ToListAsync(ct);
        Attempts = attempts.Select(a => new AttemptRow(
            a.Titles.InLanguage(t => t.Language, language, a.DefaultLanguage).Title,
            a.Number, a.StartedAt, a.SubmittedAt, a.Score, a.Passed)).ToList();
        return Page();
    }

    public string Date(DateTime? utc) => utc is { } value ? clock.Local(value).ToString("g", CultureInfo.CurrentCulture) : "—";
}
