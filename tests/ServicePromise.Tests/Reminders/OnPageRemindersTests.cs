using ServicePromise.Web.Reminders;

namespace ServicePromise.Tests.Reminders;

public class OnPageRemindersTests
{
    static readonly ReminderOptions Schedule = new() { BeforeDueDays = [7, 1] };
    static readonly DateOnly Due = new(2026, 12, 20);

    [Fact]
    public void Nothing_is_shown_before_the_first_mailed_reminder_would_go_out()
    {
        Assert.Null(OnPageReminders.For(Due, Due.AddDays(-8), completed: false, Schedule));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(3)]
    [InlineData(0)]
    public void From_the_first_threshold_to_the_due_date_the_days_left_are_shown(int daysLeft)
    {
        Assert.Equal(new OnPageReminder(OnPageReminderKind.DueSoon, daysLeft), OnPageReminders.For(Due, Due.AddDays(-daysLeft), false, Schedule));
    }

    [Fact]
    public void After_the_due_date_the_days_late_are_shown()
    {
        Assert.Equal(new OnPageReminder(OnPageReminderKind.Overdue, 9), OnPageReminders.For(Due, Due.AddDays(9), false, Schedule));
    }

    [Fact]
    public void A_completed_promise_needs_no_reminder()
    {
        Assert.Null(OnPageReminders.For(Due, Due.AddDays(9), completed: true, Schedule));
    }

    [Fact]
    public void The_window_follows_the_schedules_earliest_reminder()
    {
        var longer = new ReminderOptions { BeforeDueDays = [14, 3] };
        Assert.NotNull(OnPageReminders.For(Due, Due.AddDays(-14), false, longer));
        Assert.Null(OnPageReminders.For(Due, Due.AddDays(-14), false, Schedule));
    }
}
