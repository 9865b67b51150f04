using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Findings;

/// <summary>
/// One finding and, while it is proposed, HR's proposal: the targeted refresher (job titles, days), who owns the plan,
/// which customer comments to share — with the preview of exactly who would get the refresher — then confirm or dismiss.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class FindingModel(AppDbContext db, FindingQueries queries, FindingDecisions decisions, IOptions<MeasurementOptions> options, IStringLocalizer<SharedResource> L) : PageModel
{
    public FindingSummary Summary { get; private set; } = null!;
    public Finding Finding { get; private set; } = null!;
    public string? ClosedBy { get; private set; }
    public IReadOnlyList<string> JobTitles { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name, int People)> Managers { get; private set; } = [];
    public IReadOnlyList<AuditResult> Comments { get; private set; } = [];
    public Paged<AudiencePerson> Preview { get; private set; } = null!;
    public Pager PreviewPager { get; private set; } = null!;
    public int Busy { get; private set; }
    public string Fingerprint { get; private set; } = "";

    /// <summary>The proposal as the preview shows it (query string), and as the confirmation posts it back.</summary>
    [BindProperty(SupportsGet = true, Name = "jobs")] public List<string> Jobs { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "days")] public int? Days { get; set; }
    [BindProperty(SupportsGet = true, Name = "manager")] public int? Manager { get; set; }
    [BindProperty(SupportsGet = true, Name = "pp")] public int PreviewPage { get; set; } = 1;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string Fingerprint { get; set; } = "";
        public bool Reviewed { get; set; }
        public List<CommentInput> Comments { get; set; } = [];
        public string? DismissReason { get; set; }
    }

    public sealed class CommentInput
    {
        public int ResultId { get; set; }
        public bool Share { get; set; }
        public string? Text { get; set; }
    }

    public int DueDays => Days ?? options.Value.RefresherDueDays;
    public int? ChosenManager => Managers.Any(m => m.Id == Manager) ? Manager : Managers.Count > 0 ? Managers[0].Id : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Days is < 1 or > 365) ModelState.AddModelError("days", L["El plazo debe estar entre 1 y 365 días."]);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Finding.State != FindingState.Proposed) return Decided(id);
        if (Days is not (>= 1 and <= 365)) ModelState.AddModelError("days", L["El plazo debe estar entre 1 y 365 días."]);
        if (ChosenManager is null || Manager != ChosenManager) ModelState.AddModelError("manager", L["Elige quién escribe el plan de acción entre los responsables del centro."]);
        if (!Input.Reviewed) ModelState.AddModelError("Input.Reviewed", L["Marca que has revisado la lista de personas antes de confirmar."]);
        foreach (var (c, i) in Input.Comments.Select((c, i) => (c, i)))
        {
            if (c.Share && string.IsNullOrWhiteSpace(c.Text)) ModelState.AddModelError($"Input.Comments[{i}].Text", L["Escribe el texto que se compartirá o desmarca el comentario."]);
            if (c.Text?.Length > 2000) ModelState.AddModelError($"Input.Comments[{i}].Text", L["El comentario no puede superar {0} caracteres.", 2000]);
        }
        if (!ModelState.IsValid) return Page();

        var confirmation = new Confirmation(Jobs, Days!.Value, Manager!.Value, Input.Fingerprint,
            Input.Comments.Select(c => new CommentChoice(c.ResultId, c.Share, c.Text)).ToList());
        var (outcome, assigned) = await decisions.ConfirmAsync(id, confirmation, UserId, ct);
        switch (outcome)
        {
            case DecisionOutcome.Done:
                TempData["StatusMessage"] = L["Hallazgo confirmado: {0} personas tienen el repaso y el plan de acción está abierto para su responsable.", assigned].Value;
                return RedirectToPage(new { id });
            case DecisionOutcome.AlreadyDecided:
                return Decided(id);
            case DecisionOutcome.AudienceChanged:
                ModelState.AddModelError(string.Empty, L["La lista de personas ha cambiado desde la vista previa. Revísala y confirma de nuevo."]);
                break;
            case DecisionOutcome.UnknownManager:
                ModelState.AddModelError("manager", L["Elige quién escribe el plan de acción entre los responsables del centro."]);
                break;
            default:
                ModelState.AddModelError(string.Empty, L["La edición actual ya no tiene este pilar; no se puede enviar el repaso."]);
                break;
        }
        // Nothing was written: show the list as it is now, so HR confirms what they see.
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Finding.State != FindingState.Proposed) return Decided(id);
        var reason = Input.DismissReason?.Trim() ?? "";
        if (reason.Length == 0) ModelState.AddModelError("Input.DismissReason", L["Escribe por qué se descarta el hallazgo."]);
        else if (reason.Length > 1000) ModelState.AddModelError("Input.DismissReason", L["El motivo no puede superar {0} caracteres.", 1000]);
        if (!ModelState.IsValid) return Page();
        if (await decisions.DismissAsync(id, reason, UserId, ct) == DecisionOutcome.AlreadyDecided) return Decided(id);
        TempData["StatusMessage"] = L["Hallazgo descartado."].Value;
        return RedirectToPage(new { id });
    }

    string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    IActionResult Decided(int id)
    {
        TempData["StatusMessage"] = L["Este hallazgo ya estaba decidido; no se ha cambiado nada."].Value;
        return RedirectToPage(new { id });
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Findings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) is not { } finding) return false;
        Finding = finding;
        Summary = (await queries.ById(id, ct))!;
        if (finding.ClosedByResultId is int closer)
            ClosedBy = await db.AuditResults.AsNoTracking().Where(r => r.Id == closer)
                .Select(r => FindingText.Period(r.PeriodStart, r.PeriodKind, L) + " · " + FindingText.Score(r.ScoreHundredths / 100m)).FirstOrDefaultAsync(ct);
        if (finding.State != FindingState.Proposed) return true;

        JobTitles = await queries.JobTitlesAt(finding, ct);
        // A title not at this place (a stale or forged link) narrows nothing.
        // The preview's pager carries them as one value, a title per line.
        Jobs = Jobs.SelectMany(j => j.Split('\n')).Where(JobTitles.Contains).Distinct().Order().ToList();
        Managers = await queries.ManagersOf(finding, ct);
        Comments = await queries.CommentsOf(finding, ct);
        var audience = queries.Audience(finding, Jobs);
        Fingerprint = FindingQueries.Fingerprint(await audience.Select(e => e.Id).ToListAsync(ct));
        Preview = await audience.OrderBy(e => e.SearchName).ThenBy(e => e.Id).Select(e => new AudiencePerson(e.Id, e.FullName, e.JobTitle)).PageAsync(PreviewPage, ct);
        PreviewPager = new Pager(Preview.Number, Preview.Count, "pp",
            new Dictionary<string, string?> { ["jobs"] = string.Join('\n', Jobs), ["days"] = Days?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["manager"] = Manager?.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "preview");
        Busy = await queries.BusyCount(finding, Jobs, ct);
        return true;
    }
}
