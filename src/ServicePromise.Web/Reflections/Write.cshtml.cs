using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reflections;

/// <summary>
/// The reflection on one pillar: the form under the lesson posts here to save a draft, autosave, send, or stop
/// sharing. What is saved goes back to the lesson; what is refused comes back on this page with the text as
/// typed and why, so nothing is lost. Only the signed-in person's own assignment is ever looked up, so no one can
/// reach another's reflection.
/// </summary>
public class WriteModel(AppDbContext db, PublishedEditions editions, ReflectionRecorder reflections, IOptions<ReflectionOptions> options, IStringLocalizer<SharedResource> L,
    Infrastructure.OrganisationClock clock) : PageModel
{
    const string LessonPage = "/Learning/Pillar";

    public MyAssignment Assignment { get; private set; } = null!;
    public MyPillar Pillar { get; private set; } = null!;
    public ReflectionForm Form { get; private set; } = null!;

    /// <summary>
    /// Bound without a prefix: the boxes are named Meaning, Customers and Action, as they were when the form posted to
    /// the pillar page, so a tab opened before and the copy a browser kept of unsaved text still fit.
    /// </summary>
    [BindProperty(Name = "")]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Meaning { get; set; }
        public string? Customers { get; set; }
        public string? Action { get; set; }
        /// <summary>The action's plan: by when it will first be done, as the date picker posts it (yyyy-MM-dd).</summary>
        public string? ActionDueOn { get; set; }
        /// <summary>The reflection revision the form was loaded with; a save naming an older one is a conflict.</summary>
        public int Revision { get; set; }
        public bool ShareConsent { get; set; }
        public bool ShareAnonymously { get; set; }

        public ReflectionText ToText() => new(Meaning ?? "", Customers ?? "", Action ?? "");

        /// <summary>A draft keeps any real date picked (its range is checked when it is sent); anything else is no date yet.</summary>
        public DateOnly? DraftDueOn() =>
            DateOnly.TryParseExact(ActionDueOn?.Trim(), DateFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

        public const string DateFormat = "yyyy-MM-dd";

        public static InputModel From(Reflection? saved) => new()
        {
            Meaning = saved?.Meaning,
            Customers = saved?.Customers,
            Action = saved?.Action,
            ActionDueOn = saved?.ActionDueOn?.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture),
            Revision = saved?.Revision ?? 0,
            ShareConsent = saved?.ShareConsent ?? false,
            ShareAnonymously = saved?.ShareAnonymously ?? false,
        };
    }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (NotYet(key) is { } back) return back;
        Form = await ReflectionForm.LoadAsync(db, options.Value, L, Assignment, Pillar, ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (NotYet(key) is { } back) return back;
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        var outcome = await reflections.SaveDraftAsync(pillar, Input.ToText(), Input.Revision, Input.DraftDueOn(), ct);
        if (outcome is ReflectionOutcome.Saved)
        {
            TempData["ReflectionSaved"] = L["Borrador guardado. Puedes seguir más tarde; para completar el pilar, envía la reflexión."].Value;
            return RedirectToPage(LessonPage, null, new { key }, "reflection");
        }
        return await ShowAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        // The lesson only offers the reflection once it is read and its check passed; a post that skips ahead (a
        // stale tab, a hand-made form) goes back to the step the person is on, saving nothing.
        if (NotYet(key) is { } back) return back;
        // A sharing choice that is not a yes or no (a hand-made post): shown again with the text, saying why; nothing sent.
        if (!ModelState.IsValid) return await ShowAsync(new ReflectionOutcome.Refused([]), ct);
        // The plan's date: missing, not a date, or outside 1–90 days is refused by name, and nothing is sent. A resend
        // of what was already sent (a double click) is let through to the recorder, which recognises it.
        var (dueOn, dateProblem) = CheckIns.CheckInSchedule.ParseDate(Input.ActionDueOn, clock.Today);
        if (dateProblem is not null && !await AlreadySentAsync(ct))
        {
            ModelState.AddModelError(nameof(InputModel.ActionDueOn), dateProblem.In(L));
            Input.ActionDueOn ??= "";
            return await ShowAsync(new ReflectionOutcome.Refused([]), ct);
        }
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        var outcome = await reflections.SubmitAsync(pillar, Input.ToText(), Input.Revision, new Sharing(Input.ShareConsent, Input.ShareAnonymously),
            await GuardrailsAsync(ct), dueOn, ct);
        if (outcome is not ReflectionOutcome.Sent sent) return await ShowAsync(outcome, ct);

        if (sent.Certificate is not null)
        {
            TempData["StatusMessage"] = L["¡Enhorabuena! Has completado todos los pilares y tu certificado está listo."].Value;
            return RedirectToPage("/Learning/Index");
        }
        if (sent.AwaitingReview)
        {
            TempData["StatusMessage"] = L["Reflexión enviada. Tu responsable la revisará; te avisaremos si te pide cambios."].Value;
            return RedirectToPage(LessonPage, null, new { key }, "reflection");
        }
        TempData["StatusMessage"] = L["Reflexión enviada."].Value;
        var next = Assignment.Pillars.FirstOrDefault(p => !p.Done && p.Key != key);
        return next is null ? RedirectToPage("/Learning/Index") : RedirectToPage(LessonPage, new { key = next.Key });
    }

    /// <summary>The script's save while typing: JSON, no redirect. 409 with the saved version when another tab or device got there first.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        if (!Pillar.ReadyToReflect) return StatusCode(StatusCodes.Status409Conflict);
        var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == Pillar.AssignmentPillarId, ct);
        return await reflections.SaveDraftAsync(pillar, Input.ToText(), Input.Revision, Input.DraftDueOn(), ct) switch
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
        return RedirectToPage(LessonPage, null, new { key }, "reflection");
    }

    /// <summary>A post with no known handler (a stale or hand-made form) goes back to the lesson.</summary>
    public IActionResult OnPost(string key) => RedirectToPage(LessonPage, new { key });

    /// <summary>Before the lesson is read and its check passed there is nothing to write yet: back to the step the person is on.</summary>
    IActionResult? NotYet(string key) =>
        Pillar.ReadAt is null ? RedirectToPage(LessonPage, new { key })
        : !Pillar.ReadyToReflect ? RedirectToPage(LessonPage, null, new { key }, "check")
        : null;

    /// <summary>The post names an older revision than the saved one: a resend of a form already sent, for the recorder to recognise.</summary>
    async Task<bool> AlreadySentAsync(CancellationToken ct) =>
        await db.Reflections.AsNoTracking().AnyAsync(r => r.AssignmentPillarId == Pillar.AssignmentPillarId && r.Revision != Input.Revision
            && (r.Status == ReflectionStatus.Submitted || r.Status == ReflectionStatus.Accepted), ct);

    /// <summary>Shows the form again with what was posted, and why it was not saved.</summary>
    async Task<IActionResult> ShowAsync(ReflectionOutcome outcome, CancellationToken ct)
    {
        if (outcome is ReflectionOutcome.Refused refused)
            foreach (var problem in refused.Problems)
                ModelState.AddModelError(problem.Part.ToString(), problem.Message.In(L));
        Form = await ReflectionForm.LoadAsync(db, options.Value, L, Assignment, Pillar, Input,
            outcome as ReflectionOutcome.Conflict, (outcome as ReflectionOutcome.Locked)?.Why.In(L), ct);
        Response.StatusCode = outcome is ReflectionOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task<GuardrailContext> GuardrailsAsync(CancellationToken ct)
    {
        var others = await db.Reflections.AsNoTracking()
            .Where(r => r.AssignmentPillar!.AssignmentId == Assignment.AssignmentId && r.AssignmentPillarId != Pillar.AssignmentPillarId)
            .Select(r => new { r.AssignmentPillarId, r.Meaning, r.Customers, r.Action }).ToListAsync(ct);
        var titles = Assignment.Pillars.ToDictionary(p => p.AssignmentPillarId, p => p.Text.Title);
        return new GuardrailContext(ReflectionPrompts.Of(Pillar.Text, L), Pillar.Text.Summary + "\n" + Pillar.Text.BodyMarkdown,
            others.Select(o => (titles.GetValueOrDefault(o.AssignmentPillarId) ?? "", new ReflectionText(o.Meaning, o.Customers, o.Action))).ToList());
    }

    /// <summary>
    /// A new edition moved the person on while the form was open, so what they just did was refused (see
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
        var moved = await MyAssignment.OfAsync(User, db, editions, ct);
        var same = moved?.PillarOf(key);
        var text = Input.ToText().Normalized();
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
        executed.Result = same is null ? RedirectToPage("/Learning/Index") : RedirectToPage(LessonPage, new { key });
    }

    async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        var assignment = await MyAssignment.OfAsync(User, db, editions, ct);
        if (assignment?.PillarOf(key) is not { } pillar) return false;
        Assignment = assignment;
        Pillar = pillar;
        return true;
    }
}
