using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Practice;

/// <summary>Which of a cell's dimensions it is grouped by (the others mean "everyone"): a bit each, 0 the whole organisation.</summary>
[Flags]
public enum KeptGrouping { None = 0, Pillar = 1, Department = 2, Site = 4 }

/// <summary>
/// One counted group of HR's "knowledge kept": the answers of the window grouped by <see cref="Grouping"/>'s dimensions
/// (a null there is the people without one, e.g. no site). Counted together, so every breakdown and drill-down reads a
/// handful of rows instead of millions of answers; <see cref="CountedAt"/> says when.
/// </summary>
public sealed class KnowledgeCell
{
    public int Id { get; set; }
    public DateTime CountedAt { get; set; }
    public KeptGrouping Grouping { get; set; }
    public string? PillarKey { get; set; }
    public int? DepartmentId { get; set; }
    public int? SiteId { get; set; }
    public int People { get; set; }
    public int Answered { get; set; }
    public int Right { get; set; }
}

/// <summary>
/// Counts HR's "knowledge kept" into <see cref="KnowledgeCell"/>s: one GROUP BY per combination of pillar, department and
/// site (eight), each answered by the database, so only the groups come back — never the answers or the people. The page
/// recounts when the cells are older than <see cref="PracticeOptions.KnowledgeMaxAgeMinutes"/>, and the hourly weekly
/// job keeps them fresh so a visit rarely waits for it.
/// </summary>
public sealed class KnowledgeCells(AppDbContext db, OrganisationClock clock, IOptions<PracticeOptions> options)
{
    static readonly KeptGrouping[] Groupings = Enumerable.Range(0, 8).Select(i => (KeptGrouping)i).ToArray();

    /// <summary>When the cells were last counted; null: never.</summary>
    public Task<DateTime?> CountedAtAsync(CancellationToken ct = default) =>
        db.KnowledgeCells.AsNoTracking().Where(c => c.Grouping == KeptGrouping.None).Select(c => (DateTime?)c.CountedAt).MaxAsync(ct);

    /// <summary>Counts again when the cells are older than the setting (or were never counted); returns when they were counted.</summary>
    public async Task<DateTime> FreshAsync(CancellationToken ct = default)
    {
        var counted = await CountedAtAsync(ct);
        if (counted is { } at && clock.UtcNow - at < TimeSpan.FromMinutes(options.Value.KnowledgeMaxAgeMinutes)) return at;
        return await CountAsync(ct);
    }

    /// <summary>Counts every cell anew and replaces the old ones in one transaction (a reader sees the old or the new set).</summary>
    public async Task<DateTime> CountAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var since = now.AddDays(-options.Value.KeptDays);
        var cells = new List<KnowledgeCell>();
        foreach (var grouping in Groupings) cells.AddRange(await CountAsync(grouping, since, now, ct));
        // The whole organisation always has its cell, even with no answers: it is also the mark of when counting happened.
        if (!cells.Any(c => c.Grouping == KeptGrouping.None)) cells.Add(new KnowledgeCell { CountedAt = now, Grouping = KeptGrouping.None });
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.KnowledgeCells.ExecuteDeleteAsync(ct);
        db.KnowledgeCells.AddRange(cells);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return now;
    }

    async Task<List<KnowledgeCell>> CountAsync(KeptGrouping grouping, DateTime since, DateTime now, CancellationToken ct)
    {
        bool pillar = grouping.HasFlag(KeptGrouping.Pillar), department = grouping.HasFlag(KeptGrouping.Department), site = grouping.HasFlag(KeptGrouping.Site);
        var rows = await db.PracticeAnswers.AsNoTracking().Where(a => a.AnsweredAt >= since)
            .Join(db.Employees, a => a.EmployeeId, e => e.Id, (a, e) => new { a.EmployeeId, a.PillarKey, a.Right, e.DepartmentId, e.SiteId })
            .GroupBy(x => new
            {
                PillarKey = pillar ? x.PillarKey : null,
                DepartmentId = department ? x.DepartmentId : null,
                SiteId = site ? x.SiteId : null,
            })
            .Select(g => new { g.Key.PillarKey, g.Key.DepartmentId, g.Key.SiteId, People = g.Select(x => x.EmployeeId).Distinct().Count(), Answered = g.Count(), Right = g.Count(x => x.Right) })
            .ToListAsync(ct);
        return rows.Select(r => new KnowledgeCell
        {
            CountedAt = now, Grouping = grouping, PillarKey = r.PillarKey, DepartmentId = r.DepartmentId, SiteId = r.SiteId,
            People = r.People, Answered = r.Answered, Right = r.Right,
        }).ToList();
    }

    /// <summary>
    /// The cells within the filters (each given dimension fixed to its value), grouped by <paramref name="by"/> as well
    /// (null: the filtered whole, one cell or none).
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeCell>> WithinAsync(KeptBy? by, int? department, int? site, string? pillar, CancellationToken ct = default)
    {
        var grouping = (pillar is not null ? KeptGrouping.Pillar : 0) | (department is not null ? KeptGrouping.Department : 0) | (site is not null ? KeptGrouping.Site : 0)
            | by switch { KeptBy.Pillar => KeptGrouping.Pillar, KeptBy.Department => KeptGrouping.Department, KeptBy.Site => KeptGrouping.Site, _ => 0 };
        var cells = db.KnowledgeCells.AsNoTracking().Where(c => c.Grouping == grouping);
        if (pillar is not null) cells = cells.Where(c => c.PillarKey == pillar);
        if (department is int d) cells = cells.Where(c => c.DepartmentId == d);
        if (site is int s) cells = cells.Where(c => c.SiteId == s);
        return await cells.ToListAsync(ct);
    }
}
