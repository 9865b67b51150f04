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
        void Add<T>(string rule, List<T> ids)
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
        // A targeted refresher answers one finding, on one pillar, and goes only to people of the finding's place (while it
        // is open: someone may move on later); only the role change that replaced one unfinished answers a finding too,
        // and while open it is at that place as well.
        Add("Targeted refreshers without their finding, with other than one pillar, or outside the finding's place", await db.Assignments.AsNoTracking()
            .Where(a => a.Reason == AssignmentReason.Finding
                && (a.FindingId == null || a.Pillars.Count != 1
                    || (a.CompletedAt == null && a.SupersededAt == null
                        && (a.Finding!.SiteId != null ? a.Employee!.SiteId != a.Finding.SiteId : a.Employee!.DepartmentId != a.Finding.DepartmentId))))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(20).ToListAsync(ct));
        Add("Assignments answering a finding that are neither a targeted refresher nor an unfinished role change at its place", await db.Assignments.AsNoTracking()
            .Where(a => a.FindingId != null && a.Reason != AssignmentReason.Finding
                && (a.Reason != AssignmentReason.RoleChange || (a.CompletedAt == null && a.SupersededAt == null
                    && (a.Finding!.SiteId != null ? a.Employee!.SiteId != a.Finding.SiteId : a.Employee!.DepartmentId != a.Finding.DepartmentId))))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(20).ToListAsync(ct));
        // A request for new reflections names the job change behind it, and only a certified person gets one.
        Add("Role-change assignments without their change, or given to someone who had completed nothing before", await db.Assignments.AsNoTracking()
            .Where(a => a.Reason == AssignmentReason.RoleChange && (!db.RoleChanges.Any(c => c.EmployeeId == a.EmployeeId && c.ChangedAt <= a.AssignedAt)
                || !db.Assignments.Any(b => b.EmployeeId == a.EmployeeId && b.CompletedAt != null && b.CompletedAt <= a.AssignedAt)))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(20).ToListAsync(ct));
        // One account, one person: an Identity user left behind by a failed SCIM or just-in-time write has nobody to be.
        Add("Accounts without an employee", await db.Users.AsNoTracking().Where(u => !db.Employees.Any(e => e.UserId == u.Id))
            .OrderBy(u => u.Id).Select(u => u.Id).Take(20).ToListAsync(ct));
        Add("Employees without an account", await db.Employees.AsNoTracking().Where(e => !db.Users.Any(u => u.Id == e.UserId))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(20).ToListAsync(ct));
        Add("Accounts with more than one employee", await db.Employees.AsNoTracking().GroupBy(e => e.UserId).Where(g => g.Count() > 1)
            .OrderBy(g => g.Key).Select(g => g.Key).Take(20).ToListAsync(ct));
        Add("Employees with more than one welcome letter that still works", await db.Letters.AsNoTracking()
            .Where(l => l.UsedAt == null && l.ReplacedAt == null).GroupBy(l => l.EmployeeId).Where(g => g.Count() > 1)
            .OrderBy(g => g.Key).Select(g => g.Key).Take(20).ToListAsync(ct));
        Add("Deactivated employees with a welcome letter that still works", await db.Employees.AsNoTracking()
            .Where(e => !e.IsActive && db.Letters.Any(l => l.EmployeeId == e.Id && l.UsedAt == null && l.ReplacedAt == null))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(20).ToListAsync(ct));
        return problems;
    }
}
