using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Coaching;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.CheckIns;

/// <summary>
/// One check-in (<c>/checkins/{id}</c>): the committed action, the person's answer form when it is due, what they
/// answered, the earlier check-ins of the same plan, and the coaching replies — with a reply form for their manager
/// (or HR, for people without one). Anyone else (a colleague, another manager) finds no such page.
/// </summary>
[Authorize]
public class CheckInModel(AppDbContext db, CheckInPlanner planner, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public CheckInRow CheckIn { get; private set; } = null!;
    /// <summary>The same plan's check-ins, oldest first (this one included).</summary>
    public IReadOnlyList<CheckInRow> Plan { get; private set; } = [];
    public IReadOnlyList<(string Author, DateTime WrittenAt, string Text)> Replies { get; private set; } = [];
    public CheckInAccessLevel Access { get; private set; }
    public DateOnly Today { get; private set; }
    public bool OffersNewDate { get; private set; }

    public bool CanAnswer => Access == CheckInAccessLevel.Own && CheckIn.Open && CheckIn.DueOn <= Today;
    public bool CanReply => Access == CheckInAccessLevel.Reply && CheckIn.AnsweredAt is not null;

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public string? Reply { get; set; }

    /// <summary>Outcome and rating as posted: text, so a hand-made value is refused with the rule's message rather than a binding error.</summary>
    public sealed class InputModel
    {
        public string? Outcome { get; set; }
        public string? Rating { get; set; }
        public string? Note { get; set; }
        public string? Obstacle { get; set; }
        public bool Habit { get; set; }
        public string? NewDate { get; set; }

        public CheckInInput ToInput() => new(
            Enum.TryParse<CheckInOutcome>(Outcome, ignoreCase: false, out var o) && !int.TryParse(Outcome, out _) ? o : null,
            int.TryParse(Rating, out var r) ? r : null, Note, Obstacle, Habit, NewDate);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Access != CheckInAccessLevel.Own) return Forbid();
        if (!ModelState.IsValid)
        {
            // A habit box that is not a yes or no (a hand-made post): said beside it, nothing recorded.
            ModelState.AddModelError("Input.Habit", L["Marca la casilla o déjala vacía."]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        switch (await planner.AnswerAsync(id, Input.ToInput(), ct))
        {
            case CheckInResult.Refused refused:
                return Refused(refused.Problems);
            case CheckInResult.Done { Next: { } next }:
                TempData["StatusMessage"] = L["Gracias. Te volveremos a preguntar el {0}.", next.ToString("D", System.Globalization.CultureInfo.CurrentCulture)].Value;
                break;
            case CheckInResult.Done:
                TempData["StatusMessage"] = L["Gracias. Tu respuesta está guardada."].Value;
                break;
            case CheckInResult.AlreadyAnswered:
                TempData["StatusMessage"] = L["Ya habías respondido a esta pregunta; guardamos tu primera respuesta."].Value;
                break;
            default:
                TempData["StatusMessage"] = L["Esta pregunta ya no está abierta."].Value;
                break;
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Access != CheckInAccessLevel.Reply) return Forbid();
        var result = await planner.ReplyAsync(id, User.GetEmployeeId()!.Value, Reply, ct);
        if (result is CheckInResult.Refused refused) return Refused(refused.Problems);
        TempData["StatusMessage"] = result is CheckInResult.Done ? L["Respuesta enviada."].Value : L["Esta pregunta todavía no tiene respuesta."].Value;
        return RedirectToPage(null, null, new { id }, "replies");
    }

    IActionResult Refused(IReadOnlyDictionary<string, Message> problems)
    {
        foreach (var (field, message) in problems)
            ModelState.AddModelError(field == "Reply" ? "Reply" : "Input." + field, message.In(L));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await db.CommitmentCheckIns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.EmployeeId, c.Employee!.ManagerId, ManagerActive = c.Employee.Manager != null && c.Employee.Manager.IsActive, c.ReflectionVersionId })
            .SingleOrDefaultAsync(ct);
        if (person is null) return false;
        var viewer = new ReviewViewer(User.GetEmployeeId(), User.IsInRole(Roles.HR) || User.IsInRole(Roles.Admin));
        Access = CheckInAccess.Of(viewer, new ReviewAuthor(person.EmployeeId, person.ManagerId, person.ManagerActive));
        if (Access == CheckInAccessLevel.None) return false;
        Today = clock.Today;
        Plan = (await CheckInRows.ListAsync(db.CommitmentCheckIns.Where(c => c.ReflectionVersionId == person.ReflectionVersionId), ct))
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToList();
        CheckIn = Plan.Single(c => c.Id == id);
        OffersNewDate = CheckInSchedule.OffersNewDate(new CheckInStep(CheckIn.Step, default, CheckIn.DueOn, CheckIn.IsRetry), Plan.Any(c => c.IsRetry));
        Replies = (await db.CheckInReplies.AsNoTracking().Where(r => r.CheckIn!.ReflectionVersionId == person.ReflectionVersionId)
                .OrderBy(r => r.WrittenAt).Select(r => new { r.Author!.FullName, r.WrittenAt, r.Text }).ToListAsync(ct))
            .Select(r => (r.FullName, r.WrittenAt, r.Text)).ToList();
        return true;
    }

    public string OutcomeText(CheckInOutcome? outcome) => CheckInText.Outcome(outcome, L);
}
