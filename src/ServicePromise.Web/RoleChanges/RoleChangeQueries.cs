using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.RoleChanges;

/// <summary>The job a role change moved a person from and to (the newest change behind their assignment).</summary>
public sealed record JobChangeText(string NewJobTitle, string OldJobTitle, string? NewSite, string? OldSite)
{
    /// <summary>The site is named only when it changed: the title alone says it otherwise.</summary>
    public bool SiteChanged => NewSite != OldSite;
}

/// <summary>What the person wrote for this pillar before, shown read-only beside the new reflection.</summary>
public sealed record PreviousReflection(string Meaning, string Customers, string Action, DateTime SubmittedAt);

/// <summary>The person's banner: why they write again, by when, and (on a pillar) what they wrote before.</summary>
public sealed record RoleChangeBanner(JobChangeText Job, DateOnly DueOn, bool Complete, PreviousReflection? Previous);

/// <summary>One of a manager's people re-contextualising: their new job, how many reflections are written, by when.</summary>
public sealed record RecontextualisingPerson(int EmployeeId, string FullName, JobChangeText Job, int Done, int Total, DateOnly DueOn);

public static class RoleChangeQueries
{
    /// <summary>
    /// The banner of the person's own role-change assignment (null when it is not theirs or not a role change), with their
    /// newest sent reflection on <paramref name="pillarKey"/> from any earlier assignment. One query without a pillar.
    /// </summary>
    public static async Task<RoleChangeBanner?> BannerAsync(AppDbContext db, int employeeId, int assignmentId, string? pillarKey, CancellationToken ct)
    {
        // The person's newest change, not the one naming this assignment: a new edition may have moved them on to another.
        // Rooted at the change, with the assignment's fields as scalar subqueries: SQLite has no APPLY for a nested row.
        var mine = db.Assignments.Where(a => a.Id == assignmentId && a.EmployeeId == employeeId && a.Reason == AssignmentReason.RoleChange);
        var banner = await db.RoleChanges.AsNoTracking()
            .Where(r => r.EmployeeId == employeeId && mine.Any())
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Select(r => new RoleChangeBanner(new JobChangeText(r.NewJobTitle, r.OldJobTitle, r.NewSite, r.OldSite),
                mine.Select(a => a.DueOn).FirstOrDefault(), mine.Any(a => a.CompletedAt != null), null))
            .FirstOrDefaultAsync(ct);
        if (banner is null) return null;
        if (pillarKey is null) return banner;
        var previous = await db.Reflections.AsNoTracking()
            .Where(x => x.SubmittedAt != null && x.AssignmentPillar!.AssignmentId != assignmentId
                && x.AssignmentPillar.Assignment!.EmployeeId == employeeId && x.AssignmentPillar.Pillar!.Key == pillarKey)
            .OrderByDescending(x => x.SubmittedAt)
            .Select(x => new PreviousReflection(x.Meaning, x.Customers, x.Action, x.SubmittedAt!.Value))
            .FirstOrDefaultAsync(ct);
        return banner with { Previous = previous };
    }

    /// <summary>
    /// The manager's direct reports re-contextualising now (their current assignment an unfinished role change), with
    /// the newest change of each: one query, only people whose manager is <paramref name="managerId"/>.
    /// </summary>
    public static async Task<IReadOnlyList<RecontextualisingPerson>> TeamAsync(AppDbContext db, int managerId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Employees.AsNoTracking()
            .Where(e => e.ManagerId == managerId && e.IsActive)
            .Where(CompletionRules.CurrentStatusIs(AssignmentStatus.Recontextualising, today))
            .OrderBy(e => e.SearchName)
            .Select(e => new
            {
                e.Id, e.FullName, DueOn = e.CurrentDueOn!.Value,
                Done = e.CurrentAssignment!.Pillars.AsQueryable().Count(CompletionRules.PillarDone),
                Total = e.CurrentAssignment.Pillars.Count,
                Job = db.RoleChanges.Where(r => r.EmployeeId == e.Id).OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
                    .Select(r => new JobChangeText(r.NewJobTitle, r.OldJobTitle, r.NewSite, r.OldSite)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new RecontextualisingPerson(r.Id, r.FullName, r.Job ?? new JobChangeText("", "", null, null), r.Done, r.Total, r.DueOn)).ToList();
    }

    /// <summary>How many active people are re-contextualising (the dashboard's count), on the status rule of the lists.</summary>
    public static Task<int> CountAsync(AppDbContext db, DateOnly today, CancellationToken ct) =>
        db.Employees.AsNoTracking().Where(e => e.IsActive).CountAsync(CompletionRules.CurrentStatusIs(AssignmentStatus.Recontextualising, today), ct);
}
