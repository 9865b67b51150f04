using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Support;

/// <summary>
/// Service standards and audit results written straight into a site's database, for the features that read them
/// (the import that records them is tested on its own). Standards go on the current edition's pillars: the same
/// set on every site (<see cref="StandardsAsync"/>), because an edition's standards are read once and kept.
/// </summary>
public static class AuditSeed
{
    /// <summary>"Escucha antes de responder" (80) and "Saludo" (75) on the first pillar, "Resuelve" (80) on the second.</summary>
    public const string Listen = "escucha", Greet = "saludo", Solve = "resuelve";

    /// <summary>Gives the current edition the three standards above, once per site.</summary>
    public static async Task StandardsAsync(this AppFactory app)
    {
        if (await app.WithDbAsync(db => db.PillarStandards.AnyAsync(s => s.Key == Listen))) return;
        await app.StandardAsync(Listen, 8000, 0, "Escucha antes de responder");
        await app.StandardAsync(Greet, 7500, 0, "Saludamos en menos de 10 segundos");
        await app.StandardAsync(Solve, 8000, 1, "Resolvemos a la primera");
    }

    /// <summary>Adds a standard to the current edition's pillar number <paramref name="pillarIndex"/> (in order); returns that pillar's key.</summary>
    public static Task<string> StandardAsync(this AppFactory app, string key, int thresholdHundredths, int pillarIndex = 0, string? wording = null) =>
        app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).FirstAsync();
            var pillar = await db.Pillars.Where(p => p.EditionId == edition).OrderBy(p => p.Order).Skip(pillarIndex).FirstAsync();
            db.PillarStandards.Add(new PillarStandard
            {
                PillarId = pillar.Id, Key = key, Order = await db.PillarStandards.CountAsync(s => s.PillarId == pillar.Id), ThresholdHundredths = thresholdHundredths,
                Texts =
                [
                    new PillarStandardText { Language = "es", Wording = wording ?? $"Estándar {key}", Measured = "Cliente misterioso" },
                    new PillarStandardText { Language = "en", Wording = $"Standard {key}", Measured = "Mystery shopping" },
                ],
            });
            await db.SaveChangesAsync();
            return pillar.Key;
        });

    public static Task<int> SiteIdAsync(this AppFactory app, string name) =>
        app.WithDbAsync(db => db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>Records one live result (in a batch of its own) and returns it.</summary>
    public static Task<AuditResult> ResultAsync(this AppFactory app, int siteId, string key, DateOnly period, int scoreHundredths,
        PeriodKind kind = PeriodKind.Month, string? comment = null, string? shared = null) =>
        app.WithDbAsync(async db =>
        {
            var pillarKey = await db.PillarStandards.Where(s => s.Key == key).Select(s => s.Pillar!.Key).FirstAsync();
            var result = new AuditResult
            {
                SiteId = siteId, StandardKey = key, PillarKey = pillarKey, PeriodStart = period, PeriodKind = kind, Source = "Cliente misterioso Q-Shop",
                ScoreHundredths = scoreHundredths, Sample = 10, Comment = comment ?? shared, SharedComment = shared, SharedAt = shared is null ? null : DateTime.UtcNow,
                RecordedAt = DateTime.UtcNow, Batch = new AuditBatch { Kind = AuditBatchKind.Form, Rows = 1, RecordedAt = DateTime.UtcNow },
            };
            db.AuditResults.Add(result);
            await db.SaveChangesAsync();
            return result;
        });

    /// <summary>Corrects a result: the old row is marked replaced by a new live one with <paramref name="scoreHundredths"/>.</summary>
    public static async Task<AuditResult> CorrectAsync(this AppFactory app, AuditResult old, int scoreHundredths, string? shared = null)
    {
        await app.WithDbAsync(db => db.AuditResults.Where(r => r.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReplacedAt, DateTime.UtcNow).SetProperty(r => r.ReplacedById, old.Id)));
        var replacement = await app.ResultAsync(old.SiteId!.Value, old.StandardKey, old.PeriodStart, scoreHundredths, old.PeriodKind, shared: shared);
        await app.WithDbAsync(db => db.AuditResults.Where(r => r.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReplacedById, replacement.Id)));
        return replacement;
    }

    /// <summary>
    /// A finding HR confirmed on <paramref name="result"/>, with a targeted refresher of its pillar for the people given
    /// by employee number (done or not). Their current assignment stays as it was.
    /// </summary>
    public static Task<Finding> ConfirmedFindingAsync(this AppFactory app, AuditResult result, params (string Number, bool Done)[] people) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var finding = new Finding
            {
                ResultId = result.Id, SiteId = result.SiteId, StandardKey = result.StandardKey, PillarKey = result.PillarKey, PeriodStart = result.PeriodStart,
                PeriodKind = result.PeriodKind, Kind = FindingKind.BelowThreshold, ScoreHundredths = result.ScoreHundredths,
                ThresholdHundredths = await db.PillarStandards.Where(s => s.Key == result.StandardKey).Select(s => s.ThresholdHundredths).FirstAsync(),
                RaisedAt = now, State = FindingState.Confirmed, DecidedAt = now, RefresherDueOn = DateOnly.FromDateTime(now).AddDays(14),
            };
            var edition = await db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).FirstAsync();
            foreach (var (number, done) in people)
            {
                var employee = await db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Id).SingleAsync();
                db.Assignments.Add(new Web.Learning.Assignment
                {
                    EmployeeId = employee, EditionId = edition, Reason = Web.Learning.AssignmentReason.Finding, Finding = finding,
                    AssignedAt = now, DueOn = finding.RefresherDueOn.Value, CompletedAt = done ? now : null,
                });
            }
            db.Findings.Add(finding);
            await db.SaveChangesAsync();
            return finding;
        });

    /// <summary>Removes every finding, its refreshers and every audit result, so the next test of a shared site starts from none (the standards stay).</summary>
    public static Task ClearResultsAsync(this AppFactory app) => app.WithDbAsync(async db =>
    {
        await db.ActionPlanDecisions.ExecuteDeleteAsync();
        await db.ActionPlans.ExecuteDeleteAsync();
        await db.AssignmentPillars.Where(p => p.Assignment!.FindingId != null).ExecuteDeleteAsync();
        await db.Assignments.Where(a => a.FindingId != null).ExecuteDeleteAsync();
        await db.Findings.ExecuteDeleteAsync();
        await db.AuditResults.Where(r => r.ReplacedAt != null).ExecuteDeleteAsync();
        await db.AuditResults.ExecuteDeleteAsync();
        return await db.AuditBatches.ExecuteDeleteAsync();
    });
}
