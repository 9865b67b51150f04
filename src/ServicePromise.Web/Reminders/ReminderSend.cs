using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Reminders;

public enum SendStatus
{
    /// <summary>Claimed by a sender and being sent. If the sender died here, it is never sent again (at most once) and HR sees it.</summary>
    Claimed = 0,
    Sent = 1,
    /// <summary>Failed; retried with backoff until <see cref="ReminderSenderOptions.MaxAttempts"/>.</summary>
    Failed = 2,
}

/// <summary>
/// One step of the reminder schedule for one assignment, recorded BEFORE it is sent: the unique (assignment, step)
/// row is the claim that makes each message go out at most once, across restarts and app instances.
/// </summary>
public class ReminderSend
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Learning.Assignment? Assignment { get; set; }
    public string Step { get; set; } = "";
    public ReminderKind Kind { get; set; }
    /// <summary>Who it went to; for an escalation, the manager (or the HR person) told.</summary>
    public string Recipient { get; set; } = "";
    public SendStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

public class ReminderSenderOptions
{
    public const string Section = "Reminders";

    /// <summary>Off: no reminder is sent (the schedule is still shown).</summary>
    public bool Enabled { get; set; } = true;
    [Range(1, 1440, ErrorMessage = "Reminders:IntervalMinutes must be between 1 and 1440.")]
    public int IntervalMinutes { get; set; } = 15;
    public bool SendOnAssignment { get; set; } = true;
    /// <summary>Days before the due date, comma-separated (e.g. "7,1").</summary>
    [RegularExpression(@"^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$", ErrorMessage = "Reminders:BeforeDueDays must be days separated by commas, e.g. 7,1.")]
    public string BeforeDueDays { get; set; } = "7,1";
    [Range(1, 90, ErrorMessage = "Reminders:OverdueEveryDays must be between 1 and 90.")]
    public int OverdueEveryDays { get; set; } = 7;
    [Range(0, 365, ErrorMessage = "Reminders:EscalateAfterDays must be between 0 and 365.")]
    public int EscalateAfterDays { get; set; } = 14;
    [Range(1, 20, ErrorMessage = "Reminders:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 5;

    public ReminderOptions Schedule => new()
    {
        SendOnAssignment = SendOnAssignment,
        BeforeDueDays = BeforeDueDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList(),
        OverdueEveryDays = OverdueEveryDays,
        EscalateAfterDays = EscalateAfterDays,
    };

    /// <summary>Wait before retry N (1-based): 5 minutes, doubling, at most a day.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(1440, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
