using System.Security.Claims;

namespace ServicePromise.Web.Reminders;

/// <summary>What a reminder shown on a page (rather than mailed) says: the promise is due soon, or late.</summary>
public enum OnPageReminderKind { DueSoon, Overdue }

public sealed record OnPageReminder(OnPageReminderKind Kind, int Days);

/// <summary>
/// Reminders for people without email, who get no mail: shown on their home page and beside them on their manager's
/// Mi equipo, by the same calendar as the mailed ones — from the first "days before" threshold until the due date,
/// then late. Plain rules, no database.
/// </summary>
public static class OnPageReminders
{
    /// <returns>Null while the due date is further away than the earliest reminder the schedule would mail, and once done.</returns>
    public static OnPageReminder? For(DateOnly dueOn, DateOnly today, bool completed, ReminderOptions options)
    {
        if (completed) return null;
        var daysLeft = dueOn.DayNumber - today.DayNumber;
        if (daysLeft < 0) return new(OnPageReminderKind.Overdue, -daysLeft);
        var window = options.BeforeDueDays.Count == 0 ? 0 : options.BeforeDueDays.Max();
        return daysLeft <= window ? new(OnPageReminderKind.DueSoon, daysLeft) : null;
    }

    /// <summary>The signed-in person has no email in their session (Identity writes the email claim only for an account that has one).</summary>
    public static bool HasNoEmail(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimTypes.Email) is null;
}
