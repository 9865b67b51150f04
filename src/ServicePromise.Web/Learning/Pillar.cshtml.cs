using Microsoft.AspNetCore.Mvc;
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

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        var reflection = await ReflectionAsync(ct);
        Text = reflection?.Text;
        return Page();
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

        if (Pillar.ReadAt is null)
            ModelState.AddModelError(nameof(Text), L["Lee la lección y márcala como leída antes de escribir tu reflexión."]);
        else if (Assignment.IsComplete)
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
