using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Measurement;

/// <summary>
/// Service audits for the synthetic organisation (<c>generate-org</c>): every site scored on every standard of the
/// current edition for the last <see cref="Months"/> months, by mystery shoppers and surveys. Each site has its own
/// level and month-to-month noise, so about one result in twenty is below its threshold. The findings those results
/// raise are written as the product would leave them: closed by the next month that met the standard (with an
/// approved plan), confirmed with a submitted plan when the next month is still below, proposed in the latest month.
/// Some comments are shared. Bulk-written: tracked, 30,000 results took minutes. Targeted refreshers are not written
/// (the benchmarks read results, findings and plans, not who was assigned).
/// </summary>
public static class SyntheticMeasurement
{
    public const int Months = 24;
    static readonly string[] Sources = [DemoMeasurement.MysteryShopper, DemoMeasurement.CustomerSurvey];

    /// <returns>The results written.</returns>
    public static async Task<int> GenerateAsync(AppDbContext db, Infrastructure.OrganisationClock clock, MeasurementOptions options, int seed, CancellationToken ct)
    {
        var standards = await DemoMeasurement.CurrentStandardsAsync(db, ct);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        if (standards.Count == 0 || sites.Count == 0) return 0;
        // The site's manager writes its plans: the first manager working there.
        var managers = await db.Employees.AsNoTracking().Where(e => e.SiteId != null && e.JobTitle == "Encargado/a")
            .GroupBy(e => e.SiteId!.Value).Select(g => new { Site = g.Key, Manager = g.Min(e => e.Id) }).ToDictionaryAsync(m => m.Site, m => m.Manager, ct);
        var months = DemoMeasurement.LastMonths(clock.Today, Months);
        var now = clock.UtcNow;
        var random = new Random(seed);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batches = months.Select(m => DemoMeasurement.MonthlyFile(m, now, sites.Count * standards.Count)).ToList();
        db.AuditBatches.AddRange(batches);
        await db.SaveChangesAsync(ct);

        var results = new List<AuditResult>(sites.Count * standards.Count * months.Count);
        foreach (var site in sites)
        {
            // A site's level against the threshold, in hundredths: most sites comfortably above, a few close to it.
            var level = 300 + random.Next(0, 1300);
            foreach (var (standard, s) in standards.Select((x, i) => (x, i)))
                foreach (var (month, m) in months.Select((x, i) => (x, i)))
                {
                    var score = Math.Clamp(standard.ThresholdHundredths + level + 50 * random.Next(-14, 9), 0, 10000);
                    var source = Sources[s % Sources.Length];
                    results.Add(new AuditResult
                    {
                        SiteId = site, PeriodStart = month, PeriodKind = PeriodKind.Month, Source = source, StandardKey = standard.Key,
                        PillarKey = standard.PillarKey, ScoreHundredths = score,
                        Sample = source == DemoMeasurement.MysteryShopper ? random.Next(options.MinimumSample, options.MinimumSample + 6) : random.Next(30, 160),
                        Comment = random.Next(8) == 0 ? "Me atendieron con calma y me explicaron lo que iba a pasar." : null,
                        BatchId = batches[m].Id, RecordedAt = batches[m].RecordedAt,
                    });
                    var last = results[^1];
                    // HR shares a comment now and then in the last quarter.
                    if (last.Comment is not null && m >= months.Count - 3 && random.Next(3) == 0)
                        (last.SharedComment, last.SharedAt) = ("«Me atendieron con calma y me explicaron lo que iba a pasar.»", last.RecordedAt.AddHours(1));
                }
        }
        await db.BulkInsertAsync(results, ct);
        await WriteFindingsAsync(db, standards, managers, months, options, ct);
        await transaction.CommitAsync(ct);
        return results.Count;
    }

    static async Task WriteFindingsAsync(AppDbContext db, List<MeasuredStandard> standards, Dictionary<int, int> managers, List<DateOnly> months, MeasurementOptions options, CancellationToken ct)
    {
        var threshold = standards.ToDictionary(s => s.Key, s => s.ThresholdHundredths);
        var written = await db.AuditResults.AsNoTracking().Where(r => r.ReplacedAt == null && r.SiteId != null && r.PeriodStart >= months[0])
            .Select(r => new { r.Id, SiteId = r.SiteId!.Value, r.StandardKey, r.PillarKey, r.PeriodStart, r.ScoreHundredths, r.Sample, r.RecordedAt })
            .ToListAsync(ct);
        var findings = new List<(Finding Finding, int? Manager)>();
        foreach (var series in written.GroupBy(r => (r.SiteId, r.StandardKey)))
        {
            var ordered = series.OrderBy(r => r.PeriodStart).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var r = ordered[i];
                var min = threshold[r.StandardKey];
                int? previous = i > 0 ? ordered[i - 1].ScoreHundredths : null;
                var kind = (r.Sample >= options.MinimumSample && r.ScoreHundredths < min ? FindingKind.BelowThreshold : 0)
                    | (previous - r.ScoreHundredths > options.DropPoints * 100 ? FindingKind.Drop : 0);
                if (kind == 0) continue;
                var next = ordered.Skip(i + 1).FirstOrDefault();
                var closedBy = next is not null && next.ScoreHundredths >= min ? next : null;
                var finding = new Finding
                {
                    ResultId = r.Id, SiteId = r.SiteId, StandardKey = r.StandardKey, PillarKey = r.PillarKey, PeriodStart = r.PeriodStart,
                    PeriodKind = PeriodKind.Month, Kind = kind, ScoreHundredths = r.ScoreHundredths, ThresholdHundredths = min,
                    PreviousScoreHundredths = previous, RaisedAt = r.RecordedAt,
                    State = closedBy is not null ? FindingState.Closed : next is null ? FindingState.Proposed : FindingState.Confirmed,
                    DecidedAt = next is null ? null : r.RecordedAt.AddDays(1),
                    RefresherDueOn = next is null ? null : DateOnly.FromDateTime(r.RecordedAt).AddDays(options.RefresherDueDays),
                    ClosedAt = closedBy?.RecordedAt, ClosedByResultId = closedBy?.Id,
                };
                findings.Add((finding, managers.TryGetValue(r.SiteId, out var m) ? m : null));
            }
        }
        await db.BulkInsertAsync(findings.Select(f => f.Finding).ToList(), ct);
        var ids = await db.Findings.AsNoTracking().Where(f => f.PeriodStart >= months[0]).ToDictionaryAsync(f => f.ResultId, f => f.Id, ct);
        await db.BulkInsertAsync(findings.Where(f => f.Manager is not null && f.Finding.State is FindingState.Closed or FindingState.Confirmed).Select(f => new ActionPlan
        {
            FindingId = ids[f.Finding.ResultId], AuthorId = f.Manager!.Value,
            State = f.Finding.State == FindingState.Closed ? ActionPlanState.Approved : ActionPlanState.Submitted,
            Cause = "Falta de personal en las horas punta.", Actions = "Refuerzo en caja por la tarde y repaso del pilar con el equipo.",
            Owner = "Encargado/a de la tienda", DueOn = f.Finding.RefresherDueOn,
            CreatedAt = f.Finding.DecidedAt!.Value, UpdatedAt = f.Finding.DecidedAt.Value.AddDays(2), SubmittedAt = f.Finding.DecidedAt.Value.AddDays(2),
        }).ToList(), ct);
    }
}
