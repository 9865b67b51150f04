using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Learning;

/// <summary>
/// One pillar: the lesson and its check, then — once passed — the reflection form (<see cref="ReflectionForm"/>),
/// which posts to the reflection page (<see cref="WriteModel"/>). Only the signed-in person's own assignment is
/// ever looked up, so no one can reach another's reflection.
/// </summary>
public class PillarModel(
    AppDbContext db, PublishedEditions editions, ProgressRecorder progress, IOptions<LearningOptions> options, IOptions<ReflectionOptions> reflectionOptions,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public MyAssignment Assignment { get; private set; } = null!;
    public MyPillar Pillar { get; private set; } = null!;
    public string LessonHtml { get; private set; } = "";
    public MyPillar? Previous => Assignment.Pillars.LastOrDefault(p => p.Order < Pillar.Order);
    public MyPillar? Following => Assignment.Pillars.FirstOrDefault(p => p.Order > Pillar.Order);

    /// <summary>The reflection form, once the lesson is read and its check passed.</summary>
    public ReflectionForm? Reflection { get; private set; }

    /// <summary>The check as this attempt shows it: no correct answers and no explanations, only what a reader may see.</summary>
    public sealed record ShownQuestion(int Index, string Text, bool Multiple, IReadOnlyList<(int Index, string Text)> Options);

    /// <summary>What a failed attempt tells the person: which questions were wrong, what they chose and why it is (not) right, and where to reread.</summary>
    public sealed record MarkedQuestion(string Text, bool Correct, IReadOnlyList<(string Answer, string Explanation)> Chosen, string? Section);

    public IReadOnlyList<ShownQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<MarkedQuestion> LastAttempt { get; private set; } = [];
    public int? LastScore { get; private set; }
    public IReadOnlyDictionary<int, IReadOnlyCollection<int>> Chosen { get; private set; } = new Dictionary<int, IReadOnlyCollection<int>>();
    public int PassMark => options.Value.CheckPassMark;

    /// <summary>How many questions the check has, and how many of them must be right to pass.</summary>
    public int QuestionCount => Pillar.Check?.Questions.Count ?? 0;
    public int RightToPass => CheckGrading.RightToPass(QuestionCount, PassMark);
    public int LastRight => LastAttempt.Count(q => q.Correct);

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (Pillar.ReadyToReflect) Reflection = await ReflectionForm.LoadAsync(db, reflectionOptions.Value, L, Assignment, Pillar, ct: ct);
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
            (answers.GetValueOrDefault(i) ?? []).Select(o => (q.Options[o].Text, q.Options[o].Explanation)).ToList(), q.Section)).ToList();
    }

    public async Task<IActionResult> OnPostReadAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        await progress.MarkReadAsync(pillar, ct);
        return Redirect($"/pillars/{key}#reflection");
    }

    /// <summary>
    /// A post with no known handler (a stale or hand-made form) goes back to the page — unless it is meant for the
    /// reflection, from a tab opened before the reflection had a page of its own: that one is passed on with its
    /// method and text (307), so nothing typed is lost.
    /// </summary>
    public IActionResult OnPost(string key)
    {
        var handler = Request.Query["handler"].ToString();
        return handler is "Draft" or "Submit" or "Autosave" or "WithdrawSharing"
            ? RedirectToPagePreserveMethod("/Reflections/Write", handler, new { key })
            : Redirect($"/pillars/{Uri.EscapeDataString(key)}");
    }

    /// <summary>
    /// A new edition moved the person on while this page was open, so what they just did was refused (see
    /// <see cref="ProgressRecorder"/>). They land on the same pillar of their new assignment, told why (the reflection
    /// page does the same, keeping the text being written).
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not AssignmentMovedException) return;
        executed.ExceptionHandled = true;
        var key = context.RouteData.Values["key"] as string ?? "";
        var ct = HttpContext.RequestAborted;
        db.ChangeTracker.Clear();
        var moved = await MyAssignment.OfAsync(User, db, editions, ct);
        var same = moved?.PillarOf(key);
        TempData["StatusMessage"] = L["La promesa se ha actualizado a la edición {0} mientras trabajabas. Lo que ya tenías hecho se conserva; revisa este pilar y continúa.", moved?.EditionNumber ?? 0].Value;
        executed.Result = Redirect(same is null ? "/" : $"/pillars/{Uri.EscapeDataString(key)}");
    }

    async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        var assignment = await MyAssignment.OfAsync(User, db, editions, ct);
        if (assignment?.PillarOf(key) is not { } pillar) return false;
        Assignment = assignment;
        Pillar = pillar;
        LessonHtml = pillar.LessonHtml;
        return true;
    }
}
