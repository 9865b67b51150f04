using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Findings;

/// <summary>
/// Turns recorded audit results into findings, inside the recording's transaction (<see cref="IAuditResultsListener"/>):
/// raises a proposed finding when <see cref="FindingRules"/> say so, closes the open findings of the same place and
/// standard when a later period meets it, and re-judges a finding whose result was corrected. Telling it the same
/// results twice changes nothing.
/// </summary>
/// <remarks>
/// A correction of the result that raised an open finding: if the corrected result is still a finding, the finding
/// follows it (new score, kind, previous score); if it no longer is, the finding is closed by the correction
/// (<see cref="Finding.ClosedByResultId"/> names a result of the same period, which the pages read as "corrected").
/// A dismissed or closed finding stays as HR or the later result left it.
/// </remarks>
public sealed class FindingRaiser(OrganisationClock clock, IOptions<MeasurementOptions> options) : IAuditResultsListener
{
    public async Task ResultsRecordedAsync(AppDbContext db, IReadOnlyList<AuditResult> recorded, CancellationToken cancellationToken)
    {
        if (recorded.Count == 0) return;
        var thresholds = await CurrentThresholdsAsync(db, cancellationToken);
        var settings = options.Value;
        // Oldest first: a batch holding September and October raises September's finding, then October closes it.
        foreach (var result in recorded.OrderBy(r => r.PeriodStart).ThenBy(r => r.Id))
        {
            if (!thresholds.TryGetValue(result.StandardKey, out var threshold)) continue;
            var measured = new MeasuredScore(result.ScoreHundredths, result.Sample);
            var previousStart = FindingRules.PreviousPeriod(result.PeriodStart, result.PeriodKind);
            var previous = await SamePlace(db.AuditResults, result)
                .Where(r => r.ReplacedAt == null && r.PeriodKind == result.PeriodKind && r.PeriodStart == previousStart)
                .Select(r => (int?)r.ScoreHundredths).FirstOrDefaultAsync(cancellationToken);
            var kind = FindingRules.Evaluate(measured, threshold, previous, settings);

            await CloseEarlierAsync(db, result, measured, threshold, cancellationToken);
            var corrected = await FollowCorrectionAsync(db, result, kind, threshold, previous, cancellationToken);
            if (corrected || kind is not { } raised || await db.Findings.AnyAsync(f => f.ResultId == result.Id, cancellationToken)) continue;
            db.Findings.Add(new Finding
            {
                ResultId = result.Id,
                SiteId = result.SiteId,
                DepartmentId = result.DepartmentId,
                StandardKey = result.StandardKey,
                PillarKey = result.PillarKey,
                PeriodStart = result.PeriodStart,
                PeriodKind = result.PeriodKind,
                Kind = raised,
                ScoreHundredths = result.ScoreHundredths,
                ThresholdHundredths = threshold,
                PreviousScoreHundredths = previous,
                RaisedAt = clock.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The threshold of every standard of the newest edition, by key.</summary>
    static Task<Dictionary<string, int>> CurrentThresholdsAsync(AppDbContext db, CancellationToken ct) =>
        db.PillarStandards.AsNoTracking()
            .Where(s => s.Pillar!.EditionId == db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).FirstOrDefault())
            .ToDictionaryAsync(s => s.Key, s => s.ThresholdHundredths, ct);

    static IQueryable<AuditResult> SamePlace(IQueryable<AuditResult> results, AuditResult result) =>
        results.Where(r => r.SiteId == result.SiteId && r.DepartmentId == result.DepartmentId && r.StandardKey == result.StandardKey);

    static IQueryable<Finding> SamePlace(IQueryable<Finding> findings, AuditResult result) =>
        findings.Where(f => f.SiteId == result.SiteId && f.DepartmentId == result.DepartmentId && f.StandardKey == result.StandardKey);

    async Task CloseEarlierAsync(AppDbContext db, AuditResult result, MeasuredScore measured, int threshold, CancellationToken ct)
    {
        if (!FindingRules.Meets(measured, threshold, options.Value)) return;
        var open = await SamePlace(db.Findings, result)
            .Where(f => (f.State == FindingState.Proposed || f.State == FindingState.Confirmed) && f.PeriodStart < result.PeriodStart)
            .ToListAsync(ct);
        foreach (var finding in open.Where(f => FindingRules.Closes(f.State, f.PeriodStart, result.PeriodStart, measured, threshold, options.Value)))
            Close(finding, result);
        if (open.Count > 0) await db.SaveChangesAsync(ct);
    }

    /// <summary>Re-judges the open finding raised by the result this one corrects; true when there was one.</summary>
    async Task<bool> FollowCorrectionAsync(AppDbContext db, AuditResult result, FindingKind? kind, int threshold, int? previous, CancellationToken ct)
    {
        var finding = await db.Findings
            .Where(f => db.AuditResults.Any(r => r.Id == f.ResultId && r.ReplacedById == result.Id))
            .FirstOrDefaultAsync(ct);
        if (finding is null) return false;
        if (FindingRules.IsOpen(finding.State))
        {
            if (kind is { } still)
            {
                finding.ResultId = result.Id;
                finding.Kind = still;
                finding.ScoreHundredths = result.ScoreHundredths;
                finding.ThresholdHundredths = threshold;
                finding.PreviousScoreHundredths = previous;
            }
            else Close(finding, result);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    void Close(Finding finding, AuditResult result)
    {
        finding.State = FindingState.Closed;
        finding.ClosedAt = clock.UtcNow;
        finding.ClosedByResultId = result.Id;
    }
}
