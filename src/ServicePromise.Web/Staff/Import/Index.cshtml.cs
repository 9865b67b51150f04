using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// HR brings the staff list in from the HR system: upload a CSV export, read the dry run (what would be created,
/// updated and deactivated, and every problem row with its line), then apply the valid rows at once.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
[RequestSizeLimit(MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1_000_000)]
public class IndexModel(AppDbContext db, StaffImporter importer, StaffMappings mappings, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxBytes = 50 * 1024 * 1024;
    /// <summary>How many people of each kind the preview lists; the rest are counted.</summary>
    public const int Shown = 100;

    public StaffUpload? Upload { get; private set; }
    public StaffImportResult? Result { get; private set; }

    /// <summary>Invitations by state, for HR to see they went out (and which did not).</summary>
    public Dictionary<InvitationStatus, int> Invitations { get; private set; } = [];

    /// <summary>The organisation's saved column mapping, if any.</summary>
    public ColumnMapping? Saved { get; private set; }
    /// <summary>The upload's header cells (empty ones included, so indexes match the reader's columns).</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];
    /// <summary>Show the mapping step: the headers were not recognised, or HR asked for it.</summary>
    public bool ShowMapping { get; private set; }
    /// <summary>For each field, the column chosen (or detected, or suggested) so far.</summary>
    public Dictionary<StaffField, string> Chosen { get; private set; } = [];
    /// <summary>The columns of <see cref="Chosen"/> that are only suggestions (the closest header names), for HR to confirm.</summary>
    public Dictionary<StaffField, string> Suggested { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? upload, bool map, CancellationToken ct)
    {
        Saved = await mappings.GetAsync(ct);
        if (upload is null)
        {
            Invitations = await db.Invitations.Where(i => i.Kind == AccountMailKind.Invitation).GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return Page();
        }
        Upload = await MineAsync(upload.Value, ct);
        if (Upload is null) return NotFound();
        await PreviewAsync(map, ct);
        return Page();
    }

    /// <summary>The dry run, and the mapping step when the columns could not be told (or HR asked to change them).</summary>
    async Task PreviewAsync(bool map, CancellationToken ct)
    {
        Result = await importer.DryRunAsync(Upload!.Content, Upload.FullImport, ct: ct);
        Headers = StaffFile.Headers(Upload.Content);
        var columnsMissing = Result.File.Rows.Count == 0 && Result.File.Problems.Any(p => p.Line == 1);
        ShowMapping = Headers.Any(h => h.Length > 0) && (map || columnsMissing);
        if (Chosen.Count == 0)
        {
            Chosen = Result.File.Columns.Where(c => c.Value < Headers.Count).ToDictionary(c => c.Key, c => Headers[c.Value]);
            // The fields left out get the closest header, shown as a suggestion; nothing is read from it until HR saves.
            if (ShowMapping)
                foreach (var (field, header) in Result.File.Suggested ?? MappingSuggestions.For(Headers, Result.File.Columns))
                    if (Chosen.TryAdd(field, header)) Suggested[field] = header;
        }
    }

    /// <summary>Saves the columns HR chose as the organisation's mapping, then shows the dry run with it.</summary>
    public async Task<IActionResult> OnPostMappingAsync(int upload, Dictionary<string, string>? columns, bool replace, CancellationToken ct)
    {
        Upload = await MineAsync(upload, ct);
        if (Upload is null) return NotFound();
        Saved = await mappings.GetAsync(ct);
        var headers = StaffFile.Headers(Upload.Content);
        var chosen = Enum.GetValues<StaffField>()
            .Select(f => (Field: f, Header: columns?.GetValueOrDefault(f.ToString())?.Trim() ?? ""))
            .Where(c => c.Header.Length > 0 && headers.Contains(c.Header))
            .ToDictionary(c => c.Field, c => c.Header);
        var problems = new ColumnMapping(chosen).Problems().Select(p => p.In(L)).ToList();
        if (Saved is not null && !replace)
            problems.Add(L["Ya hay una asignación guardada: marca la casilla para sustituirla."]);
        if (problems.Count == 0)
        {
            var saveProblems = await mappings.SaveAsync(new ColumnMapping(chosen), User.GetEmployeeId(), ct);
            if (saveProblems.Count == 0)
            {
                TempData["StatusMessage"] = L["Asignación de columnas guardada: se usará en las próximas importaciones."].Value;
                return Redirect($"/hr/import?upload={upload}");
            }
            problems.AddRange(saveProblems.Select(p => p.In(L)));
        }
        foreach (var problem in problems) ModelState.AddModelError("mapping", problem);
        Chosen = chosen;
        await PreviewAsync(map: true, ct);
        return Page();
    }

    /// <summary>Forgets the saved mapping, once HR confirms: later uploads go back to the headers we recognise.</summary>
    public async Task<IActionResult> OnPostClearMappingAsync(bool confirmClear, CancellationToken ct)
    {
        if (!confirmClear)
        {
            ModelState.AddModelError("confirmClear", L["Marca la casilla para confirmar que quieres borrar la asignación guardada."]);
            return await OnGetAsync(null, false, ct);
        }
        await mappings.ClearAsync(ct);
        TempData["StatusMessage"] = L["Asignación de columnas borrada: se reconocerán las cabeceras habituales."].Value;
        return Redirect("/hr/import");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, bool fullImport, CancellationToken ct)
    {
        if (UploadedFile.Problem(file, MaxBytes, L["Elige el archivo CSV exportado del sistema de RR. HH."], L) is { } problem)
            ModelState.AddModelError("file", problem);
        if (!ModelState.IsValid || User.GetEmployeeId() is not int me) return Page();

        var (name, content) = await UploadedFile.ReadAsync(file!, "plantilla.csv", ct);
        var stored = new StaffUpload { FileName = name, Content = content, FullImport = fullImport, UploadedById = me, UploadedAt = clock.UtcNow };
        db.StaffUploads.Add(stored);
        await db.SaveChangesAsync(ct);
        // Post, redirect, get: a reload shows the same dry run instead of uploading twice.
        return Redirect($"/hr/import?upload={stored.Id}");
    }

    public async Task<IActionResult> OnPostApplyAsync(int upload, bool confirm, CancellationToken ct)
    {
        Upload = await MineAsync(upload, ct);
        if (Upload is null) return NotFound();
        if (!confirm)
        {
            ModelState.AddModelError("confirm", L["Marca la casilla para confirmar que has revisado la vista previa."]);
            await PreviewAsync(map: false, ct);
            return Page();
        }
        // Claimed first, so a double click or a second tab applies the file once.
        var claimed = await db.StaffUploads.Where(u => u.Id == upload && u.AppliedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AppliedAt, clock.UtcNow), CancellationToken.None);
        if (claimed == 0)
        {
            TempData["StatusMessage"] = L["Este archivo ya se había aplicado; no se ha cambiado nada más."].Value;
            return Redirect($"/hr/import?upload={upload}");
        }
        StaffImportResult result;
        try
        {
            result = await importer.ApplyAsync(Upload.Content, Upload.FullImport, ct: CancellationToken.None);
        }
        catch
        {
            await db.StaffUploads.Where(u => u.Id == upload).ExecuteUpdateAsync(u => u.SetProperty(x => x.AppliedAt, (DateTime?)null), CancellationToken.None);
            throw;
        }
        TempData["StatusMessage"] = result.Plan is { } plan
            ? L["Importación aplicada: {0} altas, {1} cambios, {2} bajas. {3} invitaciones se están enviando. {4} filas con problemas no se han importado.",
                plan.Creates, plan.Updates, plan.Deactivations, result.Invited, result.Problems.Count].Value
            : L["No se ha podido importar nada de este archivo."].Value;
        return Redirect("/hr/completion");
    }

    /// <summary>An upload is its uploader's: another HR person starts from their own file.</summary>
    async Task<StaffUpload?> MineAsync(int id, CancellationToken ct) =>
        User.GetEmployeeId() is int me
            ? await db.StaffUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.UploadedById == me, ct)
            : null;
}
