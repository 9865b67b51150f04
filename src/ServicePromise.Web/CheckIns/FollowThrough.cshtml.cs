using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.CheckIns;

/// <summary>How one group followed through on its committed actions: of the check-ins due so far, how many were answered, and how.</summary>
/// <param name="Key">The filter value that drills down to this group's people.</param>
public sealed record FollowThroughRow(string Key, string Name, int Due, int Answered, int Yes, int Partly, int NotYet, int Habits)
{
    public int AnsweredRate => Due == 0 ? 0 : (int)Math.Round(100.0 * Answered / Due, MidpointRounding.AwayFromZero);
}

/// <summary>
/// HR's follow-through (<c>/hr/checkins</c>): the check-ins due so far by pillar, department and site — share answered,
/// yes / partly / not yet, habits — each group linking to its people, whose check-ins open one by one. Counted by the
/// database; the people list shows the newest due first, a page's worth.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class FollowThroughModel(AppDbContext db, OrganisationClock clock) : PageModel
{
    public const int PeopleShown = 200;

    [BindProperty(SupportsGet = true)] public string? Pillar { get; set; }
    [BindProperty(SupportsGet = true)] public int? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? Site { get; set; }

    public IReadOnlyList<FollowThroughRow> ByPillar { get; private set; } = [];
    public IReadOnlyList<FollowThroughRow> ByDepartment { get; private set; } = [];
    public IReadOnlyList<FollowThroughRow> BySite { get; private set; } = [];
    public IReadOnlyList<CheckInRow> People { get; private set; } = [];
    public bool Filtered => Pillar is not null || Department is not null || Site is not null;
    public string? FilterName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var due = db.CommitmentCheckIns.AsNoTracking().Where(c => c.CancelledAt == null && c.DueOn <= today && c.Employee!.IsActive);
        if (Pillar is not null) due = due.Where(c => c.PillarKey == Pillar);
        if (Department is int d) due = due.Where(c => c.Employee!.DepartmentId == d);
        if (Site is int s) due = due.Where(c => c.Employee!.SiteId == s);

        var pillars = await PillarTitlesAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        ByPillar = await GroupAsync(due.GroupBy(c => c.PillarKey), k => k, k => pillars.GetValueOrDefault(k) ?? k, ct);
        ByDepartment = await GroupAsync(due.Where(c => c.Employee!.DepartmentId != null).GroupBy(c => c.Employee!.DepartmentId!.Value),
            k => k.ToString(CultureInfo.InvariantCulture), k => departments.GetValueOrDefault(k) ?? "", ct);
        BySite = await GroupAsync(due.Where(c => c.Employee!.SiteId != null).GroupBy(c => c.Employee!.SiteId!.Value),
            k => k.ToString(CultureInfo.InvariantCulture), k => sites.GetValueOrDefault(k) ?? "", ct);
        if (Filtered)
        {
            People = await CheckInRows.ListAsync(due.OrderByDescending(c => c.DueOn).ThenByDescending(c => c.Id).Take(PeopleShown), ct);
            FilterName = string.Join(" · ", new[]
            {
                Pillar is null ? null : pillars.GetValueOrDefault(Pillar) ?? Pillar,
                Department is int dep ? departments.GetValueOrDefault(dep) : null,
                Site is int site ? sites.GetValueOrDefault(site) : null,
            }.Where(n => n is not null));
        }
    }

    static async Task<IReadOnlyList<FollowThroughRow>> GroupAsync<TKey>(IQueryable<IGrouping<TKey, CommitmentCheckIn>> groups,
        Func<TKey, string> key, Func<TKey, string> name, CancellationToken ct)
    {
        var rows = await groups.Select(g => new
        {
            g.Key,
            Due = g.Count(),
            Answered = g.Count(c => c.AnsweredAt != null),
            Yes = g.Count(c => c.Outcome == CheckInOutcome.Yes),
            Partly = g.Count(c => c.Outcome == CheckInOutcome.Partly),
            NotYet = g.Count(c => c.Outcome == CheckInOutcome.NotYet),
            Habits = g.Count(c => c.Habit),
        }).ToListAsync(ct);
        return rows.Select(r => new FollowThroughRow(key(r.Key), name(r.Key), r.Due, r.Answered, r.Yes, r.Partly, r.NotYet, r.Habits))
            .OrderBy(r => r.AnsweredRate).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Each pillar key's title in the reader's language, from the newest edition that has it.</summary>
    async Task<Dictionary<string, string>> PillarTitlesAsync(CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var pillars = await db.Pillars.AsNoTracking()
            .Select(p => new { p.Key, p.Edition!.Number, p.Edition.DefaultLanguage, Titles = p.Texts.Select(t => new { t.Language, t.Title }).ToList() })
            .ToListAsync(ct);
        return pillars.GroupBy(p => p.Key).ToDictionary(g => g.Key,
            g => g.MaxBy(p => p.Number)!.Titles.InLanguage(t => t.Language, language, g.MaxBy(p => p.Number)!.DefaultLanguage).Title);
    }

    /// <summary>The drill-down link of one group, keeping the other filters.</summary>
    public string LinkTo(string dimension, string key)
    {
        var query = new Dictionary<string, string?>
        {
            ["pillar"] = dimension == "pillar" ? key : Pillar,
            ["department"] = dimension == "department" ? key : Department?.ToString(CultureInfo.InvariantCulture),
            ["site"] = dimension == "site" ? key : Site?.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/hr/checkins", query.Where(q => q.Value is not null)!) + "#people-heading";
    }
}
