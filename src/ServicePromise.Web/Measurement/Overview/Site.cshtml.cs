using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Measurement.Overview;

/// <summary>One standard's result at the site in the shown period, with its earlier periods and the finding it raised.</summary>
public sealed record StandardDetail(StandardScore Score, string Wording, string Measured, int Sample, string Source, string? Comment,
    int? FindingId, IReadOnlyList<(ShownPeriod Period, int ScoreHundredths)> Earlier);

/// <summary>One pillar at the site: the heat map's cell (the same rule, the same numbers) and every standard behind it.</summary>
public sealed record PillarDetail(string Key, string Title, PillarCell Cell, IReadOnlyList<StandardDetail> Standards);

/// <summary>
/// The drill-down of the Medición overview: one site (optionally one pillar) in one period — each standard's score,
/// sample, source, threshold, the last periods and the customers' own words (HR sees them as they came).
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class SiteModel(AppDbContext db) : PageModel
{
    /// <summary>How many earlier periods of the same kind each standard shows.</summary>
    public const int EarlierPeriods = 5;

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "pillar")] public string? PillarKey { get; set; }

    public string SiteName { get; private set; } = "";
    public int SiteId { get; private set; }
    public ShownPeriod? Period { get; private set; }
    public IReadOnlyList<PillarDetail> Pillars { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int siteId, CancellationToken ct)
    {
        var name = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound();
        (SiteId, SiteName) = (siteId, name);
        var site = OverviewQueries.LiveAtSites(db).Where(r => r.SiteId == siteId);
        var periods = (await site.Select(r => new { r.PeriodKind, r.PeriodStart }).Distinct().ToListAsync(ct))
            .Select(p => new ShownPeriod(p.PeriodKind, p.PeriodStart)).OrderByDescending(p => p.Start).ThenBy(p => p.Kind).ToList();
        Period = OverviewQueries.Choose(periods, PeriodKey);
        if (Period is not ShownPeriod period) return Page();

        var standards = await OverviewQueries.StandardsAsync(db, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        var earliest = period.Start.AddMonths(-EarlierPeriods * (period.Kind == PeriodKind.Quarter ? 3 : 1));
        var query = site.Where(r => r.PeriodKind == period.Kind && r.PeriodStart <= period.Start && r.PeriodStart >= earliest);
        if (!string.IsNullOrEmpty(PillarKey)) query = query.Where(r => r.PillarKey == PillarKey);
        var results = await query
            .Select(r => new
            {
                r.Id, r.PillarKey, r.StandardKey, r.PeriodStart, r.ScoreHundredths, r.Sample, r.Source, r.Comment,
                FindingId = db.Findings.Where(f => f.ResultId == r.Id).Select(f => (int?)f.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var current = results.Where(r => r.PeriodStart == period.Start).ToList();
        Pillars = current.GroupBy(r => r.PillarKey)
            .Select(pillar =>
            {
                var details = pillar.Select(r =>
                {
                    var info = standards.ByKey.GetValueOrDefault(r.StandardKey);
                    var earlier = results.Where(e => e.StandardKey == r.StandardKey && e.PeriodStart < period.Start).OrderByDescending(e => e.PeriodStart)
                        .Select(e => (new ShownPeriod(period.Kind, e.PeriodStart), e.ScoreHundredths)).ToList();
                    return new StandardDetail(standards.Score(r.StandardKey, r.ScoreHundredths), info?.Wording ?? r.StandardKey, info?.Measured ?? "",
                        r.Sample, r.Source, r.Comment, r.FindingId, earlier);
                }).OrderBy(d => standards.ByKey.GetValueOrDefault(d.Score.StandardKey)?.Order ?? int.MaxValue).ThenBy(d => d.Score.StandardKey, StringComparer.Ordinal).ToList();
                return new PillarDetail(pillar.Key, standards.Title(pillar.Key), HeatMap.Cell(pillar.Key, details.Select(d => d.Score))!, details);
            })
            .OrderBy(p => standards.Pillars.Select(c => c.Key).ToList().IndexOf(p.Key) is var i && i >= 0 ? i : int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        return Page();
    }
}
