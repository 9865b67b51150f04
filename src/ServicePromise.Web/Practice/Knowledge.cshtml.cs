using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Understanding;

namespace ServicePromise.Web.Practice;

/// <summary>
/// HR's "knowledge kept": the share of right weekly answers in the last days by pillar, department and site; each group
/// drills down to the others within it (a site's pillars, a pillar's sites). Groups of fewer people than the
/// understanding reports' minimum show no share.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class KnowledgeModel(AppDbContext db, KnowledgeKept kept, KnowledgeCells cells, IOptions<UnderstandingOptions> understanding, IOptions<PracticeOptions> options) : PageModel
{
    /// <summary>One breakdown: its groups, shown or hidden as too small, each with the address that drills into it.</summary>
    public sealed record Table(KeptBy By, IReadOnlyList<(KeptTally Group, ShownRate Rate, string Link)> Rows);

    [BindProperty(SupportsGet = true)] public int? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pillar { get; set; }

    public int KeptDays => options.Value.KeptDays;
    /// <summary>When the figures were counted (<see cref="KnowledgeCells"/>), UTC.</summary>
    public DateTime CountedAt { get; private set; }
    public ShownRate Overall { get; private set; } = new(0, null, false);
    public IReadOnlyList<Table> Tables { get; private set; } = [];
    /// <summary>What the page is narrowed to, in words (empty: everyone).</summary>
    public IReadOnlyList<string> Filters { get; private set; } = [];
    public IReadOnlyDictionary<string, string> PillarTitles { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var min = understanding.Value.MinimumGroup;
        PillarTitles = await CurrentPillarTitlesAsync(ct);
        // A drill-down to a group that does not exist (an old link, a forged address) is not an empty page of zeros.
        var department = Department is int d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var site = Site is int s ? await db.Sites.Where(x => x.Id == s).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        if ((Department is not null && department is null) || (Site is not null && site is null) || (Pillar is not null && !PillarTitles.ContainsKey(Pillar)))
            return NotFound();
        CountedAt = await cells.FreshAsync(ct);
        var tables = new List<Table>();
        var order = PillarTitles.Keys.ToList();
        foreach (var by in new[] { KeptBy.Pillar, KeptBy.Department, KeptBy.Site }.Where(b => !IsFiltered(b)))
        {
            var groups = await kept.ByAsync(by, Department, Site, Pillar, ct);
            tables.Add(new Table(by, groups.Select(g => (Group: g, Rate: Shown(g.Right, g.Answered, g.People, min), Link: Link(by, g.Key)))
                .OrderBy(r => by == KeptBy.Pillar ? order.IndexOf(r.Group.Key ?? "") : 0).ToList()));
        }
        Tables = tables;
        var overall = await kept.OverallAsync(Department, Site, Pillar, ct);
        Overall = Shown(overall.Right, overall.Answered, overall.People, min);
        Filters = new[] { Pillar is null ? null : PillarTitles[Pillar], department, site }.OfType<string>().ToList();
        return Page();
    }

    /// <summary>The share over answers, hidden when fewer than <paramref name="min"/> people gave them (it would point at someone).</summary>
    static ShownRate Shown(int right, int answered, int people, int min) =>
        people < min ? new ShownRate(people, null, true) : new ShownRate(people, UnderstandingRules.Rate(right, answered), false);

    bool IsFiltered(KeptBy by) => by switch { KeptBy.Pillar => Pillar is not null, KeptBy.Department => Department is not null, _ => Site is not null };

    async Task<IReadOnlyDictionary<string, string>> CurrentPillarTitlesAsync(CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var pillars = await db.Pillars.AsNoTracking().Where(p => p.Edition!.Number == db.Editions.Max(e => e.Number)).OrderBy(p => p.Order)
            .Select(p => new { p.Key, Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList(), p.Edition!.DefaultLanguage }).ToListAsync(ct);
        return pillars.ToDictionary(p => p.Key, p => (p.Texts.FirstOrDefault(t => t.Language == language) ?? p.Texts.First(t => t.Language == p.DefaultLanguage)).Title);
    }

    /// <summary>This page narrowed further to one group (null key: the people without one are not a drill-down of their own).</summary>
    public string Link(KeptBy by, string? key)
    {
        if (key is null) return "";
        var query = new Dictionary<string, string?>
        {
            ["pillar"] = by == KeptBy.Pillar ? key : Pillar,
            ["department"] = by == KeptBy.Department ? key : Department?.ToString(CultureInfo.InvariantCulture),
            ["site"] = by == KeptBy.Site ? key : Site?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/hr/knowledge", query.Where(q => q.Value is not null));
    }
}
