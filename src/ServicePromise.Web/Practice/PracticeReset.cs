using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Practice;

/// <summary>
/// What a newly published edition does to everyone's schedule, set-based (no person is loaded): a pillar changed in
/// substance (or new, or gone) starts again — its rows and its unanswered questions go, and its new questions enter
/// gradually; an editorial or no change keeps the rows, dropping only questions past the end of the new pool.
/// Answers already given stay: they are the person's history and their knowledge kept.
/// </summary>
public sealed class PracticeReset(AppDbContext db, MarkdownRenderer markdown)
{
    public async Task ApplyAsync(Edition edition, CancellationToken ct = default)
    {
        var published = await PublishedEditions.ReadAsync(db, markdown, edition.Id, ct);
        var kinds = await db.Pillars.AsNoTracking().Where(p => p.EditionId == edition.Id).ToDictionaryAsync(p => p.Key, p => p.ChangeKind, ct);
        var pool = PracticePool.Of(published);
        var keys = pool.Select(p => p.Key).ToList();
        await db.PracticeItems.Where(i => !keys.Contains(i.PillarKey)).ExecuteDeleteAsync(ct);
        await db.PracticeAnswers.Where(a => a.AnsweredAt == null && !keys.Contains(a.PillarKey)).ExecuteDeleteAsync(ct);
        foreach (var pillar in pool)
        {
            var restart = PracticeSchedule.ResetFor(kinds[pillar.Key]) == PillarReset.Restart;
            var first = restart ? 0 : pillar.Questions;
            await db.PracticeItems.Where(i => i.PillarKey == pillar.Key && i.Question >= first).ExecuteDeleteAsync(ct);
            await db.PracticeAnswers.Where(a => a.AnsweredAt == null && a.PillarKey == pillar.Key && a.Question >= first).ExecuteDeleteAsync(ct);
        }
    }
}
