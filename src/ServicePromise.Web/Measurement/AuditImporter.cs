using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Measurement;

public enum AuditOutcome
{
    /// <summary>Nothing written: a dry run.</summary>
    DryRun,
    Applied,
    /// <summary>Every row is already recorded as it is: nothing to write.</summary>
    Unchanged,
    /// <summary>This very file (same SHA-256) was applied before: nothing written.</summary>
    AlreadyImported,
    /// <summary>The file has problems: nothing written until it is fixed.</summary>
    Refused,
    /// <summary>Another import recorded the same results at the same moment: nothing written, look again.</summary>
    Conflict,
}

public sealed record AuditImportResult(AuditFileContent? File, AuditPlan? Plan, AuditOutcome Outcome, AuditBatch? PreviousBatch = null, int? BatchId = null)
{
    public IReadOnlyList<AuditProblem> Problems => [.. File?.Problems ?? [], .. Plan?.Problems ?? []];
}

/// <summary>
/// Brings audit results in — from a file (the page, the import-audit command) or one typed into the form — with the
/// same checks and the same apply: a dry run lists what would be recorded and every problem row; applying is all or
/// nothing (one transaction, with the batch, the audit-log entry and whatever the <see cref="IAuditResultsListener"/>s
/// write), corrections keep the row they replace, and the same file twice changes nothing.
/// </summary>
public sealed class AuditImporter(AppDbContext db, IOptions<MeasurementOptions> options, IEnumerable<IAuditResultsListener> listeners,
    Audit.AuditLog audit, OrganisationClock clock, ILogger<AuditImporter> logger)
{
    /// <summary>Serialises applies on PostgreSQL (SQLite's write transaction does it there).</summary>
    const long WriteLockKey = 0x5350_4155_4449_5401;

    public async Task<AuditImportResult> DryRunAsync(byte[] bytes, CancellationToken ct = default)
    {
        var file = AuditFile.Read(bytes);
        if (file.Unreadable) return new(file, null, AuditOutcome.Refused);
        var previous = await db.AuditBatches.AsNoTracking().Where(b => b.FileSha256 == file.Sha256).OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
        var plan = await PlanAsync(file.Rows, ct);
        return new(file, plan, previous is not null ? AuditOutcome.AlreadyImported : AuditOutcome.DryRun, previous);
    }

    /// <summary>Applies the whole file, or nothing when any row has a problem.</summary>
    public async Task<AuditImportResult> ApplyAsync(byte[] bytes, string fileName, string? userId, CancellationToken ct = default)
    {
        var file = AuditFile.Read(bytes);
        if (file.Unreadable) return new(file, null, AuditOutcome.Refused);
        var batch = new AuditBatch { Kind = AuditBatchKind.File, FileName = fileName.Length <= 260 ? fileName : fileName[..260], FileSha256 = file.Sha256, RecordedById = userId };
        return await ApplyRowsAsync(file, file.Rows, batch);
    }

    /// <summary>One result typed into the form: the same checks and apply as a file of one row.</summary>
    public async Task<AuditImportResult> RecordOneAsync(AuditRow row, string? userId, bool apply) =>
        apply
            ? await ApplyRowsAsync(null, [row], new AuditBatch { Kind = AuditBatchKind.Form, RecordedById = userId })
            : new(null, await PlanAsync([row], CancellationToken.None), AuditOutcome.DryRun);

    async Task<AuditImportResult> ApplyRowsAsync(AuditFileContent? file, IReadOnlyList<AuditRow> rows, AuditBatch batch)
    {
        // Not cancellable once started: a closed tab must not leave half an import.
        var none = CancellationToken.None;
        await using var transaction = await db.Database.BeginTransactionAsync(none);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", none);
        if (batch.FileSha256 is { } sha && await db.AuditBatches.AsNoTracking().Where(b => b.FileSha256 == sha).OrderBy(b => b.Id).FirstOrDefaultAsync(none) is { } previous)
            return new(file, null, AuditOutcome.AlreadyImported, previous);
        var plan = await PlanAsync(rows, none);
        if (plan.Problems.Count > 0) return new(file, plan, AuditOutcome.Refused);
        if (!plan.HasChanges) return new(file, plan, AuditOutcome.Unchanged);
        try
        {
            await WriteAsync(plan, batch, none);
            await transaction.CommitAsync(none);
            logger.LogInformation("Audit results recorded (batch {Batch}, {Kind}): {New} new, {Corrections} corrections, {Unchanged} unchanged",
                batch.Id, batch.Kind, plan.New.Count, plan.Corrections.Count, plan.Unchanged.Count);
            return new(file, plan, AuditOutcome.Applied, BatchId: batch.Id);
        }
        catch (DbUpdateException ex) when (Provisioning.ScimConflicts.Of(ex) is not null)
        {
            // The live index refused a second live result for the same place, standard and period: another apply won.
            logger.LogWarning(ex, "Audit results not recorded: another import recorded the same results at the same time");
            await transaction.RollbackAsync(none);
            db.ChangeTracker.Clear();
            return new(file, plan, AuditOutcome.Conflict);
        }
    }

    async Task<IReadOnlyList<AuditResult>> WriteAsync(AuditPlan plan, AuditBatch batch, CancellationToken none)
    {
        var now = clock.UtcNow;
        batch.RecordedAt = now;
        batch.Rows = plan.New.Count + plan.Corrections.Count;
        db.AuditBatches.Add(batch);
        AuditResult Row(PlannedResult p) => new()
        {
            SiteId = p.SiteId, DepartmentId = p.DepartmentId, PeriodKind = p.Period.Kind, PeriodStart = p.Period.Start, Source = p.Source,
            StandardKey = p.StandardKey, PillarKey = p.PillarKey, ScoreHundredths = p.ScoreHundredths, Sample = p.Sample, Comment = p.Comment,
            Batch = batch, RecordedAt = now, RecordedById = batch.RecordedById,
        };
        var added = plan.New.Select(Row).ToList();
        // A correction and the row it replaces can never both be live (the live index), and a replaced row names its
        // replacement (the check constraint): the correction goes in first marked as replaced by the old row, the old
        // row then points at it, and the correction comes alive — three steps of one transaction.
        var corrections = plan.Corrections.Select(p => (Old: p.Before!.Id, New: Row(p))).ToList();
        foreach (var (old, row) in corrections)
        {
            row.ReplacedById = old;
            row.ReplacedAt = now;
        }
        db.AuditResults.AddRange(added);
        db.AuditResults.AddRange(corrections.Select(c => c.New));
        await db.SaveChangesAsync(none);
        foreach (var (old, row) in corrections)
            await db.AuditResults.Where(r => r.Id == old && r.ReplacedAt == null)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.ReplacedAt, now).SetProperty(x => x.ReplacedById, row.Id), none);
        foreach (var (_, row) in corrections)
        {
            row.ReplacedById = null;
            row.ReplacedAt = null;
        }
        await db.SaveChangesAsync(none);

        IReadOnlyList<AuditResult> recorded = [.. added, .. corrections.Select(c => c.New)];
        foreach (var listener in listeners) await listener.ResultsRecordedAsync(db, recorded, none);
        await audit.RecordAsync(Audit.AuditActions.AuditResultsImported, details: new Dictionary<string, object?>
        {
            ["batch"] = batch.Id,
            ["kind"] = batch.Kind.ToString(),
            ["file"] = batch.FileName,
            ["sha256"] = batch.FileSha256,
            ["new"] = plan.New.Count,
            ["corrections"] = plan.Corrections.Count,
            ["unchanged"] = plan.Unchanged.Count,
        }, ct: none);
        return recorded;
    }

    async Task<AuditPlan> PlanAsync(IReadOnlyList<AuditRow> rows, CancellationToken ct)
    {
        var catalogue = await CatalogueAsync(ct);
        var periods = rows.Select(r => AuditPeriod.Parse(r.Period)).OfType<AuditPeriod>().Select(p => p.Start).Distinct().ToList();
        var live = await db.AuditResults.AsNoTracking().Where(r => r.ReplacedAt == null && periods.Contains(r.PeriodStart))
            .Select(r => new LiveResult(r.Id, r.SiteId, r.DepartmentId, r.StandardKey, r.PeriodKind, r.PeriodStart, r.Source, r.ScoreHundredths, r.Sample, r.Comment))
            .ToListAsync(ct);
        return AuditPlanner.Plan(rows, catalogue, live.ToDictionary(l => l.Place), options.Value.MinimumSample);
    }

    /// <summary>The sites, departments and the current edition's standards rows are matched against.</summary>
    public async Task<AuditCatalogue> CatalogueAsync(CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var standards = await db.PillarStandards.AsNoTracking().Where(s => s.Pillar!.EditionId == edition)
            .OrderBy(s => s.Pillar!.Order).ThenBy(s => s.Order)
            .Select(s => new { s.Key, PillarKey = s.Pillar!.Key, Titles = s.Pillar.Texts.Select(t => t.Title).ToList() })
            .ToListAsync(ct);
        return new(sites, departments, standards.Select(s => new StandardRef(s.Key, s.PillarKey, s.Titles)).ToList());
    }
}
