using ServicePromise.Web.Content;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Learning;

public enum AssignmentReason
{
    Onboarding = 1,
    NewEdition = 2,
    PeriodicRefresher = 3,
    /// <summary>A targeted refresher of one pillar for one site's people, after an audit finding (<see cref="Assignment.FindingId"/>).</summary>
    Finding = 4,
    /// <summary>A new job title or site: the person writes their reflections again for it (see <see cref="RoleChanges.RoleChange"/>).</summary>
    RoleChange = 5,
    /// <summary>A refresher of the pillars whose weekly answers fell below <see cref="Practice.PracticeOptions.RefresherBelow"/> (see <see cref="Practice.KnowledgeRefreshers"/>).</summary>
    KnowledgeRefresher = 6,
}

/// <summary>An employee's obligation to complete (part of) an edition by a due date.</summary>
public class Assignment
{
    /// <summary>
    /// The reasons that cover part of the promise (some pillars, or reflections only): completing one certifies but keeps
    /// the expiry of the last full completion, so it never restarts the periodic refresher's clock.
    /// </summary>
    public static readonly AssignmentReason[] PartialReasons =
        [AssignmentReason.NewEdition, AssignmentReason.Finding, AssignmentReason.RoleChange, AssignmentReason.KnowledgeRefresher];

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
    /// <summary>
    /// Set when a new edition moved the person on to a new assignment. From then on this one is a record only:
    /// progress written to it (from a page opened before the move) is refused, see <see cref="ProgressRecorder"/>.
    /// </summary>
    public DateTime? SupersededAt { get; set; }
    public List<AssignmentPillar> Pillars { get; set; } = [];
    /// <summary>The audit finding this assignment answers: a targeted refresher, or the role change that replaced one unfinished.</summary>
    public int? FindingId { get; set; }
    public Measurement.Finding? Finding { get; set; }
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
    public DateTime? CheckPassedAt { get; set; }
}

/// <summary>One try at a pillar's knowledge check: the order it was shown in, the answers, the score.</summary>
public class CheckAttempt
{
    public int Id { get; set; }
    public int AssignmentPillarId { get; set; }
    public AssignmentPillar? AssignmentPillar { get; set; }
    public int Number { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>JSON: question indexes in the order shown, each with its option indexes in the order shown.</summary>
    public string Presentation { get; set; } = "";
    /// <summary>JSON: for each question index, the option indexes chosen.</summary>
    public string? Answers { get; set; }
    public int? Score { get; set; }
    public bool Passed { get; set; }
}
