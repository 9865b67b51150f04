using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Coaching;

/// <summary>
/// One sent reflection for its reviewer: the latest version, the earlier ones, the thread, a similarity flag with the
/// similar text, and the decision form. HR may read any (and decides for people without a manager); anyone else —
/// another team's manager included — finds no such page. Drafts are the author's own and are never shown here.
/// </summary>
[Authorize(Roles = Roles.ManagerOrHr)]
public class ReviewModel(AppDbContext db, ReviewRecorder recorder, Featuring featuring, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record Author(int Id, string FullName, string EmployeeNumber, string JobTitle, string? Manager);
    public sealed record Similar(ReflectionText? Text, string? AuthorName, double Similarity);

    public Reflection Reflection { get; private set; } = null!;
    public Author Person { get; private set; } = null!;
    public ReviewAccess Access { get; private set; }
    public string PillarTitle { get; private set; } = "";
    public IReadOnlyDictionary<ReflectionPart, string> Prompts { get; private set; } = new Dictionary<ReflectionPart, string>();
    /// <summary>Every sent version, newest first; the first is the one under review.</summary>
    public IReadOnlyList<ReflectionVersion> Versions { get; private set; } = [];
    public IReadOnlyList<(ReflectionReview Review, string Reviewer)> Thread { get; private set; } = [];
    public Similar? SimilarTo { get; private set; }
    /// <summary>A new edition replaced the assignment it belongs to: it is a record now, nothing to decide.</summary>
    public bool Superseded { get; private set; }
    public bool IsHr => User.IsInRole(Roles.HR) || User.IsInRole(Roles.Admin);
    public ReflectionVersion? Latest => Versions.Count > 0 ? Versions[0] : null;
    public bool CanDecide => Access == ReviewAccess.Decide && Reflection.Status == ReflectionStatus.Submitted && !Superseded && Latest is not null;
    /// <summary>Where this reviewer's list of reflections is.</summary>
    public string BackLink => Access == ReviewAccess.Decide && !ReviewRules.ReviewedByHr(AuthorRule) ? "/team" : "/hr/reviews";
    ReviewAuthor AuthorRule { get; set; } = null!;

    /// <summary>The version the form was loaded with: a decision is about what the reviewer read.</summary>
    [BindProperty] public int Version { get; set; }
    [BindProperty] public ReviewDecision? Decision { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public bool? SpecificToRole { get; set; }
    [BindProperty] public bool? NamesCustomer { get; set; }
    [BindProperty] public bool? ConcreteAction { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Access != ReviewAccess.Decide) return Forbid();
        // A rubric answer that is not yes, no or blank (a hand-made post): said beside it, nothing recorded.
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (Decision is not { } decision) return Redirect($"/reviews/{id}");
        ReviewOutcome outcome;
        try
        {
            outcome = await recorder.DecideAsync(id, Version, User.GetEmployeeId()!.Value,
                new ReviewInput(decision, Comment, SpecificToRole, NamesCustomer, ConcreteAction), ct);
        }
        catch (AssignmentMovedException)
        {
            outcome = new ReviewOutcome.NotWaiting();
            Superseded = true;
        }
        switch (outcome)
        {
            case ReviewOutcome.Refused refused:
                ModelState.AddModelError(nameof(Comment), refused.Problem.In(L));
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            case ReviewOutcome.Approved approved:
                TempData["StatusMessage"] = approved.Certificate is null
                    ? L["Reflexión aprobada: el pilar cuenta como hecho para {0}.", Person.FullName].Value
                    : L["Reflexión aprobada. Era su último pilar: {0} ha completado la promesa y tiene su certificado.", Person.FullName].Value;
                break;
            case ReviewOutcome.Returned returned:
                TempData["StatusMessage"] = returned.Emailed
                    ? L["Reflexión devuelta a {0}; le hemos enviado tu comentario por correo.", Person.FullName].Value
                    : L["Reflexión devuelta a {0}. No hemos podido enviarle el correo; verá tu comentario al abrir el pilar.", Person.FullName].Value;
                break;
            case ReviewOutcome.AlreadyDecided already:
                TempData["StatusMessage"] = (already.Decision == ReviewDecision.Approved
                    ? L["Esta versión ya estaba aprobada por {0}; no se ha registrado nada más.", already.Reviewer]
                    : L["Esta versión ya estaba devuelta por {0}; no se ha registrado nada más.", already.Reviewer]).Value;
                break;
            default:
                TempData["StatusMessage"] = Superseded
                    ? L["Una edición nueva de la promesa ha sustituido la formación de esta reflexión; ya no hay nada que decidir."].Value
                    : L["Esta reflexión ya no está esperando una decisión sobre la versión que tenías abierta. Revisa su estado actual."].Value;
                break;
        }
        return Redirect($"/reviews/{id}");
    }

    public async Task<IActionResult> OnPostFeatureAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        TempData["StatusMessage"] = await featuring.FeatureAsync(id, User.GetEmployeeId()!.Value, ct) switch
        {
            FeatureOutcome.Featured => L["Reflexión destacada como ejemplo."].Value,
            FeatureOutcome.AlreadyFeatured => L["Esta reflexión ya estaba destacada como ejemplo."].Value,
            _ => L["No se puede destacar: solo se destacan reflexiones aceptadas cuya autora o autor ha aceptado compartirlas."].Value,
        };
        return Redirect($"/reviews/{id}#sharing");
    }

    public async Task<IActionResult> OnPostUnfeatureAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await featuring.UnfeatureAsync(id, ct);
        TempData["StatusMessage"] = L["La reflexión ya no se muestra como ejemplo."].Value;
        return Redirect($"/reviews/{id}#sharing");
    }

    /// <summary>Loads the reflection if this person may see it; false (404) when it does not exist for them.</summary>
    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.Reflections.AsNoTracking().Where(r => r.Id == id && r.SubmittedAt != null).Select(r => new
        {
            Reflection = r,
            Author = new Author(r.AssignmentPillar!.Assignment!.EmployeeId, r.AssignmentPillar.Assignment.Employee!.FullName,
                r.AssignmentPillar.Assignment.Employee.EmployeeNumber, r.AssignmentPillar.Assignment.Employee.JobTitle,
                r.AssignmentPillar.Assignment.Employee.Manager != null ? r.AssignmentPillar.Assignment.Employee.Manager.FullName : null),
            r.AssignmentPillar.Assignment.Employee.ManagerId,
            ManagerActive = r.AssignmentPillar.Assignment.Employee.Manager != null && r.AssignmentPillar.Assignment.Employee.Manager.IsActive,
            Superseded = r.AssignmentPillar.Assignment.SupersededAt != null,
            r.AssignmentPillar.Pillar!.Edition!.DefaultLanguage,
            Texts = r.AssignmentPillar.Pillar.Texts.ToList(),
        }).SingleOrDefaultAsync(ct);
        if (found is null) return false;
        AuthorRule = new ReviewAuthor(found.Author.Id, found.ManagerId, found.ManagerActive);
        Access = ReviewRules.AccessOf(new ReviewViewer(User.GetEmployeeId(), IsHr), AuthorRule);
        if (Access == ReviewAccess.None) return false;

        Reflection = found.Reflection;
        Person = found.Author;
        Superseded |= found.Superseded;
        var text = found.Texts.InLanguage(t => t.Language, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, found.DefaultLanguage);
        PillarTitle = text.Title;
        Prompts = ReflectionPrompts.Of(text, L);
        (Versions, Thread) = await ReflectionHistory.LoadAsync(db, id, ct);
        if (Reflection is { SimilarToId: int similarId, Similarity: double similarity }
            && await db.Reflections.AsNoTracking().Where(r => r.Id == similarId)
                .Select(r => new
                {
                    r.AssignmentPillar!.Assignment!.Employee!.FullName,
                    // What its author sent last, never the working copy: that may be a draft they have not sent.
                    Sent = r.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Meaning, v.Customers, v.Action }).FirstOrDefault(),
                }).SingleOrDefaultAsync(ct) is { } other)
            // The other person's name only for HR, who sees everyone; a manager judges the text.
            SimilarTo = new Similar(other.Sent is { } sent ? new ReflectionText(sent.Meaning, sent.Customers, sent.Action) : null, IsHr ? other.FullName : null, similarity);
        if (Request.Method == HttpMethods.Get) Version = Latest?.Number ?? 0;
        return true;
    }
}
