using ServicePromise.Web.Content;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Learning;

public enum AssignmentReason
{
    Onboarding = 1,
    NewEdition = 2,
    PeriodicRefresher = 3,
}

/// <summary>An employee's obligation to complete (part of) an edition by a due date.</summary>
public class Assignment
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public int EditionId { get; set; }
    public Edition? Edition { get; set; }
    public AssignmentReason Reason { get; set; }
    public DateTime AssignedAt { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>First time any pillar was read or reflected on; kept so status needs no per-pillar query.</summary>
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public List<AssignmentPillar> Pillars { get; set; } = [];
}

/// <summary>One pillar the assignment covers, with the employee's progress on it.</summary>
public class AssignmentPillar
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment? Assignment { get; set; }
    public int PillarId { get; set; }
    public Pillar? Pillar { get; set; }
    public DateTime? ReadAt { get; set; }
    public DateTime? ReflectedAt { get; set; }
}
