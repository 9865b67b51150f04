using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.ActionPlans;

/// <summary>A result as the plan page shows it: which period, the score, the customers' sample.</summary>
public sealed record PeriodScore(DateOnly PeriodStart, PeriodKind PeriodKind, int ScoreHundredths, int Sample);

/// <summary>
/// The finding's result next to the next period's for the same place and standard ("antes → después"). After is null
/// until that result arrives.
/// </summary>
public sealed record BeforeAfter(PeriodScore Before, int ThresholdHundredths, PeriodScore? After)
{
    public bool MetBefore => Before.ScoreHundredths >= ThresholdHundredths;
    /// <summary>The standard is met in the later period (null: not measured yet).</summary>
    public bool? MetAfter => After is null ? null : After.ScoreHundredths >= ThresholdHundredths;
    /// <summary>After minus before, in hundredths.</summary>
    public int? Change => After is null ? null : After.ScoreHundredths - Before.ScoreHundredths;

    /// <summary>
    /// The live results that can answer <paramref name="finding"/>: the same site or department, the same standard and
    /// kind of period, a later period, not replaced by a correction — earliest first, so the first is "the next period".
    /// One expression for the database and for lists in memory.
    /// </summary>
    public static IQueryable<AuditResult> Later(IQueryable<AuditResult> results, Finding finding) =>
        results.Where(r => r.ReplacedAt == null && r.StandardKey == finding.StandardKey && r.PeriodKind == finding.PeriodKind
                && r.PeriodStart > finding.PeriodStart && r.SiteId == finding.SiteId && r.DepartmentId == finding.DepartmentId)
            .OrderBy(r => r.PeriodStart);

    /// <summary>The comparison for <paramref name="finding"/> given the first of <see cref="Later"/> (or null) and the finding's own sample.</summary>
    public static BeforeAfter Of(Finding finding, int sample, AuditResult? next) => new(
        new PeriodScore(finding.PeriodStart, finding.PeriodKind, finding.ScoreHundredths, sample),
        finding.ThresholdHundredths,
        next is null ? null : new PeriodScore(next.PeriodStart, next.PeriodKind, next.ScoreHundredths, next.Sample));
}
