using ServicePromise.Web.Reflections;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.CheckIns;

/// <summary>What the person says became of their committed action.</summary>
public enum CheckInOutcome
{
    Yes = 1,
    Partly = 2,
    NotYet = 3,
}

/// <summary>
/// One time a person is asked about the action they committed to in a reflection (the version that counted): the
/// first on the plan's date, follow-ups later (see <see cref="CheckInSchedule"/>). Seen by the person, their manager
/// and HR only — never by colleagues, whatever the reflection's sharing consent.
/// </summary>
public class CommitmentCheckIn
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    /// <summary>The sent version whose action is asked about.</summary>
    public int ReflectionVersionId { get; set; }
    public ReflectionVersion? ReflectionVersion { get; set; }
    /// <summary>The pillar's key, for following through by pillar across editions.</summary>
    public string PillarKey { get; set; } = "";
    /// <summary>0 for the first check-in, then 1, 2… for the follow-ups.</summary>
    public int Step { get; set; }
    /// <summary>The date the follow-ups count from: the plan's date, moved when a "not yet" chose a new one.</summary>
    public DateOnly AnchorOn { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>Asked again on the new date a "not yet" chose (once per plan).</summary>
    public bool IsRetry { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The plan was replaced (the reflection was rewritten) before this was answered.</summary>
    public DateTime? CancelledAt { get; set; }

    public DateTime? AnsweredAt { get; set; }
    public CheckInOutcome? Outcome { get; set; }
    /// <summary>How it went, 1–5 (not asked when not done yet).</summary>
    public int? Rating { get; set; }
    public string? Note { get; set; }
    /// <summary>What got in the way, when not fully done.</summary>
    public string? Obstacle { get; set; }
    /// <summary>The person says it has become a habit: no more follow-ups.</summary>
    public bool Habit { get; set; }
    /// <summary>The new date a "not yet" chose.</summary>
    public DateOnly? NewDate { get; set; }

    /// <summary>The email's claim: set by whoever sends it, so it goes out once across restarts and instances.</summary>
    public DateTime? MailClaimedAt { get; set; }
    public DateTime? MailSentAt { get; set; }

    public List<CheckInReply> Replies { get; set; } = [];
}

/// <summary>The manager's (or HR's) coaching reply to an answered check-in; the thread is kept.</summary>
public class CheckInReply
{
    public int Id { get; set; }
    public int CheckInId { get; set; }
    public CommitmentCheckIn? CheckIn { get; set; }
    public int AuthorId { get; set; }
    public Employee? Author { get; set; }
    public string Text { get; set; } = "";
    public DateTime WrittenAt { get; set; }
}
