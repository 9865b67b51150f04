using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.RoleChanges;

/// <summary>Where the change came from.</summary>
public enum RoleChangeSource
{
    StaffImport = 1,
    Scim = 2,
    HrPage = 3,
}

/// <summary>
/// A change of job title or site that asked the person to re-contextualise: the job and site before and after (names
/// copied, so the history reads the same after a site is renamed) and the assignment that asks for the new reflections.
/// </summary>
public class RoleChange
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    /// <summary>The role-change assignment (kept when a later change updates the pending one).</summary>
    public int AssignmentId { get; set; }
    public Assignment? Assignment { get; set; }
    public DateTime ChangedAt { get; set; }
    public RoleChangeSource Source { get; set; }
    public string OldJobTitle { get; set; } = "";
    public string NewJobTitle { get; set; } = "";
    public string? OldSite { get; set; }
    public string? NewSite { get; set; }
}
