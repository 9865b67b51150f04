using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reports;
using ServicePromise.Web.Reports.Dashboard;

namespace ServicePromise.Web.Measurement.Overview;

/// <summary>
/// HR's Medición overview: each site's audit results by pillar for one period, as a heat map that also reads as text,
/// next to its people's completion and understanding; the findings and the targeted refreshers they triggered.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class OverviewModel(AppDbContext db, IServiceScopeFactory scopes, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "rp")] public int RefresherPage { get; set; } = 1;

    public IReadOnlyList<ShownPeriod> Periods { get; private set; } = [];
    /// <summary>The period shown: the one asked for when it has results, else the latest; null when nothing is recorded yet.</summary>
    public ShownPeriod? Period { get; private set; }
    public Standards Standards { get; private set; } = new([], new Dictionary<string, StandardInfo>());
    public IReadOnlyList<PillarColumn> Columns { get; private set; } = [];
    public Paged<SiteRow> Sites { get; private set; } = new([], 0, 1, 1);
    public Pager SitePager { get; private set; } = null!;
    public IReadOnlyDictionary<int, GroupRow> Completion { get; private set; } = new Dictionary<int, GroupRow>();
    public IReadOnlyDictionary<int, (int People, decimal? Rate)> Understanding { get; private set; } = new Dictionary<int, (int, decimal?)>();
    public FindingCounts Findings { get; private set; } = new(0, 0, 0, 0);
    public Paged<RefresherRow> Refreshers { get; private set; } = new([], 0, 1, 1);
    public Pager RefresherPager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        // Completion and understanding read everyone: they run on connections of their own while this one reads the audit.
        var completion = DashboardQueries.InOwnContextAsync(scopes, own => DashboardQueries.GroupsAsync(own, Dimension.Site, today, ct));
        var understanding = DashboardQueries.InOwnContextAsync(scopes, own => global::ServicePromise.Web.Understanding.UnderstandingQueries.FirstTryPassRateBySiteAsync(own, ct));
        var rows = await LoadTableAsync(ct);
        Sites = Page(rows, PageNumber);
        SitePager = new Pager(Sites.Number, Sites.Count, "p", Keep(), "sites-heading");
        Findings = await OverviewQueries.FindingCountsAsync(db, ct);
        Refreshers = Page(await OverviewQueries.RefreshersAsync(db, today, ct), RefresherPage);
        RefresherPager = new Pager(Refreshers.Number, Refreshers.Count, "rp", Keep(), "refreshers-heading");
        Completion = (await completion).Where(g => g.Key is not null)
            .ToDictionary(g => int.Parse(g.Key!, CultureInfo.InvariantCulture));
        Understanding = await understanding;
    }

    /// <summary>The site × pillar table of the period as CSV (every site, not only the page), formula-safe.</summary>
    /// <param name="sep">"semicolon", "comma" or "tab"; otherwise the reader's locale decides.</param>
    public async Task<IActionResult> OnGetCsvAsync(string? sep, CancellationToken ct)
    {
        var rows = await LoadTableAsync(ct);
        if (Period is not ShownPeriod period) return RedirectToPage();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{L["medicion"].Value}-{period.Key}.csv\"";
        await OverviewCsv.WriteAsync(Response.Body, CompletionCsv.Delimiter(sep), Columns, rows, L);
        return new EmptyResult();
    }

    async Task<IReadOnlyList<SiteRow>> LoadTableAsync(CancellationToken ct)
    {
        Periods = await OverviewQueries.PeriodsAsync(db, ct);
        Period = OverviewQueries.Choose(Periods, PeriodKey);
        Standards = await OverviewQueries.StandardsAsync(db, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        if (Period is not ShownPeriod period) return [];
        var rows = await OverviewQueries.SitesAsync(db, period, Standards, ct);
        Columns = OverviewQueries.Columns(Standards, rows);
        return rows;
    }

    static Paged<T> Page<T>(IReadOnlyList<T> all, int requested)
    {
        var count = Math.Max(1, (int)Math.Ceiling(all.Count / (double)Paging.DefaultSize));
        var number = Math.Clamp(requested, 1, count);
        return new Paged<T>(all.Skip((number - 1) * Paging.DefaultSize).Take(Paging.DefaultSize).ToList(), all.Count, number, count);
    }

    Dictionary<string, string?> Keep() => new()
    {
        ["period"] = Period?.Key,
        ["p"] = Sites.Number.ToString(CultureInfo.InvariantCulture),
        ["rp"] = Refreshers.Number.ToString(CultureInfo.InvariantCulture),
    };

    public string CsvLink => "/hr/measurement?handler=Csv&period=" + Uri.EscapeDataString(Period?.Key ?? "");

    /// <summary>The detail of one site (and pillar) in the shown period.</summary>
    public string SiteLink(int siteId, string? pillarKey = null) => OverviewText.SiteLink(siteId, Period, pillarKey);
}
