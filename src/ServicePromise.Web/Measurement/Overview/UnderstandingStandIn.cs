using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Measurement.Overview;

/// <summary>
/// Stand-in for <c>Understanding.UnderstandingQueries.FirstTryPassRateBySiteAsync</c>, which another part of issue 13
/// provides: same signature, so the merge swaps the call and deletes this file.
/// </summary>
static class UnderstandingStandIn
{
    /// <summary>Per site: the active people who submitted a first try at any knowledge check, and the share of first tries passed (0–1).</summary>
    public static async Task<IReadOnlyDictionary<int, (int People, decimal? Rate)>> FirstTryPassRateBySiteAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.CheckAttempts.AsNoTracking()
            .Where(a => a.Number == 1 && a.SubmittedAt != null && a.AssignmentPillar!.Assignment!.Employee!.IsActive && a.AssignmentPillar.Assignment.Employee.SiteId != null)
            .GroupBy(a => a.AssignmentPillar!.Assignment!.Employee!.SiteId!.Value)
            .Select(g => new
            {
                SiteId = g.Key,
                People = g.Select(a => a.AssignmentPillar!.Assignment!.EmployeeId).Distinct().Count(),
                Tries = g.Count(),
                Passed = g.Count(a => a.Passed),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.SiteId, r => (r.People, r.Tries == 0 ? (decimal?)null : (decimal)r.Passed / r.Tries));
    }
}
