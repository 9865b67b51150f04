using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Measurement.Overview;

/// <summary>A standard as its latest edition declares it, in the reader's language.</summary>
public sealed record StandardInfo(string Key, string PillarKey, int ThresholdHundredths, string Wording, string Measured, int Order);

/// <summary>A pillar column of the heat map, in the latest edition's order (pillars measured but since removed come last, by key).</summary>
public sealed record PillarColumn(string Key, string Title);

/// <summary>What the heat map reads once per request: the columns and every standard's latest definition.</summary>
public sealed record Standards(IReadOnlyList<PillarColumn> Pillars, IReadOnlyDictionary<string, StandardInfo> ByKey)
{
    public StandardScore Score(string standardKey, int scoreHundredths) =>
        new(standardKey, scoreHundredths, ByKey.GetValueOrDefault(standardKey)?.ThresholdHundredths);

    /// <summary>The pillar's title, or its key when no edition names it any more.</summary>
    public string Title(string pillarKey) => Pillars.FirstOrDefault(p => p.Key == pillarKey)?.Title ?? pillarKey;
}

/// <summary>One site's row: each pillar's cell, the mean of all its results, and its people's completion and understanding.</summary>
public sealed record SiteRow(int SiteId, string Name, IReadOnlyDictionary<string, PillarCell> Cells, int? MeanHundredths)
{
    /// <summary>The row's weakest gap (for worst-first order); sites without a comparable result sort last.</summary>
    public int WorstGap => Cells.Values.Select(c => c.Weakest.Gap).OfType<int>().DefaultIfEmpty(int.MaxValue).Min();
}

/// <summary>How many findings are in each state.</summary>
public sealed record FindingCounts(int Proposed, int Confirmed, int Dismissed, int Closed)
{
    public int Open => Proposed + Confirmed;
}

/// <summary>
/// One finding's targeted refresher: the active people whose current assignment it is, how many completed it and how
/// many are late — the same people the completion list shows for <c>?finding={FindingId}</c>.
/// </summary>
public sealed record RefresherRow(int FindingId, string? Site, string PillarKey, ShownPeriod Period, FindingState State, int People, int Completed, int Overdue);

/// <summary>
/// The Medición overview's reads. Each is one query that aggregates or reads one period's rows (a few thousand at 250
/// sites), never a query per site: the page costs the same handful of round trips at any size.
/// </summary>
public static class OverviewQueries
{
    public static IQueryable<AuditResult> LiveAtSites(AppDbContext db) => db.AuditResults.AsNoTracking().Where(r => r.ReplacedAt == null && r.SiteId != null);

    /// <summary>Every period with a live site result, latest first (a month before the quarter that starts with it).</summary>
    public static async Task<IReadOnlyList<ShownPeriod>> PeriodsAsync(AppDbContext db, CancellationToken ct) =>
        (await LiveAtSites(db).Select(r => new { r.PeriodKind, r.PeriodStart }).Distinct().ToListAsync(ct))
            .Select(p => new ShownPeriod(p.PeriodKind, p.PeriodStart))
            .OrderByDescending(p => p.Start).ThenBy(p => p.Kind).ToList();

    /// <summary>The period asked for when it has results, else the latest (null: nothing recorded yet).</summary>
    public static ShownPeriod? Choose(IReadOnlyList<ShownPeriod> periods, string? asked) =>
        ShownPeriod.Parse(asked) is ShownPeriod period && periods.Contains(period) ? period : periods.Count > 0 ? periods[0] : null;

    /// <summary>Each standard's latest definition and the pillar columns, titled in <paramref name="language"/>.</summary>
    public static async Task<Standards> StandardsAsync(AppDbContext db, string language, CancellationToken ct)
    {
        var declared = await db.PillarStandards.AsNoTracking()
            .Select(s => new
            {
                s.Key, s.ThresholdHundredths, s.Order, PillarKey = s.Pillar!.Key, Edition = s.Pillar.Edition!.Number, s.Pillar.Edition.DefaultLanguage,
                Texts = s.Texts.Select(t => new { t.Language, t.Wording, t.Measured }).ToList(),
            })
            .ToListAsync(ct);
        var byKey = declared.GroupBy(s => s.Key).Select(g => g.MaxBy(s => s.Edition)!)
            .Select(s =>
            {
                var text = s.Texts.Count == 0 ? null : s.Texts.InLanguage(t => t.Language, language, s.Texts.Any(t => t.Language == s.DefaultLanguage) ? s.DefaultLanguage : s.Texts[0].Language);
                return new StandardInfo(s.Key, s.PillarKey, s.ThresholdHundredths, text?.Wording ?? s.Key, text?.Measured ?? "", s.Order);
            })
            .ToDictionary(s => s.Key, StringComparer.Ordinal);
        var latest = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.DefaultLanguage, Pillars = e.Pillars.OrderBy(p => p.Order).Select(p => new { p.Key, Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList() }).ToList() })
            .FirstOrDefaultAsync(ct);
        var pillars = latest?.Pillars.Select(p => new PillarColumn(p.Key, p.Texts.InLanguage(t => t.Language, language, latest.DefaultLanguage).Title)).ToList() ?? [];
        return new Standards(pillars, byKey);
    }

    /// <summary>The period's live results at the sites (optionally one site), as scores against today's thresholds.</summary>
    static async Task<List<(int SiteId, string PillarKey, StandardScore Score)>> ScoresAsync(AppDbContext db, ShownPeriod period, Standards standards, int? siteId, CancellationToken ct)
    {
        var query = LiveAtSites(db).Where(r => r.PeriodKind == period.Kind && r.PeriodStart == period.Start);
        if (siteId is int id) query = query.Where(r => r.SiteId == id);
        var rows = await query.Select(r => new { SiteId = r.SiteId!.Value, r.PillarKey, r.StandardKey, r.ScoreHundredths }).ToListAsync(ct);
        return rows.Select(r => (r.SiteId, r.PillarKey, standards.Score(r.StandardKey, r.ScoreHundredths))).ToList();
    }

    /// <summary>Every site measured in the period, worst first (its weakest gap), then by name.</summary>
    public static async Task<IReadOnlyList<SiteRow>> SitesAsync(AppDbContext db, ShownPeriod period, Standards standards, CancellationToken ct, int? siteId = null)
    {
        var scores = await ScoresAsync(db, period, standards, siteId, ct);
        var ids = scores.Select(s => s.SiteId).Distinct().ToList();
        var names = await db.Sites.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return scores.GroupBy(s => s.SiteId)
            .Select(site => new SiteRow(site.Key, names.GetValueOrDefault(site.Key) ?? "—",
                site.GroupBy(s => s.PillarKey).Select(p => HeatMap.Cell(p.Key, p.Select(s => s.Score))!).ToDictionary(c => c.PillarKey),
                HeatMap.MeanHundredths(site.Select(s => s.Score))))
            .OrderBy(r => r.WorstGap).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.SiteId)
            .ToList();
    }

    /// <summary>The columns to draw: the latest edition's pillars, then any other pillar measured in these rows.</summary>
    public static IReadOnlyList<PillarColumn> Columns(Standards standards, IEnumerable<SiteRow> rows)
    {
        var known = standards.Pillars.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var measured = rows.SelectMany(r => r.Cells.Keys).ToHashSet(StringComparer.Ordinal);
        return standards.Pillars.Where(p => measured.Contains(p.Key))
            .Concat(measured.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).Select(k => new PillarColumn(k, k)))
            .ToList();
    }

    public static async Task<FindingCounts> FindingCountsAsync(AppDbContext db, CancellationToken ct)
    {
        var counts = await db.Findings.AsNoTracking().GroupBy(f => f.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new FindingCounts(counts.GetValueOrDefault(FindingState.Proposed), counts.GetValueOrDefault(FindingState.Confirmed),
            counts.GetValueOrDefault(FindingState.Dismissed), counts.GetValueOrDefault(FindingState.Closed));
    }

    /// <summary>
    /// Each finding's refresher, counted on the people who carry it as their current assignment (as every other
    /// completion figure is), most recent finding first.
    /// </summary>
    public static async Task<IReadOnlyList<RefresherRow>> RefreshersAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var (completed, overdue) = (CompletionRules.CurrentStatusIs(AssignmentStatus.Completed, today), CompletionRules.CurrentStatusIs(AssignmentStatus.Overdue, today));
        var counts = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.CurrentAssignment!.FindingId != null)
            .GroupBy(e => e.CurrentAssignment!.FindingId!.Value)
            .Select(g => new { FindingId = g.Key, People = g.Count(), Completed = g.AsQueryable().Count(completed), Overdue = g.AsQueryable().Count(overdue) })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.FindingId).ToList();
        var findings = await db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, Site = f.Site != null ? f.Site.Name : f.Department != null ? f.Department.Name : null, f.PillarKey, f.PeriodKind, f.PeriodStart, f.State })
            .ToDictionaryAsync(f => f.Id, ct);
        return counts.Where(c => findings.ContainsKey(c.FindingId)).OrderByDescending(c => c.FindingId)
            .Select(c =>
            {
                var f = findings[c.FindingId];
                return new RefresherRow(c.FindingId, f.Site, f.PillarKey, new ShownPeriod(f.PeriodKind, f.PeriodStart), f.State, c.People, c.Completed, c.Overdue);
            })
            .ToList();
    }
}
