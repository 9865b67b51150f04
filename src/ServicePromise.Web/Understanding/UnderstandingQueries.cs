using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Understanding;

/// <summary>A current-edition pillar with a check, and every pillar (of any edition) whose check has the same shape: their answers count as answers to it.</summary>
public sealed record CheckedPillar(int PillarId, string Key, int Order, IReadOnlyList<int> SameCheckPillarIds);

/// <summary>
/// First tries at knowledge checks, counted in SQL over <see cref="CheckAnswer"/> rows. A person's first try at a pillar
/// is their earliest attempt at it (the lowest attempt id), in whichever assignment it was — a refresher's attempt is not a first try.
/// </summary>
public static class UnderstandingQueries
{
    /// <summary>The current edition's pillars that have a check, in order.</summary>
    public static async Task<IReadOnlyList<CheckedPillar>> CurrentCheckedPillarsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var currentId = await db.Editions.OrderByDescending(e => e.Number).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (currentId is null) return [];
        // A few rows per edition: compared in memory.
        var all = await db.Pillars.AsNoTracking().Where(p => p.HasCheck)
            .Select(p => new { p.Id, p.Key, p.Order, p.EditionId, Check = p.Texts.Where(t => t.Language == p.Edition!.DefaultLanguage).Select(t => t.CheckJson).FirstOrDefault() })
            .ToListAsync(ct);
        return all.Where(p => p.EditionId == currentId).OrderBy(p => p.Order).Select(p =>
        {
            var check = KnowledgeCheck.FromJson(p.Check);
            var same = all.Where(o => o.Key == p.Key && Content.ContentLoader.SameShape(check, KnowledgeCheck.FromJson(o.Check))).Select(o => o.Id).ToList();
            return new CheckedPillar(p.Id, p.Key, p.Order, same);
        }).ToList();
    }

    /// <summary>The rows of each person's first try at each of these pillars (by key).</summary>
    public static IQueryable<CheckAnswer> FirstTries(AppDbContext db, IReadOnlyCollection<int> pillarIds)
    {
        var rows = db.CheckAnswers.AsNoTracking().Where(a => pillarIds.Contains(a.PillarId));
        var firsts = rows.GroupBy(a => new { a.EmployeeId, a.PillarKey }).Select(g => g.Min(a => a.CheckAttemptId));
        return rows.Where(a => firsts.Contains(a.CheckAttemptId));
    }

    /// <summary>
    /// Per site, over all the current edition's pillars with a check: how many people have tried at least one check, and the
    /// share of their first tries (person × pillar) that passed, as a percentage 0–100 with one decimal (null: no tries).
    /// Not suppressed for small sites: the caller (HR) decides what to show.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, (int People, decimal? Rate)>> FirstTryPassRateBySiteAsync(AppDbContext db, CancellationToken ct)
    {
        var ids = (await CurrentCheckedPillarsAsync(db, ct)).SelectMany(p => p.SameCheckPillarIds).ToList();
        if (ids.Count == 0) return new Dictionary<int, (int, decimal?)>();
        // Every row of an attempt carries its result; question 0 exists in every attempt, so it stands for the attempt.
        var sites = await FirstTries(db, ids).Where(a => a.Question == 0)
            .Join(db.Employees, a => a.EmployeeId, e => e.Id, (a, e) => new { e.SiteId, a.EmployeeId, a.AttemptPassed })
            .Where(x => x.SiteId != null)
            .GroupBy(x => x.SiteId!.Value)
            .Select(g => new { Site = g.Key, People = g.Select(x => x.EmployeeId).Distinct().Count(), Tries = g.Count(), Passed = g.Count(x => x.AttemptPassed) })
            .ToListAsync(ct);
        return sites.ToDictionary(s => s.Site, s => (s.People, UnderstandingRules.Rate(s.Passed, s.Tries)));
    }
}
