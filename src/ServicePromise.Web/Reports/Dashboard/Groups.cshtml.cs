using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Reports.Dashboard;

/// <summary>Every group of one breakdown (all sites, all managers…), worst first, a page at a time.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class GroupsModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Breakdown Breakdown { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string by, CancellationToken ct)
    {
        var dimension = Enum.GetValues<Dimension>().Cast<Dimension?>().FirstOrDefault(d => BreakdownText.Segment(d!.Value) == by);
        if (dimension is not Dimension chosen) return NotFound();
        var groups = DashboardQueries.WorstFirst(await DashboardQueries.GroupsAsync(db, chosen, clock.Today, ct)).ToList();
        var size = Paging.DefaultSize * 2;
        var count = Math.Max(1, (int)Math.Ceiling(groups.Count / (double)size));
        var number = Math.Clamp(PageNumber, 1, count);
        IReadOnlyList<GroupRow> rows = groups.Skip((number - 1) * size).Take(size).ToList();
        if (chosen == Dimension.Manager) rows = await DashboardQueries.WithManagerNamesAsync(db, rows, ct);
        Breakdown = new Breakdown(chosen, rows, groups.Count);
        Pager = new Pager(number, count, "p", new Dictionary<string, string?>());
        Title = BreakdownText.Title(chosen, L);
        return Page();
    }
}
