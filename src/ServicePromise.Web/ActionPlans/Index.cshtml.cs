using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.ActionPlans;

/// <summary>A manager's plans ("Tus planes") and, for a manager of managers, the plans of their direct reports waiting for them ("Para aprobar").</summary>
[Authorize(Roles = Roles.Manager)]
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PlanRow> Mine { get; private set; } = [];
    public Paged<PlanRow> ToApprove { get; private set; } = null!;
    public Pager ToApprovePager { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Wordings { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int me) return Forbid();
        Mine = await PlanQueries.ForManagerAsync(db, me, ct);
        // Here only the plans of their own direct reports: HR has its own queue (/hr/plans).
        ToApprove = await PlanQueries.AwaitingApprovalByAsync(db, me, isHr: false, PageNumber, ct);
        ToApprovePager = new Pager(ToApprove.Number, ToApprove.Count, "p", new Dictionary<string, string?> { ["p"] = PageNumber.ToString(CultureInfo.InvariantCulture) }, "approve-heading");
        Wordings = await PlanQueries.StandardWordingsAsync(db, Mine.Concat(ToApprove.Items), ct);
        return Page();
    }
}
