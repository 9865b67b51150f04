using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Evidence;

/// <summary>
/// "Evidencias para auditoría": HR asks for a pack, follows its progress (a small poll, or the page refreshing itself
/// without JavaScript), downloads it when ready; past packs with date, requester, size, hash and status.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class IndexModel(AppDbContext db, OrganisationClock clock, EvidencePackSignal signal, EvidencePackBuilder builder, IStringLocalizer<SharedResource> L)
    : PageModel
{
    public sealed record Row(int Id, DateTime RequestedAt, string RequestedBy, EvidencePackStatus Status, int Done, int? Total, int? People,
        int? EditionNumber, long? SizeBytes, string? Sha256, DateTime? CompletedAt, string? Error);

    public IReadOnlyList<Row> Packs { get; private set; } = [];
    public bool InProgress => Packs.Any(p => p.Status is EvidencePackStatus.Requested or EvidencePackStatus.Building);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Packs = await db.EvidencePacks.AsNoTracking().OrderByDescending(p => p.Id).Take(100)
            .Select(p => new Row(p.Id, p.RequestedAt, p.RequestedByName, p.Status, p.Done, p.Total, p.People, p.EditionNumber, p.SizeBytes, p.Sha256, p.CompletedAt, p.Error))
            .ToListAsync(ct);
    }

    /// <summary>For the page's poll: the packs still being prepared, with their progress.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        var open = await db.EvidencePacks.AsNoTracking()
            .Where(p => p.Status == EvidencePackStatus.Requested || p.Status == EvidencePackStatus.Building)
            .Select(p => new { p.Id, p.Status, p.Done, p.Total }).ToListAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(open.Select(p => new { id = p.Id, status = p.Status.ToString(), done = p.Done, total = p.Total, text = ProgressText(p.Status, p.Done, p.Total) }));
    }

    public async Task<IActionResult> OnPostRequestAsync([FromServices] Audit.AuditLog audit, CancellationToken ct)
    {
        // One pack at a time: a second click (or a colleague) while one is being prepared just follows that one.
        if (await db.EvidencePacks.AnyAsync(p => p.Status == EvidencePackStatus.Requested || p.Status == EvidencePackStatus.Building, ct))
        {
            TempData["StatusMessage"] = L["Ya se está preparando un paquete de evidencias; sigue su progreso aquí."].Value;
            return Redirect("/hr/evidence");
        }
        db.EvidencePacks.Add(new EvidencePack
        {
            RequestedAt = clock.UtcNow,
            RequestedById = User.GetEmployeeId(),
            RequestedByName = User.DisplayName() is { Length: > 0 } name ? (name.Length > 200 ? name[..200] : name) : "—",
            Language = Languages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? Languages.Default,
            Status = EvidencePackStatus.Requested,
        });
        audit.Add(Audit.AuditActions.EvidenceRequested);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        TempData["StatusMessage"] = L["Paquete solicitado. Se prepara en segundo plano; puedes salir de esta página y volver más tarde."].Value;
        return Redirect("/hr/evidence");
    }

    /// <summary>The built ZIP, streamed from disk. HR only (the whole page is).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, [FromServices] Audit.AuditLog audit, CancellationToken ct)
    {
        var pack = await db.EvidencePacks.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == EvidencePackStatus.Ready, ct);
        if (pack?.FileName is null) return NotFound();
        var path = Path.Combine(builder.Folder, Path.GetFileName(pack.FileName));
        if (!System.IO.File.Exists(path))
        {
            TempData["StatusMessage"] = L["El archivo de ese paquete ya no está en el servidor. Solicita uno nuevo."].Value;
            return Redirect("/hr/evidence");
        }
        await audit.RecordAsync(Audit.AuditActions.EvidenceDownloaded, subject: pack.Id.ToString(CultureInfo.InvariantCulture),
            details: new Dictionary<string, object?> { ["pack"] = pack.Id, ["sha256"] = pack.Sha256 }, ct: ct);
        var name = Certificates.CertificateArchive.Safe(L["evidencias-{0}", $"{clock.LocalDate(pack.RequestedAt):yyyy-MM-dd}-{pack.Id}"].Value, 60) + ".zip";
        return new PhysicalFileResult(path, "application/zip") { FileDownloadName = name, EnableRangeProcessing = true };
    }

    /// <summary>Removes a finished (or failed) pack and its file, after confirmation.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, [FromServices] Audit.AuditLog audit, CancellationToken ct)
    {
        if (!confirm)
        {
            TempData["StatusMessage"] = L["Marca la casilla para confirmar que quieres borrar el paquete."].Value;
            return Redirect("/hr/evidence");
        }
        var pack = await db.EvidencePacks.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && (p.Status == EvidencePackStatus.Ready || p.Status == EvidencePackStatus.Failed), ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = pack is null ? 0 : await db.EvidencePacks.Where(p => p.Id == id && p.Status == pack.Status).ExecuteDeleteAsync(ct);
        if (deleted == 1)
            await audit.RecordAsync(Audit.AuditActions.EvidenceDeleted, subject: id.ToString(CultureInfo.InvariantCulture),
                details: new Dictionary<string, object?> { ["pack"] = id, ["sha256"] = pack!.Sha256 }, ct: ct);
        await transaction.CommitAsync(ct);
        if (deleted == 1 && pack!.FileName is { } file)
        {
            try { System.IO.File.Delete(Path.Combine(builder.Folder, Path.GetFileName(file))); } catch (IOException) { }
        }
        TempData["StatusMessage"] = deleted == 1 ? L["Paquete borrado."].Value : L["Ese paquete ya no existe o todavía se está preparando; no se ha borrado nada."].Value;
        return Redirect("/hr/evidence");
    }

    public string ProgressText(EvidencePackStatus status, int done, int? total) => status switch
    {
        EvidencePackStatus.Requested => L["En cola: empezará en unos segundos."],
        _ when total is int t => L["{0} de {1} certificados", done.ToString("N0", CultureInfo.CurrentCulture), t.ToString("N0", CultureInfo.CurrentCulture)],
        _ => L["Preparando la lista de cumplimiento…"],
    };

    public string StatusLabel(EvidencePackStatus status) => status switch
    {
        EvidencePackStatus.Requested => L["En cola"],
        EvidencePackStatus.Building => L["Preparándose"],
        EvidencePackStatus.Ready => L["Listo"],
        _ => L["Falló"],
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.##", CultureInfo.CurrentCulture) + " GB",
    };
}
