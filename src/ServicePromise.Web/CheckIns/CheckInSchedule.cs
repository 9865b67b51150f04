using System.Globalization;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.CheckIns;

/// <summary>One check-in of a plan as the schedule sees it.</summary>
public sealed record CheckInStep(int Step, DateOnly AnchorOn, DateOnly DueOn, bool IsRetry);

/// <summary>What the person answered, as the schedule needs it.</summary>
public sealed record CheckInAnswer(CheckInOutcome Outcome, bool Habit, DateOnly? NewDate);

/// <summary>
/// When a committed action is asked about — plain C#, no database. The first check-in comes on the plan's date (or
/// the day the reflection counted, when a review made that later); follow-ups come at each of the
/// <see cref="CheckInOptions.FollowUpDays"/> after it. Saying it has become a habit stops them. A "not yet" may choose a
/// new date once per plan: it is asked again then, and the follow-ups move with it.
/// </summary>
public static class CheckInSchedule
{
    static readonly Messages L = new();

    /// <summary>A plan's date lies this many days after the day it is set, at least and at most.</summary>
    public const int MinDays = 1, MaxDays = 90;

    /// <summary>The date the reflection form suggests: a week ahead, which the person changes at will.</summary>
    public const int SuggestedDays = 7;

    public static CheckInStep First(DateOnly planDate, DateOnly countedOn)
    {
        var due = planDate < countedOn ? countedOn : planDate;
        return new CheckInStep(0, due, due, IsRetry: false);
    }

    /// <summary>The check-in after <paramref name="current"/> was answered, or null when the plan is followed up no more.</summary>
    /// <param name="retryUsed">This plan already had its "not yet" new date.</param>
    public static CheckInStep? After(CheckInStep current, CheckInAnswer answer, DateOnly answeredOn, bool retryUsed, IReadOnlyList<int> followUpDays)
    {
        if (answer.Habit && answer.Outcome != CheckInOutcome.NotYet) return null;
        if (answer.Outcome == CheckInOutcome.NotYet && answer.NewDate is { } newDate && !retryUsed && !current.IsRetry)
            return new CheckInStep(current.Step, current.AnchorOn.AddDays(newDate.DayNumber - current.DueOn.DayNumber), newDate, IsRetry: true);
        var next = current.Step + 1;
        if (next > followUpDays.Count) return null;
        var due = current.AnchorOn.AddDays(followUpDays[next - 1]);
        // Answered late, past the next date: asked the day after rather than at once again.
        if (due <= answeredOn) due = answeredOn.AddDays(1);
        return new CheckInStep(next, current.AnchorOn, due, IsRetry: false);
    }

    /// <summary>Whether a "not yet" on this check-in may still choose a new date.</summary>
    public static bool OffersNewDate(CheckInStep current, bool retryUsed) => !retryUsed && !current.IsRetry;

    /// <summary>The earliest and latest date a plan set on <paramref name="today"/> may take.</summary>
    public static (DateOnly Min, DateOnly Max) Range(DateOnly today) => (today.AddDays(MinDays), today.AddDays(MaxDays));

    /// <summary>
    /// A date as a date picker posts it (yyyy-MM-dd), or why it cannot be a plan's date: missing, not a date, or outside
    /// <see cref="MinDays"/>–<see cref="MaxDays"/> days after <paramref name="today"/>.
    /// </summary>
    public static (DateOnly? Date, Message? Problem) ParseDate(string? posted, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(posted)) return (null, L["Elige la fecha en la que lo harás por primera vez."]);
        if (!DateOnly.TryParseExact(posted.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, L["«{0}» no es una fecha. Elígela en el calendario (día, mes y año).", posted.Trim()]);
        var (min, max) = Range(today);
        if (date < min || date > max)
            return (null, L["La fecha tiene que estar entre mañana y dentro de {0} días (del {1} al {2}).", MaxDays,
                min.ToString("d", CultureInfo.CurrentCulture), max.ToString("d", CultureInfo.CurrentCulture)]);
        return (date, null);
    }
}
