using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Learning;

/// <summary>
/// One pillar: the lesson, then — once read — the reflection on how it applies to the person's own job.
/// Only the signed-in person's own assignment is ever looked up, so no one can reach another's reflection.
/// </summary>
public class PillarModel(
    AppDbContext db, PublishedEditions editions, ProgressRecorder progress, ReflectionRecorder reflections, IOptions<LearningOptions> options,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public MyAssignment Assignment { get; private set; } = null!;
    public MyPillar Pillar { get; private set; } = null!;
    public string LessonHtml { get; private set; } = "";
    public MyPillar? Previous => Assignment.Pillars.LastOrDefault(p => p.Order < Pillar.Order);
    public MyPillar? Following => Assignment.Pillars.FirstOrDefault(p => p.Order > Pillar.Order);

    /// <summary>The saved reflection (null before the first save).</summary>
    public Reflection? Saved { get; private set; }
    public IReadOnlyList<ReflectionVersion> Versions { get; private set; } = [];
    public IReadOnlyList<(ReflectionReview Review, string Reviewer)> Thread { get; private set; } = [];
    /// <summary>Set when this page's save was overtaken by another tab or device: both versions are shown.</summary>
    public ReflectionOutcome.Conflict? Conflict { get; private set; }
    public string? LockedMessage { get; private set; }
    public IReadOnlyDictionary<ReflectionPart, string> Prompts { get; private set; } = new Dictionary<ReflectionPart, string>();
    public PartBounds BoundsOf(ReflectionPart part) => options.Value.BoundsOf(part);
    public bool ReviewRequired => options.Value.ReviewRequired;
    /// <summary>The parts can be edited now: not complete, not waiting for review, not approved under review.</summary>
    public bool Editable => !Assignment.IsComplete && Saved?.Status is null or ReflectionStatus.Draft or ReflectionStatus.Returned
        || (!Assignment.IsComplete && !ReviewRequired && Saved?.Status == ReflectionStatus.Accepted);

    [BindProperty] public string? Meaning { get; set; }
    [BindProperty] public string? Customers { get; set; }
    [BindProperty(Name = "Action")] public string? ActionText { get; set; }
    /// <summary>The reflection revision this page was loaded with; a save naming an older one is a conflict.</summary>
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public bool ShareConsent { get; set; }
    [BindProperty] public bool ShareAnonymously { get; set; }

    public ReflectionText Posted => new(Meaning ?? "", Customers ?? "", ActionText ?? "");

    /// <summary>The check as this attempt shows it: no correct answers and no explanations, only what a reader may see.</summary>
    public sealed record ShownQuestion(int Index, string Text, bool Multiple, IReadOnlyList<(int Index, string Text)> Options);

    /// <summary>What a failed attempt tells the person: which questions were wrong, why, and where to reread.</summary>
    public sealed record MarkedQuestion(string Text, bool Correct, IReadOnlyList<string> Explanations, string? Section);

    public IReadOnlyList<ShownQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<MarkedQuestion> LastAttempt { get; private set; } = [];
    public int? LastScore { get; private set; }
    public IReadOnlyDictionary<int, IReadOnlyCollection<int>> Chosen { get; private set; } = new Dictionary<int, IReadOnlyCollection<int>>();
    public int PassMark => options.Value.CheckPassMark;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        await LoadReflectionAsync(fill: true, ct);
        await LoadCheckAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (Pillar.Check is not { } check || Pillar.ReadAt is null || Pillar.CheckPassedAt is not null) return Redirect($"/pillars/{key}");
        var attempt = await OpenAttemptAsync(ct);
        // Already marked (a second click, a resent form): show the result of the first.
        if (attempt is null) return Redirect($"/pillars/{key}#check");

        var answers = new Dictionary<int, IReadOnlyCollection<int>>();
        for (var q = 0; q < check.Questions.Count; q++)
        {
            var chosen = Request.Form[$"q{q}"].Select(v => int.TryParse(v, out var o) ? o : -1)
                .Where(o => o >= 0 && o < check.Questions[q].Options.Count).Distinct().ToList();
            if (chosen.Count > 0) answers[q] = chosen;
        }
        if (answers.Count < check.Questions.Count)
        {
            ModelState.AddModelError("check", L["Responde a todas las preguntas antes de comprobar."]);
            Chosen = answers;
            ShowAttempt(check, attempt);
            return Page();
        }

        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        var result = await progress.SubmitCheckAsync(pillar, attempt.Id, check, answers, PassMark, ct);
        if (result?.Passed == true)
        {
            TempData["ReflectionSaved"] = L["¡Comprobación superada! Ahora escribe cómo aplica este pilar en tu puesto."].Value;
            return Redirect($"/pillars/{key}#reflection");
        }
        return Redirect($"/pillars/{key}#check");
    }

    public async Task<IActionResult> OnPostRetryAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (Pillar.Check is { } check && Pillar.ReadAt is not null && Pillar.CheckPassedAt is null && await OpenAttemptAsync(ct) is null)
        {
            var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
            await StartAttemptAsync(pillar, check, ct);
        }
        return Redirect($"/pillars/{key}#check");
    }

    async Task LoadCheckAsync(CancellationToken ct)
    {
        if (Pillar.Check is not { } check || Pillar.ReadAt is null || Pillar.CheckPassedAt is not null) return;
        var latest = await db.CheckAttempts.AsNoTracking().Where(a => a.AssignmentPillarId == Pillar.AssignmentPillarId)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
            latest = await StartAttemptAsync(pillar, check, ct);
        }
        if (latest.SubmittedAt is null) ShowAttempt(check, latest);
        else ShowResult(check, latest);
    }

    Task<CheckAttempt> StartAttemptAsync(AssignmentPillar pillar, KnowledgeCheck check, CancellationToken ct) =>
        progress.StartCheckAttemptAsync(pillar, check, ct);

    async Task<CheckAttempt?> OpenAttemptAsync(CancellationToken ct) =>
        await db.CheckAttempts.AsNoTracking().Where(a => a.AssignmentPillarId == Pillar.AssignmentPillarId && a.SubmittedAt == null)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);

    void ShowAttempt(KnowledgeCheck check, CheckAttempt attempt)
    {
        var order = CheckGrading.FromJson<List<PresentedQuestion>>(attempt.Presentation) ?? [];
        Questions = order.Select(p => new ShownQuestion(p.Question, check.Questions[p.Question].Text, check.Questions[p.Question].IsMultipleChoice,
            p.Options.Select(o => (o, check.Questions[p.Question].Options[o].Text)).ToList())).ToList();
    }

    void ShowResult(KnowledgeCheck check, CheckAttempt attempt)
    {
        var answers = CheckGrading.FromJson<Dictionary<int, int[]>>(attempt.Answers) ?? [];
        var result = CheckGrading.Grade(check, answers.ToDictionary(a => a.Key, a => (IReadOnlyCollection<int>)a.Value), PassMark);
        LastScore = attempt.Score;
        LastAttempt = check.Questions.Select((q, i) => new MarkedQuestion(q.Text, result.Correct[i],
            (answers.GetValueOrDefault(i) ?? []).Select(o => q.Options[o].Explanation).ToList(), q.Section)).ToList();
    }

    public async Task<IActionResult> OnPostReadAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        await progress.MarkReadAsync(pillar, ct);
        return Redirect($"/pillars/{key}#reflection");
    }

    /// <summary>A post with no known handler (a stale or hand-made form) goes back to the page.</summary>
    public IActionResult OnPost(string key) => Redirect($"/pillars/{Uri.EscapeDataString(key)}");

    public async Task<IActionResult> OnPostDraftAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (!Pillar.ReadyToReflect) return Redirect($"/pillars/{key}");
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        var outcome = await reflections.SaveDraftAsync(pillar, Posted, Revision, ct);
        if (outcome is ReflectionOutcome.Saved)
        {
            TempData["ReflectionSaved"] = L["Borrador guardado. Puedes seguir más tarde; para completar el pilar, envía la reflexión."].Value;
            return Redirect($"/pillars/{key}#reflection");
        }
        return await ShowAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        // The page only offers the reflection once the lesson is read and its check passed; a post that skips
        // ahead (a stale tab, a hand-made form) goes back to the step the person is on, saving nothing.
        if (Pillar.ReadAt is null) return Redirect($"/pillars/{key}");
        if (!Pillar.ReadyToReflect) return Redirect($"/pillars/{key}#check");
        // A sharing choice that is not a yes or no (a hand-made post): shown again with the text, saying why; nothing sent.
        if (!ModelState.IsValid) return await ShowAsync(new ReflectionOutcome.Refused([]), ct);
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        var outcome = await reflections.SubmitAsync(pillar, Posted, Revision, new Sharing(ShareConsent, ShareAnonymously), await GuardrailsAsync(ct), ct);
        if (outcome is not ReflectionOutcome.Sent sent) return await ShowAsync(outcome, ct);

        if (sent.Certificate is not null)
        {
            TempData["StatusMessage"] = L["¡Enhorabuena! Has completado todos los pilares y tu certificado está listo."].Value;
            return Redirect("/");
        }
        if (sent.AwaitingReview)
        {
            TempData["StatusMessage"] = L["Reflexión enviada. Tu responsable la revisará; te avisaremos si te pide cambios."].Value;
            return Redirect($"/pillars/{key}#reflection");
        }
        TempData["StatusMessage"] = L["Reflexión enviada."].Value;
        var next = Assignment.Pillars.FirstOrDefault(p => !p.Done && p.Key != key);
        return Redirect(next is null ? "/" : $"/pillars/{next.Key}");
    }

    /// <summary>The script's save while typing: JSON, no redirect. 409 with the saved version when another tab or device got there first.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (!Pillar.ReadyToReflect) return StatusCode(StatusCodes.Status409Conflict);
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        return await reflections.SaveDraftAsync(pillar, Posted, Revision, ct) switch
        {
            ReflectionOutcome.Saved saved => new JsonResult(new { revision = saved.Revision, savedAt = saved.SavedAt.Ticks }),
            ReflectionOutcome.Conflict conflict => new JsonResult(new { conflict = true, revision = conflict.Revision }) { StatusCode = StatusCodes.Status409Conflict },
            ReflectionOutcome.Refused refused => new JsonResult(new { errors = refused.Problems.Select(p => new { part = p.Part.ToString(), message = p.Message.In(L) }) }) { StatusCode = StatusCodes.Status422UnprocessableEntity },
            ReflectionOutcome.Locked locked => new JsonResult(new { locked = locked.Why.In(L) }) { StatusCode = StatusCodes.Status423Locked },
            _ => StatusCode(StatusCodes.Status500InternalServerError),
        };
    }

    /// <summary>Stops showing this reflection to colleagues, at once.</summary>
    public async Task<IActionResult> OnPostWithdrawSharingAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (await db.Reflections.AsNoTracking().Where(r => r.AssignmentPillarId == Pillar.AssignmentPillarId).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct) is int id)
            await reflections.WithdrawSharingAsync(id, ct);
        TempData["ReflectionSaved"] = L["Tu reflexión ya no se muestra como ejemplo."].Value;
        return Redirect($"/pillars/{key}#reflection");
    }

    /// <summary>Shows the page again with what was posted, and why it was not saved.</summary>
    async Task<IActionResult> ShowAsync(ReflectionOutcome outcome, CancellationToken ct)
    {
        await LoadReflectionAsync(fill: false, ct);
        switch (outcome)
        {
            case ReflectionOutcome.Conflict conflict:
                Conflict = conflict;
                break;
            case ReflectionOutcome.Refused refused:
                foreach (var problem in refused.Problems)
                    ModelState.AddModelError(problem.Part == ReflectionPart.Action ? "Action" : problem.Part.ToString(), problem.Message.In(L));
                break;
            case ReflectionOutcome.Locked locked:
                LockedMessage = locked.Why.In(L);
                break;
        }
        Response.StatusCode = outcome is ReflectionOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task<GuardrailContext> GuardrailsAsync(CancellationToken ct)
    {
        var others = await db.Reflections.AsNoTracking()
            .Where(r => r.AssignmentPillar!.AssignmentId == Assignment.AssignmentId && r.AssignmentPillarId != Pillar.AssignmentPillarId)
            .Select(r => new { r.AssignmentPillarId, r.Meaning, r.Customers, r.Action }).ToListAsync(ct);
        var titles = Assignment.Pillars.ToDictionary(p => p.AssignmentPillarId, p => p.Text.Title);
        return new GuardrailContext(Prompts, Pillar.Text.Summary + "\n" + Pillar.Text.BodyMarkdown,
            others.Select(o => (titles.GetValueOrDefault(o.AssignmentPillarId) ?? "", new ReflectionText(o.Meaning, o.Customers, o.Action))).ToList());
    }

    /// <summary>
    /// A new edition moved the person on while this page was open, so what they just did was refused (see
    /// <see cref="ProgressRecorder"/>). They land on the same pillar of their new assignment, told why; the
    /// reflection they were writing is kept there as a draft.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not AssignmentMovedException) return;
        executed.ExceptionHandled = true;
        var key = context.RouteData.Values["key"] as string ?? "";
        var ct = HttpContext.RequestAborted;
        db.ChangeTracker.Clear();
        var moved = User.GetEmployeeId() is int employeeId ? await MyAssignment.LoadAsync(db, employeeId, ct) : null;
        var same = moved?.Pillars.FirstOrDefault(p => p.Key == key);
        var text = Posted.Normalized();
        var kept = false;
        if (same is { Done: false } && !text.IsEmpty
            && await db.Reflections.AsNoTracking().Where(r => r.AssignmentPillarId == same.AssignmentPillarId).Select(r => (int?)r.Revision).SingleOrDefaultAsync(ct) is var revision
            && await db.Reflections.AsNoTracking().AnyAsync(r => r.AssignmentPillarId == same.AssignmentPillarId && r.SubmittedAt != null, ct) == false)
        {
            var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == same.AssignmentPillarId, ct);
            kept = await reflections.SaveDraftAsync(pillar, text, revision ?? 0, ct) is ReflectionOutcome.Saved;
        }
        TempData["StatusMessage"] = kept
            ? L["La promesa se ha actualizado a la edición {0} mientras trabajabas. Lo que ya tenías hecho se conserva y tu texto está guardado como borrador: revísalo y envíalo de nuevo.", moved!.EditionNumber].Value
            : L["La promesa se ha actualizado a la edición {0} mientras trabajabas. Lo que ya tenías hecho se conserva; revisa este pilar y continúa.", moved?.EditionNumber ?? 0].Value;
        executed.Result = Redirect(same is null ? "/" : $"/pillars/{Uri.EscapeDataString(key)}");
    }

    async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int employeeId) return false;
        var assignment = await MyAssignment.LoadAsync(db, editions, employeeId, ct);
        var pillar = assignment?.Pillars.FirstOrDefault(p => p.Key == key);
        if (assignment is null || pillar is null) return false;
        Assignment = assignment;
        Pillar = pillar;
        LessonHtml = pillar.LessonHtml;
        Prompts = ReflectionPrompts.Of(pillar.Text, L);
        return true;
    }

    async Task LoadReflectionAsync(bool fill, CancellationToken ct)
    {
        Saved = await db.Reflections.AsNoTracking().SingleOrDefaultAsync(r => r.AssignmentPillarId == Pillar.AssignmentPillarId, ct);
        if (Saved is not null)
        {
            (Versions, Thread) = await ReflectionHistory.LoadAsync(db, Saved.Id, ct);
        }
        if (!fill) return;
        Meaning = Saved?.Meaning;
        Customers = Saved?.Customers;
        ActionText = Saved?.Action;
        Revision = Saved?.Revision ?? 0;
        ShareConsent = Saved?.ShareConsent ?? false;
        ShareAnonymously = Saved?.ShareAnonymously ?? false;
    }
}
