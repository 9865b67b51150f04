namespace ServicePromise.Web.Measurement;

public enum ActionPlanState
{
    Draft = 1,
    /// <summary>Sent for approval to HR or the author's own manager.</summary>
    Submitted = 2,
    Approved = 3,
    /// <summary>Sent back with a comment; the author edits and submits again.</summary>
    Returned = 4,
}

/// <summary>The site manager's answer to a confirmed finding: the cause, the actions, who owns them and by when.</summary>
public class ActionPlan
{
    public int Id { get; set; }
    /// <summary>One plan per finding.</summary>
    public int FindingId { get; set; }
    public Finding? Finding { get; set; }
    /// <summary>The manager who writes it (the site's manager when the finding was confirmed).</summary>
    public int AuthorId { get; set; }
    public Staff.Employee? Author { get; set; }
    public string Cause { get; set; } = "";
    public string Actions { get; set; } = "";
    /// <summary>Who carries the actions out, as the manager writes it.</summary>
    public string Owner { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public ActionPlanState State { get; set; } = ActionPlanState.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>Raised by every save, submission and decision: a form posts the version it was loaded with, and a stale one is refused.</summary>
    public int Version { get; set; }
    public List<ActionPlanDecision> Decisions { get; set; } = [];
}

/// <summary>One approval or return of a plan, with the approver's comment: the plan's history.</summary>
public class ActionPlanDecision
{
    public int Id { get; set; }
    public int ActionPlanId { get; set; }
    public bool Approved { get; set; }
    public string? Comment { get; set; }
    public DateTime DecidedAt { get; set; }
    /// <summary>The approver's Identity user.</summary>
    public string DecidedById { get; set; } = "";
}
