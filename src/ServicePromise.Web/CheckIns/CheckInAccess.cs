using ServicePromise.Web.Coaching;

namespace ServicePromise.Web.CheckIns;

/// <summary>What someone may do with a person's check-in.</summary>
public enum CheckInAccessLevel
{
    /// <summary>Nothing: the page does not exist for them (colleagues, other managers, other employees).</summary>
    None,
    /// <summary>Read it and its replies (HR, for people who have a manager).</summary>
    Read,
    /// <summary>Read it and reply: the person's reviewer (their manager, or HR for people without one).</summary>
    Reply,
    /// <summary>The person themselves: answer it when due, read the replies.</summary>
    Own,
}

/// <summary>
/// Who sees a check-in — plain rules: the person, and whoever reviews their reflections (<see cref="ReviewRules.AccessOf"/>):
/// their manager, and HR. A colleague never does, whatever the sharing consent of the reflection behind it.
/// </summary>
public static class CheckInAccess
{
    public static CheckInAccessLevel Of(ReviewViewer viewer, ReviewAuthor person)
    {
        if (viewer.EmployeeId is int id && id == person.EmployeeId) return CheckInAccessLevel.Own;
        return ReviewRules.AccessOf(viewer, person) switch
        {
            ReviewAccess.Decide => CheckInAccessLevel.Reply,
            ReviewAccess.See => CheckInAccessLevel.Read,
            _ => CheckInAccessLevel.None,
        };
    }
}
