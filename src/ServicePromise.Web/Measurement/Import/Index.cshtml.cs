using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Measurement.Import;

/// <summary>
/// HR brings audit results in from a provider's file: upload, read the dry run (new results, corrections, rows
/// already recorded, every problem row with its line), then apply the whole file at once — or, with any problem,
/// nothing until the file is fixed.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
[RequestSizeLimit(MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1_000_000)]
public class IndexModel(AppDbContext db, AuditImporter importer, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const string Address = "/hr/measurement/import";
    public const int MaxBytes = 10 * 1024 * 1024;
    /// <summary>How many rows of each list the dry run shows; the rest are counted.</summary>
    public const int Shown = 100;

    public AuditUpload? Upload { get; private set; }
    public AuditImportResult? Result { get; private set; }
    public IReadOnlyList<AuditBatch> Batches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? upload, CancellationToken ct)
    {
        if (upload is null)
        {
            Batches = await db.AuditBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(20).ToListAsync(ct);
            return Page();
        }
        Upload = await MineAsync(upload.Value, ct);
        if (Upload is null) return NotFound();
        Result = await importer.DryRunAsync(Upload.Content, ct);
        return Page();
    }

    /// <summary>A file to start from: the columns the reader knows, one example row of each kind of place and period.</summary>
    public IActionResult OnGetSample()
    {
        var csv = new StringBuilder();
        csv.AppendLine("Tienda;Departamento;Periodo;Fuente;Estándar;Puntuación;Muestra;Comentario");
        csv.AppendLine("Sevilla Centro;;2026-10;Cliente misterioso;escucha;62,5;12;\"Me atendieron rápido, pero no me escucharon\"");
        csv.AppendLine(";Atención al cliente;2026-T3;Encuesta NPS;escucha;81;40;");
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", "resultados-auditoria.csv");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (Infrastructure.UploadedFile.Problem(file, MaxBytes, L["Elige el archivo CSV con los resultados de la auditoría."], L) is { } problem)
            ModelState.AddModelError("file", problem);
        if (!ModelState.IsValid || User.GetEmployeeId() is not int me) return await OnGetAsync(null, ct);

        var (name, content) = await Infrastructure.UploadedFile.ReadAsync(file!, "auditoria.csv", ct);
        var stored = new AuditUpload { FileName = name, Content = content, UploadedById = me, UploadedAt = clock.UtcNow };
        db.AuditUploads.Add(stored);
        await db.SaveChangesAsync(ct);
        // Post, redirect, get: a reload shows the same dry run instead of uploading twice.
        return Redirect($"{Address}?upload={stored.Id}");
    }

    public async Task<IActionResult> OnPostApplyAsync(int upload, bool confirm, CancellationToken ct)
    {
        Upload = await MineAsync(upload, ct);
        if (Upload is null) return NotFound();
        if (!confirm)
        {
            ModelState.AddModelError("confirm", L["Marca la casilla para confirmar que has revisado la vista previa."]);
            Result = await importer.DryRunAsync(Upload.Content, ct);
            return Page();
        }
        // Claimed first, so a double click or a second tab applies the file once.
        var claimed = await db.AuditUploads.Where(u => u.Id == upload && u.AppliedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AppliedAt, clock.UtcNow), CancellationToken.None);
        if (claimed == 0)
        {
            TempData["StatusMessage"] = L["Este archivo ya se había aplicado; no se ha cambiado nada más."].Value;
            return Redirect($"{Address}?upload={upload}");
        }
        AuditImportResult result;
        try
        {
            result = await importer.ApplyAsync(Upload.Content, Upload.FileName, User.FindFirstValue(ClaimTypes.NameIdentifier), CancellationToken.None);
        }
        catch
        {
            await UnclaimAsync(upload);
            throw;
        }
        // Only an applied file stays claimed: one refused (or lost to another import) can be looked at and tried again.
        if (result.Outcome != AuditOutcome.Applied) await UnclaimAsync(upload);
        TempData["StatusMessage"] = Outcome(result, L).Value;
        return Redirect(result.Outcome == AuditOutcome.Applied ? Address : $"{Address}?upload={upload}");
    }

    /// <summary>What an apply did, in words: the page's and the form's status message.</summary>
    public static LocalizedString Outcome(AuditImportResult result, IStringLocalizer L) => result.Outcome switch
    {
        AuditOutcome.Applied => L["Resultados registrados: {0} nuevos y {1} correcciones ({2} sin cambios).", result.Plan!.New.Count, result.Plan.Corrections.Count, result.Plan.Unchanged.Count],
        AuditOutcome.AlreadyImported => L["Este archivo ya se importó el {0}: no se ha cambiado nada.", result.PreviousBatch!.RecordedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)],
        AuditOutcome.Unchanged => L["Todos los resultados ya estaban registrados así: no se ha cambiado nada."],
        AuditOutcome.Conflict => L["Otra importación ha registrado estos resultados a la vez: no se ha cambiado nada. Revisa la vista previa y vuelve a intentarlo."],
        _ => L["No se ha registrado nada: hay {0} filas con problemas. Corrige el archivo y vuelve a subirlo.", result.Problems.Count],
    };

    Task UnclaimAsync(int upload) =>
        db.AuditUploads.Where(u => u.Id == upload).ExecuteUpdateAsync(u => u.SetProperty(x => x.AppliedAt, (DateTime?)null), CancellationToken.None);

    /// <summary>An upload is its uploader's: another HR person starts from their own file.</summary>
    async Task<AuditUpload?> MineAsync(int id, CancellationToken ct) =>
        User.GetEmployeeId() is int me
            ? await db.AuditUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.UploadedById == me, ct)
            : null;
}
