using ServicePromise.Web.Staff;

namespace ServicePromise.Web.RoleChanges;

/// <summary>Where a person works: their job title and site.</summary>
public sealed record JobPlace(string JobTitle, int? SiteId);

/// <summary>What a person's learning looks like at the moment their job or site changes.</summary>
public enum LearningStage
{
    /// <summary>Nothing completed yet: they are still onboarding, their reflections are not written.</summary>
    NothingCompleted,
    /// <summary>They have completed (are certified) and nothing asks them for a new reflection yet.</summary>
    Certified,
    /// <summary>They are already re-contextualising after an earlier change (not yet finished).</summary>
    Recontextualising,
}

public enum RoleChangeDecision
{
    /// <summary>The job title reads the same once case, accents and spaces are set aside, and the site is the same.</summary>
    NotAChange,
    /// <summary>Re-contextualisation is switched off (<c>Learning:RoleChange:Enabled</c>).</summary>
    Off,
    /// <summary>A real change, but the person has nothing completed: onboarding already asks for their first reflections.</summary>
    StillOnboarding,
    /// <summary>A new assignment asks for new reflections in the new job.</summary>
    Ask,
    /// <summary>Already re-contextualising: the pending assignment stays, and now names the newest job.</summary>
    UpdatePending,
}

/// <summary>
/// When a change of job title or site asks a person to write their reflections again (plain rules, no database).
/// A re-capitalised or re-accented title ("cajera" → "Cajera ") is the same job; a different site is a new context
/// even with the same title, since the customers differ.
/// </summary>
public static class RoleChangeRule
{
    /// <summary>A job title as it is compared: lower case, no accents, spaces collapsed (the search folding).</summary>
    public static string Normalised(string? jobTitle) => SearchText.Fold(jobTitle);

    public static bool IsChange(JobPlace before, JobPlace after) =>
        Normalised(before.JobTitle) != Normalised(after.JobTitle) || before.SiteId != after.SiteId;

    public static RoleChangeDecision Decide(JobPlace before, JobPlace after, LearningStage stage, bool enabled)
    {
        if (!IsChange(before, after)) return RoleChangeDecision.NotAChange;
        if (!enabled) return RoleChangeDecision.Off;
        return stage switch
        {
            LearningStage.NothingCompleted => RoleChangeDecision.StillOnboarding,
            LearningStage.Recontextualising => RoleChangeDecision.UpdatePending,
            _ => RoleChangeDecision.Ask,
        };
    }
}
