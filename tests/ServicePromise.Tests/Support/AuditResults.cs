using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Web.Content;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Support;

/// <summary>Audit data for tests: a standard on a pillar of the current edition, and results recorded as an import records them (then the listeners).</summary>
public static class AuditResults
{
    public const string Standard = "escucha-antes";
    public const string Wording = "Escucha antes de responder";
    public const string EnglishWording = "Listen before you answer";

    /// <summary>Adds the standard (threshold 80) to the current edition's first pillar; returns that pillar's key.</summary>
    public static Task<string> SeedStandardAsync(this AppFactory app, int thresholdHundredths = 8000) => app.WithDbAsync(async db =>
    {
        var pillar = await db.Pillars.Where(p => p.EditionId == db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).First())
            .OrderBy(p => p.Order).FirstAsync();
        db.PillarStandards.Add(new PillarStandard
        {
            PillarId = pillar.Id, Key = Standard, Order = 1, ThresholdHundredths = thresholdHundredths,
            Texts =
            [
                new PillarStandardText { Language = "es", Wording = Wording, Measured = "Cliente misterioso" },
                new PillarStandardText { Language = "en", Wording = EnglishWording, Measured = "Mystery shopper" },
            ],
        });
        await db.SaveChangesAsync();
        return pillar.Key;
    });

    /// <summary>Records one live result (replacing the live one of the same place and period, as a correction does) and tells the listeners.</summary>
    public static Task<int> RecordAsync(this AppFactory app, string site, DateOnly month, int scoreHundredths, int sample = 10, string? comment = null, string pillarKey = "") =>
        app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var siteId = await db.Sites.Where(s => s.Name == site).Select(s => s.Id).SingleAsync();
            var batch = new AuditBatch { Kind = AuditBatchKind.Form, Rows = 1, RecordedAt = DateTime.UtcNow };
            var before = await db.AuditResults.SingleOrDefaultAsync(r => r.SiteId == siteId && r.StandardKey == Standard && r.PeriodStart == month && r.ReplacedAt == null);
            var result = new AuditResult
            {
                SiteId = siteId, PeriodStart = month, PeriodKind = PeriodKind.Month, Source = "Cliente misterioso", StandardKey = Standard,
                PillarKey = pillarKey, ScoreHundredths = scoreHundredths, Sample = sample, Comment = comment, Batch = batch, RecordedAt = DateTime.UtcNow,
            };
            if (before is not null)
            {
                // One live row per place and period, and a replaced row names its correction: the old row steps aside
                // (pointing at itself for a moment), the correction goes in, then the old row points at it.
                before.ReplacedAt = DateTime.UtcNow;
                before.ReplacedById = before.Id;
                await db.SaveChangesAsync();
            }
            db.AuditResults.Add(result);
            await db.SaveChangesAsync();
            if (before is not null)
            {
                before.ReplacedById = result.Id;
                await db.SaveChangesAsync();
            }
            using var scope = app.Services.CreateScope();
            foreach (var listener in scope.ServiceProvider.GetServices<IAuditResultsListener>())
                await listener.ResultsRecordedAsync(db, [result], default);
            await transaction.CommitAsync();
            return result.Id;
        });
}
