using System.Linq.Expressions;

namespace ServicePromise.Web.Learning;

public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    Completed,
    Overdue,
    /// <summary>
    /// Certified, and writing their reflections again after a change of job or site: counted with the completed (the
    /// certificate stays valid), never as overdue or not started, and listed on its own so HR sees who it is.
    /// </summary>
    Recontextualising,
}

/// <summary>What counts as done, and how an assignment's state reads to HR. Plain rules, no database.</summary>
public static class CompletionRules
{
    /// <summary>
    /// A pillar is done when its lesson was read, its knowledge check (if it has one) passed, and its reflection
    /// submitted. The one statement of the rule: queries use it as it is (a navigation made queryable,
    /// <c>a.Pillars.AsQueryable().Count(CompletionRules.PillarDone)</c>, lets the database count with it) and
    /// <see cref="IsPillarDone"/> is its compiled form, so the database and the pages cannot disagree.
    /// </summary>
    public static readonly Expression<Func<AssignmentPillar, bool>> PillarDone =
        p => p.ReadAt != null && p.ReflectedAt != null && (!p.Pillar!.HasCheck || p.CheckPassedAt != null);

    static readonly Func<AssignmentPillar, bool> PillarDoneCompiled = PillarDone.Compile();

    /// <summary><see cref="PillarDone"/> on values already read (a pillar's progress and whether it has a check).</summary>
    public static bool IsPillarDone(DateTime? readAt, DateTime? reflectedAt, bool hasCheck = false, DateTime? checkPassedAt = null) =>
        PillarDoneCompiled(new AssignmentPillar
        {
            ReadAt = readAt, ReflectedAt = reflectedAt, CheckPassedAt = checkPassedAt, Pillar = new Content.Pillar { HasCheck = hasCheck },
        });

    /// <summary>
    /// An assignment is complete when it covers at least one pillar and every one of them is done. An
    /// expression, so the database applies the very same rule when it completes an assignment.
    /// </summary>
    public static readonly Expression<Func<Assignment, bool>> AllPillarsDone =
        a => a.Pillars.Any() && a.Pillars.AsQueryable().All(PillarDone);

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

    /// <summary>
    /// <see cref="StatusOf"/> over the state each person carries (<see cref="Staff.Employee.CurrentDueOn"/> and the rest;
    /// no assignment yet reads as not started), as a filter the database applies: the lists, counts and dashboard
    /// use this, the pages <see cref="StatusOf"/>, and a test holds the two to the same answers.
    /// </summary>
    /// <remarks>
    /// A person re-contextualising after a new job (<see cref="AssignmentReason.RoleChange"/>, not finished) keeps their
    /// certificate: the completed filter counts them (so rates and totals still read them as certified), the
    /// <see cref="AssignmentStatus.Recontextualising"/> filter lists exactly them, and no other status has them.
    /// </remarks>
    public static Expression<Func<Staff.Employee, bool>> CurrentStatusIs(AssignmentStatus status, DateOnly today) => status switch
    {
        AssignmentStatus.Completed => e => e.CurrentCompletedAt != null || e.CurrentReason == AssignmentReason.RoleChange,
        AssignmentStatus.Recontextualising => e => e.CurrentCompletedAt == null && e.CurrentReason == AssignmentReason.RoleChange,
        AssignmentStatus.Overdue => e => e.CurrentCompletedAt == null && e.CurrentReason != AssignmentReason.RoleChange && e.CurrentDueOn < today,
        AssignmentStatus.InProgress => e => e.CurrentCompletedAt == null && e.CurrentReason != AssignmentReason.RoleChange && e.CurrentDueOn >= today && e.CurrentStartedAt != null,
        AssignmentStatus.NotStarted => e => e.CurrentCompletedAt == null && e.CurrentReason != AssignmentReason.RoleChange
            && (e.CurrentDueOn == null || (e.CurrentDueOn >= today && e.CurrentStartedAt == null)),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// <see cref="CurrentStatusOf(DateTime?, DateTime?, DateOnly?, DateOnly)"/> knowing why the current assignment was given:
    /// an unfinished role change reads as <see cref="AssignmentStatus.Recontextualising"/>, whatever its due date.
    /// </summary>
    public static AssignmentStatus CurrentStatusOf(DateTime? completedAt, DateTime? startedAt, DateOnly? dueOn, DateOnly today, AssignmentReason? reason) =>
        reason == AssignmentReason.RoleChange && completedAt is null ? AssignmentStatus.Recontextualising
        : CurrentStatusOf(completedAt, startedAt, dueOn, today);

    /// <summary><see cref="StatusOf"/> for a person's carried state, where no due date means no assignment yet (completed still wins).</summary>
    public static AssignmentStatus CurrentStatusOf(DateTime? completedAt, DateTime? startedAt, DateOnly? dueOn, DateOnly today) =>
        dueOn is { } due ? StatusOf(completedAt, startedAt, due, today)
        : completedAt is not null ? AssignmentStatus.Completed : AssignmentStatus.NotStarted;

    /// <summary>A new hire's due date: the configured number of days after the hire date, never before the assignment itself.</summary>
    public static DateOnly OnboardingDueDate(DateOnly hireDate, DateOnly assignedOn, int dueDays)
    {
        var fromHire = hireDate.AddDays(dueDays);
        return fromHire < assignedOn ? assignedOn.AddDays(dueDays) : fromHire;
    }
}
