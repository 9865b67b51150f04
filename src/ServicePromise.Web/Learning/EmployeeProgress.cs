using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ServicePromise.Web.Data;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Learning;

/// <summary>
/// Keeps each employee's copy of their current assignment's state (<see cref="Employee.CurrentDueOn"/>,
/// <see cref="Employee.CurrentStartedAt"/>, <see cref="Employee.CurrentCompletedAt"/>, <see cref="Employee.CurrentReason"/>) in step with the assignment,
/// so HR's lists, counts and dashboard filter and group one table instead of recomputing status per person.
/// </summary>
/// <remarks>
/// Writes through the change tracker are covered by <see cref="AppDbContext"/>, which calls <see cref="CopyTracked"/>
/// before and <see cref="SyncAsync"/> after every save. Set-based writes (ExecuteUpdate) must call
/// <see cref="SyncAsync"/> themselves — <see cref="ProgressRecorder"/> does. <see cref="DriftAsync"/> finds any
/// employee whose copy disagrees; the tests run it after every kind of write.
/// </remarks>
public static class EmployeeProgress
{
    /// <summary>Copies the current assignment's state onto the employee.</summary>
    public static void Copy(Employee person, Assignment? current)
    {
        if (person.CurrentDueOn != current?.DueOn) person.CurrentDueOn = current?.DueOn;
        if (person.CurrentStartedAt != current?.StartedAt) person.CurrentStartedAt = current?.StartedAt;
        if (person.CurrentCompletedAt != current?.CompletedAt) person.CurrentCompletedAt = current?.CompletedAt;
        if (person.CurrentReason != current?.Reason) person.CurrentReason = current?.Reason;
    }

    /// <summary>
    /// Before a save: copies onto each tracked employee the state of their current assignment when either side
    /// changed (a new pointer, a new assignment, a changed due date, start, completion or reason) — never from an
    /// unchanged tracked assignment, which may be older than the database after a set-based write. Returns the
    /// assignments whose employees must be synced after the save instead (not tracked, or not loaded).
    /// </summary>
    public static IReadOnlyCollection<int> CopyTracked(DbContext db)
    {
        var tracker = db.ChangeTracker;
        var auto = tracker.AutoDetectChangesEnabled;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false; // detected once above; reading the entries must not detect again
        try
        {
            var assignments = tracker.Entries<Assignment>().ToList();
            if (assignments.Count == 0 && !tracker.Entries<Employee>().Any()) return [];
            var changed = new HashSet<Assignment>(assignments.Where(Changed).Select(a => a.Entity), ReferenceEqualityComparer.Instance);
            var byId = assignments.Where(a => a.Entity.Id > 0).ToDictionary(a => a.Entity.Id, a => a.Entity);
            var covered = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var later = new List<int>();
            foreach (var entry in tracker.Entries<Employee>())
            {
                if (entry.State is EntityState.Deleted or EntityState.Detached) continue;
                var person = entry.Entity;
                var current = person.CurrentAssignment ?? (person.CurrentAssignmentId is int id ? byId.GetValueOrDefault(id) : null);
                var moved = entry.State == EntityState.Added || entry.Property(e => e.CurrentAssignmentId).IsModified
                    || entry.Reference(e => e.CurrentAssignment).IsModified;
                if (current is not null)
                {
                    covered.Add(current);
                    if (moved || changed.Contains(current)) Copy(person, current);
                }
                else if (moved)
                {
                    if (person.CurrentAssignmentId is int notLoaded) later.Add(notLoaded);
                    else Copy(person, null);
                }
            }
            later.AddRange(changed.Where(a => !covered.Contains(a) && a.Id > 0).Select(a => a.Id));
            return later;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = auto;
        }
    }

    static bool Changed(EntityEntry<Assignment> entry) =>
        entry.State == EntityState.Added
        || (entry.State == EntityState.Modified && (entry.Property(a => a.DueOn).IsModified || entry.Property(a => a.StartedAt).IsModified
            || entry.Property(a => a.CompletedAt).IsModified || entry.Property(a => a.Reason).IsModified));

    /// <summary>After the claim of a write set the assignment's start (if it was not set): the same on its employee's copy.</summary>
    public static Task<int> StartedAsync(AppDbContext db, int assignmentId, DateTime now, CancellationToken ct) =>
        // Matches no row once started, so later writes neither update nor lock the employee.
        db.Employees.Where(e => e.CurrentAssignmentId == assignmentId && e.CurrentStartedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CurrentStartedAt, now), ct);

    /// <summary>Re-copies (synchronously) the state of the given assignments onto whoever has them as current.</summary>
    public static int Sync(AppDbContext db, IReadOnlyCollection<int> assignmentIds) =>
        assignmentIds.Count == 0 ? 0 : Setters(db, db.Employees.Where(e => e.CurrentAssignmentId != null && assignmentIds.Contains(e.CurrentAssignmentId.Value)));

    /// <summary>Re-copies the state of the given assignments onto whoever has them as current (a set-based write).</summary>
    public static Task<int> SyncAsync(AppDbContext db, IReadOnlyCollection<int> assignmentIds, CancellationToken ct = default) =>
        assignmentIds.Count == 0
            ? Task.FromResult(0)
            : Refresh(db, db.Employees.Where(e => e.CurrentAssignmentId != null && assignmentIds.Contains(e.CurrentAssignmentId.Value)), ct);

    /// <summary>Re-copies every employee's state (repair; the migration that added the columns does the same in SQL).</summary>
    public static Task<int> SyncAllAsync(AppDbContext db, CancellationToken ct = default) => Refresh(db, db.Employees, ct);

    static int Setters(AppDbContext db, IQueryable<Employee> people) =>
        people.ExecuteUpdate(u => u
            .SetProperty(e => e.CurrentDueOn, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => (DateOnly?)a.DueOn).FirstOrDefault())
            .SetProperty(e => e.CurrentStartedAt, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => a.StartedAt).FirstOrDefault())
            .SetProperty(e => e.CurrentCompletedAt, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => a.CompletedAt).FirstOrDefault())
            .SetProperty(e => e.CurrentReason, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => (AssignmentReason?)a.Reason).FirstOrDefault()));

    // Correlated subqueries rather than a join: the same UPDATE on SQLite and PostgreSQL.
    static Task<int> Refresh(AppDbContext db, IQueryable<Employee> people, CancellationToken ct) =>
        people.ExecuteUpdateAsync(u => u
            .SetProperty(e => e.CurrentDueOn, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => (DateOnly?)a.DueOn).FirstOrDefault())
            .SetProperty(e => e.CurrentStartedAt, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => a.StartedAt).FirstOrDefault())
            .SetProperty(e => e.CurrentCompletedAt, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => a.CompletedAt).FirstOrDefault())
            .SetProperty(e => e.CurrentReason, e => db.Assignments.Where(a => a.Id == e.CurrentAssignmentId).Select(a => (AssignmentReason?)a.Reason).FirstOrDefault()), ct);

    /// <summary>Employees whose copy disagrees with their current assignment: none, if every write keeps them in step.</summary>
    public static Task<List<int>> DriftAsync(AppDbContext db, CancellationToken ct = default) =>
        db.Employees.AsNoTracking()
            .Where(e => e.CurrentAssignment == null
                ? e.CurrentDueOn != null || e.CurrentStartedAt != null || e.CurrentCompletedAt != null || e.CurrentReason != null
                : e.CurrentDueOn != e.CurrentAssignment.DueOn || e.CurrentStartedAt != e.CurrentAssignment.StartedAt
                  || e.CurrentCompletedAt != e.CurrentAssignment.CompletedAt || e.CurrentReason != e.CurrentAssignment.Reason)
            .Select(e => e.Id).ToListAsync(ct);
}
