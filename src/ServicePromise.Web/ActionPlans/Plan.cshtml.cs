using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.ActionPlans;

/// <summary>
/// One action plan: the finding it answers with before and after, the author's form (while it is a draft or was
/// returned), the approver's decision (while it waits), and its history. Its author, HR and the author's own manager
/// see it; for anyone else it does not exist.
/// </summary>
[Authorize(Roles = Roles.ManagerOrHr)]
public class PlanModel(AppDbContext db, PlanWorkflow workflow, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class InputModel
    {
        public string? Cause { get; set; }
        public string? Actions { get; set; }
        public string? Owner { get; set; }
        [DataType(DataType.Date)] public DateOnly? DueOn { get; set; }
    }

    public sealed record Decision(bool Approved, string? Comment, DateTime DecidedAt, string By);

    public ActionPlan Plan { get; private set; } = null!;
    public PlanRow Row { get; private set; } = null!;
    public string Finding { get; private set; } = "";
    public string StandardWording { get; private set; } = "";
    public BeforeAfter Comparison { get; private set; } = null!;
    public PlanAccess Access { get; private set; } = PlanAccess.None;
    /// <summary>Newest first.</summary>
    public IReadOnlyList<Decision> History { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsHr => User.IsInRole(Roles.HR) || User.IsInRole(Roles.Admin);
    public bool CanEdit => Access.IsAuthor && PlanRules.Editable(Plan.State);
    public bool CanDecide => Access.MayDecide && Plan.State == ActionPlanState.Submitted;
    public string BackLink => IsHr && !Access.IsAuthor ? "/hr/plans" : "/team/plans";

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The version the form was loaded with.</summary>
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Verdict { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { Cause = Plan.Cause, Actions = Plan.Actions, Owner = Plan.Owner, DueOn = Plan.DueOn };
        Version = Plan.Version;
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    async Task<IActionResult> SaveAsync(int id, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Access.IsAuthor) return Forbid();
        if (!ModelState.IsValid) return Refused();
        var outcome = await workflow.SaveAsync(id, Version, new PlanInput(Input.Cause, Input.Actions, Input.Owner, Input.DueOn), submit, ct);
        if (outcome is PlanOutcome.Invalid invalid)
        {
            foreach (var (field, problem) in invalid.Problems) ModelState.AddModelError($"{nameof(Input)}.{field}", problem.In(L));
            return Refused();
        }
        if (outcome is PlanOutcome.Stale) return StaleAnswer();
        TempData["StatusMessage"] = outcome switch
        {
            PlanOutcome.Done { State: ActionPlanState.Submitted, Emailed: true } => L["Plan enviado para su aprobación; hemos avisado por correo a tu responsable."].Value,
            PlanOutcome.Done { State: ActionPlanState.Submitted } or PlanOutcome.AlreadyDone { State: ActionPlanState.Submitted } =>
                L["Plan enviado para su aprobación. Lo aprueba Personas (RR. HH.) o tu responsable."].Value,
            PlanOutcome.Done or PlanOutcome.AlreadyDone => L["Borrador guardado."].Value,
            _ => L["Este plan ya no se puede cambiar: está aprobado o esperando aprobación."].Value,
        };
        return Redirect($"/team/plans/{id}");
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Access.MayDecide) return Forbid();
        if (Verdict is not ("Approved" or "Returned")) return Redirect($"/team/plans/{id}");
        var approve = Verdict == "Approved";
        var outcome = await workflow.DecideAsync(id, Version, approve, Comment, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        if (outcome is PlanOutcome.Invalid invalid)
        {
            foreach (var (field, problem) in invalid.Problems) ModelState.AddModelError(field, problem.In(L));
            return Refused();
        }
        if (outcome is PlanOutcome.Stale) return StaleAnswer();
        TempData["StatusMessage"] = outcome switch
        {
            PlanOutcome.Done { State: ActionPlanState.Approved } or PlanOutcome.AlreadyDone { State: ActionPlanState.Approved } =>
                L["Plan aprobado. Se lo hemos dicho a {0}.", Row.AuthorName].Value,
            PlanOutcome.Done or PlanOutcome.AlreadyDone => L["Plan devuelto a {0} con tu comentario.", Row.AuthorName].Value,
            _ => L["Este plan no está esperando una decisión."].Value,
        };
        return Redirect($"/team/plans/{id}");
    }

    IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Someone saved or decided since this form was loaded: nothing was written, and the form keeps what was typed.</summary>
    IActionResult StaleAnswer()
    {
        ModelState.AddModelError(string.Empty, L["Este plan ha cambiado desde que abriste la página (en otra pestaña o por otra persona) y no se ha guardado nada. Abajo tienes lo que escribiste: recarga la página para ver la versión actual y vuelve a aplicar tus cambios."]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Loads the plan if this person may see it; false (404) when it does not exist for them.</summary>
    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.ActionPlans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Plan = p, p.Author!.ManagerId, p.Finding!.Result!.Sample, Finding = p.Finding }).SingleOrDefaultAsync(ct);
        if (found is null) return false;
        Access = PlanRules.AccessOf(new PlanViewer(User.GetEmployeeId(), IsHr), new PlanAuthor(found.Plan.AuthorId, found.ManagerId));
        if (!Access.See) return false;
        Plan = found.Plan;
        Today = clock.Today;
        Row = await db.ActionPlans.AsNoTracking().Where(p => p.Id == id).Select(PlanQueries.RowOf).SingleAsync(ct);
        var wordings = await PlanQueries.StandardWordingsAsync(db, [Row], ct);
        Finding = PlanText.Finding(Row, wordings, L);
        StandardWording = wordings.GetValueOrDefault(Row.StandardKey) ?? Row.StandardKey;
        var next = await BeforeAfter.Later(db.AuditResults.AsNoTracking(), found.Finding!).FirstOrDefaultAsync(ct);
        Comparison = BeforeAfter.Of(found.Finding!, found.Sample, next);
        History = (await db.ActionPlanDecisions.AsNoTracking().Where(d => d.ActionPlanId == id).OrderByDescending(d => d.Id)
                .Select(d => new { d.Approved, d.Comment, d.DecidedAt, Name = db.Employees.Where(e => e.UserId == d.DecidedById).Select(e => e.FullName).FirstOrDefault() })
                .ToListAsync(ct))
            .Select(d => new Decision(d.Approved, d.Comment, d.DecidedAt, d.Name ?? L["Personas (RR. HH.)"])).ToList();
        return true;
    }

    public string Period(PeriodScore score) => PlanText.Period(score.PeriodStart, score.PeriodKind, L);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
