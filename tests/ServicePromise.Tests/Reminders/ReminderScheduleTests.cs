using ServicePromise.Web.Reminders;

namespace ServicePromise.Tests.Reminders;

public class ReminderScheduleTests
{
    static readonly DateOnly Assigned = new(2026, 11, 1);
    static readonly DateOnly Due = new(2026, 11, 30);
    static readonly ReminderOptions Options = new();

    static string[] Keys(DateOnly today, bool completed = false, bool active = true, params string[] sent) =>
        ReminderSchedule.Due(Assigned, Due, today, completed, active, sent.ToHashSet(), Options).Select(s => s.Key).ToArray();

    [Fact]
    public void The_welcome_goes_out_once_at_assignment()
    {
        Assert.Equal(["assigned"], Keys(Assigned));
        Assert.Empty(Keys(Assigned.AddDays(3), sent: "assigned"));
    }

    [Fact]
    public void Seven_days_and_one_day_before_the_due_date()
    {
        Assert.Empty(Keys(Due.AddDays(-8), sent: "assigned"));
        Assert.Equal(["due-7"], Keys(Due.AddDays(-7), sent: "assigned"));
        Assert.Equal(["due-7"], Keys(Due.AddDays(-5), sent: "assigned")); // missed on the day: sent late, once
        Assert.Empty(Keys(Due.AddDays(-5), sent: ["assigned", "due-7"]));
        Assert.Equal(["due-1"], Keys(Due.AddDays(-1), sent: ["assigned", "due-7"]));
    }

    [Fact]
    public void Overdue_on_the_first_late_day_then_weekly_never_a_backlog()
    {
        Assert.Equal(["overdue-0"], Keys(Due, sent: ["assigned", "due-7", "due-1"]));
        Assert.Empty(Keys(Due.AddDays(6), sent: "overdue-0"));
        Assert.Equal(["overdue-7"], Keys(Due.AddDays(7), sent: "overdue-0"));
        // Down for three weeks: one notice for where things stand, not three.
        Assert.Equal(["overdue-14"], Keys(Due.AddDays(13 + 1), sent: "overdue-0").Where(k => k.StartsWith("overdue", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void The_manager_is_told_once_after_the_escalation_delay()
    {
        Assert.DoesNotContain("escalation", Keys(Due.AddDays(13), sent: "overdue-7"));
        Assert.Contains("escalation", Keys(Due.AddDays(14), sent: "overdue-7"));
        Assert.DoesNotContain("escalation", Keys(Due.AddDays(20), sent: ["overdue-14", "escalation"]));
    }

    [Fact]
    public void Nobody_completed_or_inactive_is_reminded()
    {
        Assert.Empty(Keys(Due.AddDays(30), completed: true));
        Assert.Empty(Keys(Due.AddDays(30), active: false));
    }

    [Fact]
    public void No_seven_day_reminder_for_someone_given_less_than_seven_days()
    {
        var assigned = Due.AddDays(-3);
        var keys = ReminderSchedule.Due(assigned, Due, Due.AddDays(-2), false, true, new HashSet<string> { "assigned" }, Options).Select(s => s.Key);
        Assert.Empty(keys);
        Assert.Equal(["due-1"], ReminderSchedule.Due(assigned, Due, Due.AddDays(-1), false, true, new HashSet<string> { "assigned" }, Options).Select(s => s.Key));
    }
}
