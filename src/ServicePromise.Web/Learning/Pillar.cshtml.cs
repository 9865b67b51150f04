using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Learning;

/// <summary>
/// One pillar: the lesson, then — once read — the reflection on how it applies to the person's own job.
/// Only the signed-in person's own assignment is ever looked up, so no one can reach another's reflection.
/// </summary>
public class PillarModel(
    AppDbContext db, MarkdownRenderer markdown, ProgressRecorder progress, IOptions<LearningOptions> options,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public MyAssignment Assignment { get; private set; } = null!;
    public MyPillar Pillar { get; private set; } = null!;
    public string LessonHtml { get; private set; } = "";
    public bool Submitted { get; private set; }
    public DateTime? SavedAt { get; private set; }
    public int MinLength => options.Value.ReflectionMinLength;
    public int MaxLength => options.Value.ReflectionMaxLength;
    public MyPillar? Previous => Assignment.Pillars.LastOrDefault(p => p.Order < Pillar.Order);
    public MyPillar? Following => Assignment.Pillars.FirstOrDefault(p => p.Order > Pillar.Order);

    [BindProperty]
    public string? Text { get; set; }

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
        var reflection = await ReflectionAsync(ct);
        Text = reflection?.Text;
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

    public Task<IActionResult> OnPostDraftAsync(string key, CancellationToken ct) => SaveAsync(key, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(string key, CancellationToken ct) => SaveAsync(key, submit: true, ct);

    async Task<IActionResult> SaveAsync(string key, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        var reflection = await ReflectionAsync(ct);
        Submitted = reflection?.SubmittedAt is not null;
        SavedAt = reflection?.UpdatedAt;
        // Browsers post line breaks as CRLF but count them as one character; count them as the reader sees them.
        var text = (Text ?? "").Replace("\r\n", "\n").Trim();
        Text = text;

        // The page only offers the reflection once the lesson is read and its check passed; a post that skips
        // ahead (a stale tab, a hand-made form) goes back to the step the person is on, saving nothing.
        if (Pillar.ReadAt is null) return Redirect($"/pillars/{key}");
        if (!Pillar.ReadyToReflect) return Redirect($"/pillars/{key}#check");
        if (Assignment.IsComplete)
            ModelState.AddModelError(nameof(Text), L["Esta formación ya está completada; tu reflexión no se puede cambiar."]);
        else if (!submit && Submitted)
            ModelState.AddModelError(nameof(Text), L["Ya has enviado esta reflexión. Para cambiarla, edítala y pulsa «Actualizar reflexión»."]);
        else if (text.Length == 0)
            ModelState.AddModelError(nameof(Text), L["Escribe tu reflexión antes de guardarla."]);
        else if (text.Length > MaxLength)
            ModelState.AddModelError(nameof(Text), L["Tu reflexión tiene {0} caracteres; el máximo es {1}. Acórtala un poco.", text.Length, MaxLength]);
        else if (submit && text.Length < MinLength)
            ModelState.AddModelError(nameof(Text), L["Tu reflexión tiene {0} caracteres; escribe al menos {1} para poder enviarla. Puedes guardarla como borrador mientras tanto.", text.Length, MinLength]);
        // The text stays in the form on any error: nothing typed is lost.
        if (!ModelState.IsValid) return Page();

        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        Certificates.Certificate? issued;
        try
        {
            issued = await progress.SaveReflectionAsync(pillar, text, submit, ct);
        }
        catch (DbUpdateException)
        {
            // A second, simultaneous submit of the same form lost the race; the first one was saved.
            return Redirect($"/pillars/{key}");
        }

        if (issued is not null)
        {
            TempData["StatusMessage"] = L["¡Enhorabuena! Has completado todos los pilares y tu certificado está listo."].Value;
            return Redirect("/");
        }
        if (!submit)
        {
            TempData["ReflectionSaved"] = L["Borrador guardado. Puedes seguir más tarde; para completar el pilar, envía la reflexión."].Value;
            return Redirect($"/pillars/{key}#reflection");
        }
        TempData["StatusMessage"] = L["Reflexión enviada."].Value;
        var next = Assignment.Pillars.FirstOrDefault(p => !p.Done && p.Key != key);
        return Redirect(next is null ? "/" : $"/pillars/{next.Key}");
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
        var text = (Text ?? "").Replace("\r\n", "\n").Trim();
        var kept = false;
        if (same is { Done: false } && text.Length > 0 && text.Length <= MaxLength
            && await db.Reflections.AsNoTracking().AnyAsync(r => r.AssignmentPillarId == same.AssignmentPillarId && r.SubmittedAt != null, ct) == false)
        {
            var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == same.AssignmentPillarId, ct);
            await progress.SaveReflectionAsync(pillar, text, submit: false, ct);
            kept = true;
        }
        TempData["StatusMessage"] = kept
            ? L["La promesa se ha actualizado a la edición {0} mientras trabajabas. Lo que ya tenías hecho se conserva y tu texto está guardado como borrador: revísalo y envíalo de nuevo.", moved!.EditionNumber].Value
            : L["La promesa se ha actualizado a la edición {0} mientras trabajabas. Lo que ya tenías hecho se conserva; revisa este pilar y continúa.", moved?.EditionNumber ?? 0].Value;
        executed.Result = Redirect(same is null ? "/" : $"/pillars/{Uri.EscapeDataString(key)}");
    }

    async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int employeeId) return false;
        var assignment = await MyAssignment.LoadAsync(db, employeeId, ct);
        var pillar = assignment?.Pillars.FirstOrDefault(p => p.Key == key);
        if (assignment is null || pillar is null) return false;
        Assignment = assignment;
        Pillar = pillar;
        LessonHtml = markdown.ToHtml(pillar.Text.BodyMarkdown);
        return true;
    }

    async Task<Reflections.Reflection?> ReflectionAsync(CancellationToken ct)
    {
        var reflection = await db.Reflections.AsNoTracking().SingleOrDefaultAsync(r => r.AssignmentPillarId == Pillar.AssignmentPillarId, ct);
        Submitted = reflection?.SubmittedAt is not null;
        SavedAt = reflection?.UpdatedAt;
        return reflection;
    }
}
