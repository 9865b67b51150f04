using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.ActionPlans;

/// <summary>HR's queue: every sent plan waiting for approval (but their own), oldest first, a page at a time.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class HrQueueModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<PlanRow> Waiting { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Wordings { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int me) return Forbid();
        Waiting = await PlanQueries.AwaitingApprovalByAsync(db, me, isHr: true, PageNumber, ct);
        Pager = new Pager(Waiting.Number, Waiting.Count, "p", new Dictionary<string, string?> { ["p"] = PageNumber.ToString(CultureInfo.InvariantCulture) }, "waiting-heading");
        Wordings = await PlanQueries.StandardWordingsAsync(db, Waiting.Items, ct);
        return Page();
    }
}
