using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.ActionPlans;

/// <summary>
/// A confirmed finding and its draft plan inserted directly, as the Findings feature leaves them: a site's result below
/// its standard, and a plan in Draft whose author is the site's manager. Each call uses its own standard key, so the
/// tests of one site do not share a plan.
/// </summary>
static class PlanSeed
{
    static int _next;

    public static readonly DateOnly October = new(2026, 10, 1);

    public sealed record Seeded(int PlanId, int FindingId, int SiteId, string StandardKey);

    public static Task<int> EmployeeIdAsync(this AppFactory app, string number) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Id).SingleAsync());

    /// <summary>A finding of October at <paramref name="authorNumber"/>'s site, 62,5 against 80, and its draft plan.</summary>
    public static Task<Seeded> PlanAsync(this AppFactory app, string authorNumber) => app.WithDbAsync(async db =>
    {
        var author = await db.Employees.SingleAsync(e => e.EmployeeNumber == authorNumber);
        var key = $"estandar-{Interlocked.Increment(ref _next)}";
        var now = DateTime.UtcNow;
        var batch = new AuditBatch { Kind = AuditBatchKind.Form, Rows = 1, RecordedAt = now };
        var result = new AuditResult
        {
            SiteId = author.SiteId, PeriodStart = October, PeriodKind = PeriodKind.Month, Source = "Cliente misterioso", StandardKey = key,
            PillarKey = "listen", ScoreHundredths = 6250, Sample = 12, Batch = batch, RecordedAt = now,
        };
        var finding = new Finding
        {
            Result = result, SiteId = author.SiteId, StandardKey = key, PillarKey = "listen", PeriodStart = October, PeriodKind = PeriodKind.Month,
            Kind = FindingKind.BelowThreshold, ScoreHundredths = 6250, ThresholdHundredths = 8000, RaisedAt = now, State = FindingState.Confirmed, DecidedAt = now,
        };
        var plan = new ActionPlan { Finding = finding, AuthorId = author.Id, CreatedAt = now, UpdatedAt = now };
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync();
        return new Seeded(plan.Id, finding.Id, author.SiteId!.Value, key);
    });

    /// <summary>A later month's live result for the same site and standard.</summary>
    public static Task AddResultAsync(this AppFactory app, Seeded seeded, DateOnly period, int scoreHundredths) => app.WithDbAsync(async db =>
    {
        db.AuditResults.Add(new AuditResult
        {
            SiteId = seeded.SiteId, PeriodStart = period, PeriodKind = PeriodKind.Month, Source = "Cliente misterioso", StandardKey = seeded.StandardKey,
            PillarKey = "listen", ScoreHundredths = scoreHundredths, Sample = 11, RecordedAt = DateTime.UtcNow,
            Batch = new AuditBatch { Kind = AuditBatchKind.Form, Rows = 1, RecordedAt = DateTime.UtcNow },
        });
        return await db.SaveChangesAsync();
    });

    public static Task<ActionPlan> ReadPlanAsync(this AppFactory app, int planId) =>
        app.WithDbAsync(db => db.ActionPlans.AsNoTracking().Include(p => p.Decisions).SingleAsync(p => p.Id == planId));
}
