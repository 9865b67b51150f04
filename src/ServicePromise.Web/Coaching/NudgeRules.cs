namespace ServicePromise.Web.Coaching;

/// <summary>How often a person may be reminded — plain rules, no database.</summary>
public static class NudgeRules
{
    /// <summary>
    /// When the person may be nudged again, or null when they may be now. The limit is per person, whoever sent the
    /// last reminder: one person is never flooded because two people noticed at once.
    /// </summary>
    public static DateTime? NextAllowedAt(DateTime? lastSentAt, DateTime now, int intervalHours) =>
        lastSentAt is { } last && now < last.AddHours(intervalHours) ? last.AddHours(intervalHours) : null;
}
