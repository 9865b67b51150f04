using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Practice;

/// <summary>How HR's "knowledge kept" groups the answers.</summary>
public enum KeptBy { Pillar, Department, Site }

/// <summary>One group's answers of the last days: how many people answered, how many answers, how many right.</summary>
/// <param name="Key">What drills down to the group (a pillar key, a department or site id); null: the people without one.</param>
public sealed record KeptTally(string? Key, string? Name, int People, int Answered, int Right)
{
    public int? Percent => PracticeSchedule.KeptPercent(Right, Answered);
}

/// <summary>
/// "Knowledge kept": the share of right weekly answers in the last <see cref="PracticeOptions.KeptDays"/> days, counted in
/// SQL (GROUP BY) for a person and a manager's direct reports, and read from the counted cells for HR's breakdowns.
/// </summary>
public sealed class KnowledgeKept(AppDbContext db, OrganisationClock clock, IOptions<PracticeOptions> options, KnowledgeCells cells)
{
    /// <summary>The start of the window: answers at or after it count.</summary>
    public DateTime Since => clock.UtcNow.AddDays(-options.Value.KeptDays);

    IQueryable<PracticeAnswer> Recent() { var since = Since; return db.PracticeAnswers.AsNoTracking().Where(a => a.AnsweredAt >= since); }

    /// <summary>One person's answers (the record page; the home reads it with its card in one query).</summary>
    public async Task<KeptTally> OfPersonAsync(int employeeId, CancellationToken ct = default)
    {
        var rows = await Recent().Where(a => a.EmployeeId == employeeId).GroupBy(a => 1)
            .Select(g => new { Answered = g.Count(), Right = g.Count(a => a.Right) }).SingleOrDefaultAsync(ct);
        return new KeptTally(null, null, rows is null ? 0 : 1, rows?.Answered ?? 0, rows?.Right ?? 0);
    }

    /// <summary>Each direct report of the manager with answers (only them: never anyone else's people), by name.</summary>
    public async Task<IReadOnlyList<KeptTally>> OfTeamAsync(int managerId, CancellationToken ct = default)
    {
        var rows = await Recent().Join(db.Employees.Where(e => e.ManagerId == managerId && e.IsActive), a => a.EmployeeId, e => e.Id, (a, e) => new { e.Id, e.FullName, a.Right })
            .GroupBy(x => new { x.Id, x.FullName })
            .Select(g => new { g.Key.Id, g.Key.FullName, Answered = g.Count(), Right = g.Count(x => x.Right) }).ToListAsync(ct);
        return rows.OrderBy(r => r.FullName, StringComparer.CurrentCulture)
            .Select(r => new KeptTally(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.FullName, 1, r.Answered, r.Right)).ToList();
    }

    /// <summary>
    /// Everyone's answers grouped for HR, optionally within one department, site or pillar (the drill-down), read from the
    /// counted <see cref="KnowledgeCell"/>s (<see cref="KnowledgeCells.FreshAsync"/> first).
    /// </summary>
    public async Task<IReadOnlyList<KeptTally>> ByAsync(KeptBy by, int? department = null, int? site = null, string? pillar = null, CancellationToken ct = default)
    {
        var counted = await cells.WithinAsync(by, department, site, pillar, ct);
        if (by == KeptBy.Pillar) return counted.Select(c => new KeptTally(c.PillarKey, c.PillarKey, c.People, c.Answered, c.Right)).ToList();
        var names = by == KeptBy.Department
            ? await db.Departments.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct)
            : await db.Sites.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return counted.Select(c => by == KeptBy.Department ? c.DepartmentId : c.SiteId)
            .Zip(counted, (id, c) => new KeptTally(id?.ToString(System.Globalization.CultureInfo.InvariantCulture), id is int key ? names.GetValueOrDefault(key) : null, c.People, c.Answered, c.Right))
            .OrderBy(g => g.Name is null).ThenBy(g => g.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Everyone within the filters as one group (a person counts once however many pillars they answered).</summary>
    public async Task<KeptTally> OverallAsync(int? department = null, int? site = null, string? pillar = null, CancellationToken ct = default)
    {
        var cell = (await cells.WithinAsync(null, department, site, pillar, ct)).SingleOrDefault();
        return new KeptTally(null, null, cell?.People ?? 0, cell?.Answered ?? 0, cell?.Right ?? 0);
    }
}
