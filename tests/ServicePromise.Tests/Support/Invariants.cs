using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Support;

/// <summary>
/// What must hold of the data whatever happened to it — checked when every integration test's site is disposed, and
/// on the generated benchmark organisation. Each line names a broken rule and the first rows that break it.
/// </summary>
public static class Invariants
{
    public static async Task<List<string>> ViolationsAsync(AppDbContext db, CancellationToken ct = default)
    {
        var problems = new List<string>();
        void Add(string rule, List<int> ids)
        {
            if (ids.Count > 0) problems.Add($"{rule}: {string.Join(", ", ids)}");
        }

        Add("Employees whose progress copy disagrees with their current assignment", await EmployeeProgress.DriftAsync(db, ct));
        Add("Employees whose current assignment is complete but has no current certificate", await db.Employees.AsNoTracking()
            .Where(e => e.CurrentAssignment != null && e.CurrentAssignment.CompletedAt != null
                && !db.Certificates.Where(Certificate.IsCurrent).Any(c => c.AssignmentId == e.CurrentAssignmentId))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(20).ToListAsync(ct));
        Add("Assignment pillars marked reflected with no reflection", await db.AssignmentPillars.AsNoTracking()
            .Where(p => p.ReflectedAt != null && !db.Reflections.Any(r => r.AssignmentPillarId == p.Id))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(20).ToListAsync(ct));
        return problems;
    }
}
