namespace ServicePromise.Web.RoleChanges;

/// <summary>One recorded change, as the history reads it.</summary>
public sealed record JobChangeAt(DateTime ChangedAt, int AssignmentId, string OldJobTitle, string NewJobTitle);

/// <summary>Which job a person had when an assignment was given, from their role changes (plain rule, no database).</summary>
public static class JobHistory
{
    /// <summary>
    /// A role-change assignment was for the job it asked about (its newest change); any other, for the job held then: the
    /// "before" of the first change after it, or the newest job when none came after. Null for a person who never changed.
    /// </summary>
    public static string? JobAt(IReadOnlyList<JobChangeAt> changes, int assignmentId, DateTime assignedAt)
    {
        if (changes.Count == 0) return null;
        var ordered = changes.OrderBy(c => c.ChangedAt).ToList();
        if (ordered.LastOrDefault(c => c.AssignmentId == assignmentId) is { } own) return own.NewJobTitle;
        return ordered.FirstOrDefault(c => c.ChangedAt > assignedAt) is { } next ? next.OldJobTitle : ordered[^1].NewJobTitle;
    }
}
