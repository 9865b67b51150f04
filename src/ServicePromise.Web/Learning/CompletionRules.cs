using System.Linq.Expressions;

namespace ServicePromise.Web.Learning;

public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    Completed,
    Overdue,
}

/// <summary>What counts as done, and how an assignment's state reads to HR. Plain rules, no database.</summary>
public static class CompletionRules
{
    /// <summary>A pillar is done when its lesson was read, its knowledge check (if it has one) passed, and its reflection submitted.</summary>
    public static bool IsPillarDone(DateTime? readAt, DateTime? reflectedAt, bool hasCheck = false, DateTime? checkPassedAt = null) =>
        readAt is not null && reflectedAt is not null && (!hasCheck || checkPassedAt is not null);

    /// <summary>
    /// An assignment is complete when it covers at least one pillar and every one of them is done. An
    /// expression, so the database applies the very same rule when it completes an assignment.
    /// </summary>
    public static readonly Expression<Func<Assignment, bool>> AllPillarsDone =
        a => a.Pillars.Any() && a.Pillars.All(p => p.ReadAt != null && p.ReflectedAt != null && (!p.Pillar!.HasCheck || p.CheckPassedAt != null));

    static readonly Func<Assignment, bool> AllPillarsDoneCompiled = AllPillarsDone.Compile();

    public static bool IsComplete(Assignment assignment) => AllPillarsDoneCompiled(assignment);

    /// <summary>
    /// Completed wins over everything; an unfinished assignment is overdue from the day after its due date;
    /// otherwise it is in progress once anything was done.
    /// </summary>
    public static AssignmentStatus StatusOf(DateTime? completedAt, DateTime? startedAt, DateOnly dueOn, DateOnly today)
    {
        if (completedAt is not null) return AssignmentStatus.Completed;
        if (today > dueOn) return AssignmentStatus.Overdue;
        return startedAt is not null ? AssignmentStatus.InProgress : AssignmentStatus.NotStarted;
    }

    /// <summary>A new hire's due date: the configured number of days after the hire date, never before the assignment itself.</summary>
    public static DateOnly OnboardingDueDate(DateOnly hireDate, DateOnly assignedOn, int dueDays)
    {
        var fromHire = hireDate.AddDays(dueDays);
        return fromHire < assignedOn ? assignedOn.AddDays(dueDays) : fromHire;
    }
}
