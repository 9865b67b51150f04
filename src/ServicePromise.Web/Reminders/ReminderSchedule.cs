namespace ServicePromise.Web.Reminders;

public enum ReminderKind
{
    /// <summary>"You have the promise to do, by this date."</summary>
    Assigned = 1,
    /// <summary>N days before the due date.</summary>
    BeforeDue = 2,
    /// <summary>On the first day late, then every week.</summary>
    Overdue = 3,
    /// <summary>To the person's manager (HR when there is none) once they are this late.</summary>
    Escalation = 4,
}

/// <summary>One message of the schedule. <see cref="Key"/> identifies it per assignment: each is sent at most once.</summary>
public sealed record ReminderStep(ReminderKind Kind, int Days)
{
    public string Key => Kind switch
    {
        ReminderKind.Assigned => "assigned",
        ReminderKind.BeforeDue => $"due-{Days}",
        ReminderKind.Overdue => $"overdue-{Days}",
        _ => "escalation",
    };
}

public sealed record ReminderOptions
{
    public bool SendOnAssignment { get; init; } = true;
    /// <summary>Days before the due date a reminder goes out.</summary>
    public IReadOnlyList<int> BeforeDueDays { get; init; } = [7, 1];
    /// <summary>Days between overdue notices, after the first on the first late day.</summary>
    public int OverdueEveryDays { get; init; } = 7;
    /// <summary>Days late from which the manager (or HR) is told.</summary>
    public int EscalateAfterDays { get; init; } = 14;
}

/// <summary>
/// Which reminder a person should get today for an open assignment — plain rules, no database. Only the most
/// recent step of each kind is ever due: a service that was down for a week sends one overdue notice, not a
/// backlog of them; and steps already sent (by <see cref="ReminderStep.Key"/>) are never due again.
/// </summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<ReminderStep> Due(DateOnly assignedOn, DateOnly dueOn, DateOnly today, bool completed, bool active,
        IReadOnlySet<string> alreadySent, ReminderOptions options)
    {
        if (completed || !active) return [];
        var steps = new List<ReminderStep>();
        var daysLate = today.DayNumber - dueOn.DayNumber;

        if (options.SendOnAssignment && daysLate < 0) steps.Add(new(ReminderKind.Assigned, 0));

        if (daysLate < 0)
        {
            // The nearest "N days before" threshold already reached, if it was after the assignment (no "7 days
            // left" for someone given 3 days).
            var daysLeft = -daysLate;
            var before = options.BeforeDueDays.Where(d => d >= daysLeft && dueOn.AddDays(-d) > assignedOn).OrderBy(d => d).FirstOrDefault();
            if (before > 0) steps.Add(new(ReminderKind.BeforeDue, before));
        }
        else
        {
            var every = Math.Max(1, options.OverdueEveryDays);
            steps.Add(new(ReminderKind.Overdue, daysLate / every * every));
            if (daysLate >= options.EscalateAfterDays) steps.Add(new(ReminderKind.Escalation, options.EscalateAfterDays));
        }
        return steps.Where(s => !alreadySent.Contains(s.Key)).ToList();
    }
}
