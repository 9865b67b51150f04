using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Reports.Dashboard;

/// <summary>
/// HR's dashboard: where completion stands overall and by department, site, job and manager, who is late,
/// how new hires are doing, and the trend — every number a link to the people behind it.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class DashboardModel(AppDbContext db, IServiceScopeFactory scopes, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int TrendWeeks = 12;
    /// <summary>How many groups of each breakdown the dashboard shows (worst first); the rest are one link away.</summary>
    public const int Shown = 8;

    public DateOnly Today { get; private set; }
    public Totals Totals { get; private set; } = null!;
    public OnboardingCounts Onboarding { get; private set; } = null!;
    /// <summary>Certified people writing their reflections again after a new job or site (counted with the completed above).</summary>
    public int Recontextualising { get; private set; }
    public IReadOnlyList<WeekCount> Trend { get; private set; } = [];
    public IReadOnlyList<Breakdown> Breakdowns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        // Each breakdown reads its own index over everyone, the bulk of the page's time: they run at once, each on a
        // connection of its own, while this request's context counts the new hires and the trend.
        var dimensions = Enum.GetValues<Dimension>();
        var grouping = Task.WhenAll(dimensions.Select(by => DashboardQueries.InOwnContextAsync(scopes, own => DashboardQueries.GroupsAsync(own, by, Today, ct))));
        Onboarding = await DashboardQueries.OnboardingAsync(db, Today, ct);
        Trend = await DashboardQueries.TrendAsync(db, clock, TrendWeeks, ct);
        Recontextualising = await RoleChanges.RoleChangeQueries.CountAsync(db, Today, ct);
        var all = await grouping;
        var breakdowns = new List<Breakdown>();
        foreach (var (by, groups) in dimensions.Zip(all))
        {
            IReadOnlyList<GroupRow> shown = DashboardQueries.WorstFirst(groups).Take(Shown).ToList();
            if (by == Dimension.Manager) shown = await DashboardQueries.WithManagerNamesAsync(db, shown, ct);
            breakdowns.Add(new Breakdown(by, shown, groups.Count));
            if (by == Dimension.Department) Totals = Totals.Of(groups);
        }
        Breakdowns = breakdowns;
    }

    public string Title(Dimension by) => BreakdownText.Title(by, L);
}

/// <param name="Count">How many groups there are in all.</param>
public sealed record Breakdown(Dimension By, IReadOnlyList<GroupRow> Rows, int Count);
