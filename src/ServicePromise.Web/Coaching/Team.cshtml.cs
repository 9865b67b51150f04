using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Letters;
using ServicePromise.Web.Reports;

namespace ServicePromise.Web.Coaching;

/// <summary>
/// "Mi equipo": a manager's direct reports — how far each one is, their reflections waiting for this manager's
/// review, and a reminder button. Only the signed-in manager's own direct reports are ever looked up.
/// </summary>
[Authorize(Roles = Roles.Manager)]
public class TeamModel(AppDbContext db, Nudger nudger, OrganisationClock clock, IStringLocalizer<SharedResource> L,
    Microsoft.Extensions.Options.IOptions<Reminders.ReminderSenderOptions> reminders) : PageModel
{
    /// <summary>People of this page without email: no mail reaches them, so the manager is the channel (reminders, letters).</summary>
    public IReadOnlySet<int> WithoutEmail { get; private set; } = new HashSet<int>();
    /// <summary>How many of the manager's active people have no email.</summary>
    public int TeamWithoutEmail { get; private set; }
    /// <summary>How many of them the "print every letter" button prints for: no password and no working letter yet.</summary>
    public int TeamAwaitingLetter { get; private set; }

    public sealed record Member(CompletionRow Person, AssignmentStatus Status, int Done, int Assigned, int Waiting, DateTime? LastNudgedAt);

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "rp")] public int ReviewPage { get; set; } = 1;

    public Paged<Member> Members { get; private set; } = null!;
    public Pager MembersPager { get; private set; } = null!;
    public QueueView Waiting { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int me) return Forbid();
        Today = clock.Today;
        var people = await CompletionQuery.PageAsync(db, new CompletionFilter(null, null, null, ManagerId: me), clock, PageNumber, ct);
        var ids = people.Items.Select(p => p.EmployeeId).ToList();
        var progress = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id) && e.CurrentAssignmentId != null)
            .Select(e => new
            {
                e.Id,
                Assigned = e.CurrentAssignment!.Pillars.Count,
                Done = e.CurrentAssignment.Pillars.AsQueryable().Count(CompletionRules.PillarDone),
            })
            .ToDictionaryAsync(e => e.Id, ct);
        var waiting = await ReviewQueue.Sent(db).Waiting().OfTeam(me).GroupBy(r => r.AssignmentPillar!.Assignment!.EmployeeId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var nudged = await db.Nudges.AsNoTracking().Where(n => ids.Contains(n.EmployeeId)).GroupBy(n => n.EmployeeId)
            .Select(g => new { g.Key, Last = g.Max(n => n.SentAt) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        Members = people.Select(p => new Member(p, p.Status(Today),
            progress.GetValueOrDefault(p.EmployeeId)?.Done ?? 0, progress.GetValueOrDefault(p.EmployeeId)?.Assigned ?? 0,
            waiting.GetValueOrDefault(p.EmployeeId), nudged.TryGetValue(p.EmployeeId, out var last) ? last : null));
        MembersPager = new Pager(Members.Number, Members.Count, "p", Keep, "team-heading");
        // The letters' own rule (no HR or admin role among them): whoever is shown a print button can be printed for.
        WithoutEmail = (await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).LetterEligible(db).WithoutSignInEmail(db).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var team = db.Employees.AsNoTracking().Where(e => e.ManagerId == me).LetterEligible(db).WithoutSignInEmail(db);
        TeamWithoutEmail = await team.CountAsync(ct);
        TeamAwaitingLetter = await team.AwaitingFirstLetter(db, clock.UtcNow, reprint: false).CountAsync(ct);

        var queue = await ReviewQueue.Sent(db).Waiting().OfTeam(me).PageAsync(ReviewPage, ct);
        Waiting = new QueueView("waiting", L["Reflexiones que esperan tu revisión"], L["No hay reflexiones esperando tu revisión."],
            queue, new Pager(queue.Number, queue.Count, "rp", Keep, "waiting-heading"));
        return Page();
    }

    /// <summary>Emails one of the manager's people a reminder with a link to what is next, at most once per interval.</summary>
    public async Task<IActionResult> OnPostNudgeAsync(int employeeId, CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int me) return Forbid();
        var outcome = await nudger.NudgeAsync(employeeId, me, ct);
        if (outcome is NudgeOutcome.NotFound) return NotFound();
        TempData["StatusMessage"] = outcome switch
        {
            NudgeOutcome.Sent sent => L["Recordatorio enviado a {0}.", sent.Name].Value,
            NudgeOutcome.TooSoon soon => L["{0} ya recibió un recordatorio el {1}. Podrás enviarle otro a partir del {2}.", soon.Name, clock.Format(soon.LastSentAt), clock.Format(soon.NextAllowedAt)].Value,
            NudgeOutcome.NothingToDo done => L["{0} no tiene nada pendiente; no hace falta recordárselo.", done.Name].Value,
            NudgeOutcome.NotSent failed => L["No hemos podido enviar el recordatorio a {0}. Inténtalo más tarde.", failed.Name].Value,
            _ => "",
        };
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/team?p={PageNumber}&rp={ReviewPage}#team-heading"));
    }

    Dictionary<string, string?> Keep => new()
    {
        ["p"] = PageNumber.ToString(CultureInfo.InvariantCulture),
        ["rp"] = ReviewPage.ToString(CultureInfo.InvariantCulture),
    };

    public string StatusLabel(AssignmentStatus status) => StatusText.Of(status, L);

    /// <summary>What the reminder mails would tell this person now, for the manager to tell them instead.</summary>
    public Reminders.OnPageReminder? ReminderFor(Member m) =>
        m.Person.DueOn is { } due ? Reminders.OnPageReminders.For(due, Today, m.Status == AssignmentStatus.Completed, reminders.Value.Schedule) : null;
}
