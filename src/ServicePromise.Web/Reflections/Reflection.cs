using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reflections;

/// <summary>What an employee wrote about one pillar in their own role, for one assignment.</summary>
public class Reflection
{
    public int Id { get; set; }
    public int AssignmentPillarId { get; set; }
    public AssignmentPillar? AssignmentPillar { get; set; }
    public string Text { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    /// <summary>Null while the text is a draft.</summary>
    public DateTime? SubmittedAt { get; set; }
}
