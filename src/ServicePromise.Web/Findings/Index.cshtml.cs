using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Findings;

/// <summary>The audit findings, open first (proposed, then confirmed), then closed and dismissed: HR sees what awaits a decision.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class IndexModel(AppDbContext db, FindingQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public FindingState? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Paged<FindingSummary> Rows { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var findings = db.Findings.AsQueryable();
        if (State is { } state) findings = findings.Where(f => f.State == state);
        // Ordered before the projection: EF orders by columns, not by the record's members.
        Rows = await queries.Summaries(findings
                .OrderBy(f => f.State == FindingState.Proposed ? 0 : f.State == FindingState.Confirmed ? 1 : 2)
                .ThenByDescending(f => f.PeriodStart).ThenByDescending(f => f.Id))
            .PageAsync(PageNumber, ct);
        Pager = new Pager(Rows.Number, Rows.Count, "p", new Dictionary<string, string?> { ["state"] = State?.ToString() });
    }
}
