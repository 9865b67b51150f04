using Microsoft.EntityFrameworkCore;
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
    /// Before a save: brings every tracked employee whose current assignment is tracked too up to date, and returns
    /// the ids of changed assignments whose employee is not tracked (for <see cref="SyncAsync"/> after the save).
    /// </summary>
    public static IReadOnlyCollection<int> CopyTracked(DbContext db)
    {
        var assignments = db.ChangeTracker.Entries<Assignment>().ToList();
        var employees = db.ChangeTracker.Entries<Employee>().ToList();
        if (assignments.Count == 0 && employees.Count == 0) return [];
        db.ChangeTracker.DetectChanges();

        var tracked = assignments.Where(a => a.Entity.Id > 0).ToDictionary(a => a.Entity.Id, a => a.Entity);
        var byAssignment = new Dictionary<Assignment, Employee>(ReferenceEqualityComparer.Instance);
        foreach (var entry in employees)
        {
            var person = entry.Entity;
            var current = person.CurrentAssignment
                ?? (person.CurrentAssignmentId is int id ? tracked.GetValueOrDefault(id) : null);
            if (current is not null) byAssignment[current] = person;
            // An employee whose assignment is not loaded keeps its copy (the columns are not part of this change).
            if (current is not null || person.CurrentAssignmentId is null) Copy(person, current);
        }

        var untracked = new List<int>();
        foreach (var entry in assignments)
        {
            if (entry.State != EntityState.Modified || byAssignment.ContainsKey(entry.Entity)) continue;
            if (entry.Property(a => a.DueOn).IsModified || entry.Property(a => a.StartedAt).IsModified
                || entry.Property(a => a.CompletedAt).IsModified || entry.Property(a => a.Reason).IsModified)
                untracked.Add(entry.Entity.Id);
        }
        return untracked;
    }

    /// <summary>Re-copies the state of the given assignments onto whoever has them as current (a set-based write).</summary>
    public static Task<int> SyncAsync(AppDbContext db, IReadOnlyCollection<int> assignmentIds, CancellationToken ct = default) =>
        assignmentIds.Count == 0
            ? Task.FromResult(0)
            : Refresh(db, db.Employees.Where(e => e.CurrentAssignmentId != null && assignmentIds.Contains(e.CurrentAssignmentId.Value)), ct);

    /// <summary>Re-copies every employee's state (repair; the migration that added the columns does the same in SQL).</summary>
    public static Task<int> SyncAllAsync(AppDbContext db, CancellationToken ct = default) => Refresh(db, db.Employees, ct);

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
