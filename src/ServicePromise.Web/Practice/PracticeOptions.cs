using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Practice;

/// <summary>The weekly question after certification (section "Practice").</summary>
public class PracticeOptions
{
    public const string Section = "Practice";

    /// <summary>Off: no weekly questions are made and the home shows none.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Whether this instance runs the weekly job (off: another instance, or a test, makes the questions).</summary>
    public bool Scheduled { get; set; } = true;

    /// <summary>How many questions a certified person gets each week.</summary>
    [Range(1, 7, ErrorMessage = "Practice:PerWeek must be between 1 and 7.")]
    public int PerWeek { get; set; } = 1;

    /// <summary>The Leitner boxes' intervals in weeks, box 1 first: a right answer moves a question one box on.</summary>
    [MinLength(1, ErrorMessage = "Practice:IntervalWeeks needs at least one box.")]
    public int[] IntervalWeeks { get; set; } = [1, 2, 4, 8, 16];

    /// <summary>How far back "knowledge kept" counts answers.</summary>
    [Range(7, 730, ErrorMessage = "Practice:KeptDays must be between 7 and 730.")]
    public int KeptDays { get; set; } = 90;

    /// <summary>How old HR's counted "knowledge kept" may be before a visit counts it again (0: always count; the hourly job also counts).</summary>
    [Range(0, 1440, ErrorMessage = "Practice:KnowledgeMaxAgeMinutes must be between 0 and 1440.")]
    public int KnowledgeMaxAgeMinutes { get; set; } = 120;

    /// <summary>Off: this instance sends no weekly question emails (the home card still asks).</summary>
    public bool MailEnabled { get; set; } = true;

    /// <summary>How often this instance looks for people whose weekly email is still to send.</summary>
    [Range(1, 1440, ErrorMessage = "Practice:MailIntervalMinutes must be between 1 and 1440.")]
    public int MailIntervalMinutes { get; set; } = 15;

    /// <summary>
    /// Off (unset) by default. A percentage: a certified person whose knowledge kept on a pillar falls below it gets a
    /// short refresher of that pillar (<see cref="KnowledgeRefreshers"/>).
    /// </summary>
    [Range(1, 100, ErrorMessage = "Practice:RefresherBelow must be a percentage between 1 and 100 (or unset: no knowledge refreshers).")]
    public int? RefresherBelow { get; set; }

    /// <summary>How many answers on a pillar (since the person's last knowledge refresher) it takes before its share can send one.</summary>
    [Range(1, 50, ErrorMessage = "Practice:RefresherMinAnswers must be between 1 and 50.")]
    public int RefresherMinAnswers { get; set; } = 3;

    /// <summary>Days a person has to do a knowledge refresher.</summary>
    [Range(1, 365, ErrorMessage = "Practice:RefresherDueDays must be between 1 and 365.")]
    public int RefresherDueDays { get; set; } = 30;

    /// <summary>How many people the weekly job handles per batch (its memory bound).</summary>
    [Range(10, 20000, ErrorMessage = "Practice:BatchSize must be between 10 and 20000.")]
    public int BatchSize { get; set; } = 2000;
}
