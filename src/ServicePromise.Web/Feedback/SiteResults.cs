using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Feedback;

/// <summary>One period of a standard at a site (a live result).</summary>
public sealed record ResultPoint(DateOnly PeriodStart, PeriodKind PeriodKind, int ScoreHundredths, int Sample, string Source);

/// <summary>A standard's latest result at a site against its threshold, with the periods before it (oldest first, the latest last).</summary>
public sealed record StandardResult(string Key, string Wording, int ThresholdHundredths, IReadOnlyList<ResultPoint> Trend)
{
    public ResultPoint Latest => Trend[^1];
    public bool Met => SiteResults.Meets(Latest.ScoreHundredths, ThresholdHundredths);
}

public sealed record PillarResults(string Key, string Title, IReadOnlyList<StandardResult> Standards);

/// <summary>A customer's comment as HR chose to share it, with the period and standard it came with.</summary>
public sealed record SharedComment(string Text, DateOnly PeriodStart, PeriodKind PeriodKind, string StandardWording);

/// <summary>How one site is doing against the current edition's standards: what staff of that site are shown.</summary>
public sealed record SiteResultsView(int SiteId, string SiteName, IReadOnlyList<PillarResults> Pillars, IReadOnlyList<SharedComment> Comments);

/// <summary>
/// How a site is doing: per standard of an edition, the latest live result, the trend over the last
/// <see cref="Periods"/> periods of the same kind, and the last <see cref="Comments"/> comments HR shared on those
/// periods. Only the given site's rows are read, in one query whatever the number of standards (the newest periods
/// per standard and kind picked by the database through the live-result index, each row with its shared comment and
/// the site's name); the standards' texts come from <see cref="EditionStandards"/>, in memory. An employee's home
/// passes the edition of their own assignment, so it costs that one query more.
/// </summary>
public sealed class SiteResults(AppDbContext db, EditionStandards standards)
{
    public const int Periods = 6;
    public const int Comments = 3;

    /// <summary>A result meets its standard at or above the threshold (a tie meets it).</summary>
    public static bool Meets(int scoreHundredths, int thresholdHundredths) => scoreHundredths >= thresholdHundredths;

    /// <summary>The results of <paramref name="employeeId"/>'s own site against <paramref name="edition"/>'s standards; null when the person has no site or it has no result.</summary>
    public async Task<SiteResultsView?> ForEmployeeAsync(int employeeId, (int Id, string ContentHash) edition, CancellationToken ct = default)
    {
        var site = db.Employees.Where(e => e.Id == employeeId).Select(e => e.SiteId);
        var rows = await Window(db, db.AuditResults.Where(r => r.SiteId == site.FirstOrDefault())).ToListAsync(ct);
        return rows.Count == 0 ? null : View(rows, await standards.GetAsync(db, edition.Id, edition.ContentHash, ct));
    }

    /// <summary>
    /// The site a manager's Mi equipo shows: the manager's own site; for a manager without one, the site most of their
    /// active direct reports work at (ties: the lower id, so the page does not change between visits).
    /// </summary>
    public async Task<int?> SiteOfManagerAsync(int managerId, CancellationToken ct = default) =>
        await db.Employees.AsNoTracking().Where(e => e.Id == managerId).Select(e => e.SiteId).FirstOrDefaultAsync(ct)
        ?? await db.Employees.AsNoTracking().Where(e => e.ManagerId == managerId && e.IsActive && e.SiteId != null)
            .GroupBy(e => e.SiteId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefaultAsync(ct);

    /// <summary>The site's results against the current edition's standards in the reader's language (<see cref="CultureInfo.CurrentUICulture"/>); null when it has none.</summary>
    public async Task<SiteResultsView?> ForSiteAsync(int siteId, CancellationToken ct = default)
    {
        var rows = await Window(db, db.AuditResults.Where(r => r.SiteId == siteId)).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var current = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => new { e.Id, e.ContentHash }).FirstOrDefaultAsync(ct);
        return current is null ? null : View(rows, await standards.GetAsync(db, current.Id, current.ContentHash, ct));
    }

    static SiteResultsView? View(List<ResultRow> rows, StandardsOfEdition edition)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var shown = rows.Where(r => edition.Of(r.StandardKey) is not null).ToList();
        var byStandard = shown.GroupBy(r => r.StandardKey).ToDictionary(g => g.Key, g => TrendOf(g.Select(r => r.Point)));
        var pillars = edition.All.Where(s => byStandard.ContainsKey(s.Key)).GroupBy(s => s.PillarKey)
            .Select(g => new PillarResults(g.Key, edition.In(g.First().PillarTitles, language),
                g.Select(s => new StandardResult(s.Key, edition.In(s.Wordings, language), s.ThresholdHundredths, byStandard[s.Key])).ToList()))
            .ToList();
        if (pillars.Count == 0) return null;
        var comments = shown.Where(r => r.SharedComment is not null)
            .OrderByDescending(r => r.Point.PeriodStart).ThenByDescending(r => r.SharedAt).ThenByDescending(r => r.Id).Take(Comments)
            .Select(r => new SharedComment(r.SharedComment!, r.Point.PeriodStart, r.Point.PeriodKind, edition.In(edition.Of(r.StandardKey)!.Wordings, language)))
            .ToList();
        return new SiteResultsView(rows[0].SiteId, rows[0].SiteName, pillars, comments);
    }

    public sealed record ResultRow(int Id, int SiteId, string SiteName, string StandardKey, ResultPoint Point, string? SharedComment, DateTime? SharedAt);

    /// <summary>
    /// The newest <see cref="Periods"/> live results of each standard and kind at the site of <paramref name="atSite"/>,
    /// chosen in SQL: a row is kept when fewer than that many newer live rows of its standard and kind exist — a count
    /// the live-result index answers by itself (site, no department, standard, kind, period), on SQLite and PostgreSQL alike.
    /// </summary>
    public static IQueryable<ResultRow> Window(AppDbContext db, IQueryable<AuditResult> atSite) => atSite.AsNoTracking()
        .Where(r => r.SiteId != null && r.ReplacedAt == null
            && db.AuditResults.Count(o => o.SiteId == r.SiteId && o.DepartmentId == null && o.ReplacedAt == null
                && o.StandardKey == r.StandardKey && o.PeriodKind == r.PeriodKind && o.PeriodStart > r.PeriodStart) < Periods)
        .Select(r => new ResultRow(r.Id, r.SiteId!.Value, r.Site!.Name, r.StandardKey,
            new ResultPoint(r.PeriodStart, r.PeriodKind, r.ScoreHundredths, r.Sample, r.Source), r.SharedComment, r.SharedAt));

    /// <summary>The current edition's pillar titles and standard wordings in the reader's language, by key.</summary>
    public async Task<StandardsText> CurrentTextsAsync(CancellationToken ct = default)
    {
        var current = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => new { e.Id, e.ContentHash }).FirstOrDefaultAsync(ct);
        if (current is null) return new StandardsText(new Dictionary<string, string>(), new Dictionary<string, string>());
        var edition = await standards.GetAsync(db, current.Id, current.ContentHash, ct);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return new StandardsText(
            edition.All.GroupBy(s => s.PillarKey).ToDictionary(g => g.Key, g => edition.In(g.First().PillarTitles, language)),
            edition.All.ToDictionary(s => s.Key, s => edition.In(s.Wordings, language)));
    }

    /// <summary>
    /// A standard's trend: the periods of the kind of its newest result (a month and a quarter starting the same day:
    /// the month, the finer one), oldest first.
    /// </summary>
    public static IReadOnlyList<ResultPoint> TrendOf(IEnumerable<ResultPoint> points)
    {
        var all = points.ToList();
        var kind = all.OrderByDescending(p => p.PeriodStart).ThenBy(p => p.PeriodKind).First().PeriodKind;
        return all.Where(p => p.PeriodKind == kind).OrderBy(p => p.PeriodStart).TakeLast(Periods).ToList();
    }
}
