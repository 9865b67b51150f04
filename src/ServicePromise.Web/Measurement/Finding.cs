namespace ServicePromise.Web.Measurement;

/// <summary>Why a result is a finding; both can hold at once.</summary>
[Flags]
public enum FindingKind
{
    /// <summary>Below the standard's threshold, with at least the minimum sample.</summary>
    BelowThreshold = 1,
    /// <summary>More than the set number of points below the previous period.</summary>
    Drop = 2,
}

public enum FindingState
{
    /// <summary>Raised by a result; HR has not decided.</summary>
    Proposed = 1,
    /// <summary>HR confirmed it: the targeted refresher went out and the manager owns a plan.</summary>
    Confirmed = 2,
    /// <summary>HR decided not to act on it (with a reason).</summary>
    Dismissed = 3,
    /// <summary>A later period's result for the same place and standard met the standard.</summary>
    Closed = 4,
}

/// <summary>
/// An audit result that calls for action on one pillar at one site (or department): raised by the result, confirmed
/// or dismissed by HR, closed when a later period meets the standard.
/// </summary>
public class Finding
{
    public int Id { get; set; }
    /// <summary>The result that raised it (at most one finding per result).</summary>
    public int ResultId { get; set; }
    public AuditResult? Result { get; set; }
    public int? SiteId { get; set; }
    public Staff.Site? Site { get; set; }
    public int? DepartmentId { get; set; }
    public Staff.Department? Department { get; set; }
    public string StandardKey { get; set; } = "";
    public string PillarKey { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public PeriodKind PeriodKind { get; set; }
    public FindingKind Kind { get; set; }
    public int ScoreHundredths { get; set; }
    public int ThresholdHundredths { get; set; }
    /// <summary>The previous period's score, when there was one.</summary>
    public int? PreviousScoreHundredths { get; set; }
    public DateTime RaisedAt { get; set; }
    public FindingState State { get; set; } = FindingState.Proposed;
    public DateTime? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    /// <summary>Why HR dismissed it.</summary>
    public string? DismissReason { get; set; }
    /// <summary>The job titles the refresher was narrowed to, one per line; null: everyone at the site.</summary>
    public string? JobTitles { get; set; }
    public DateOnly? RefresherDueOn { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>The later result that met the standard.</summary>
    public int? ClosedByResultId { get; set; }
}
