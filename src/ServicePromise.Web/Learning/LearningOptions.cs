using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Learning;

public class LearningOptions
{
    public const string Section = "Learning";

    /// <summary>Days a new hire has, from the hire date, to complete the current edition.</summary>
    [Range(1, 365, ErrorMessage = "Learning:OnboardingDueDays must be between 1 and 365.")]
    public int OnboardingDueDays { get; set; } = 14;

    /// <summary>Days people have, from its publication, to do what a new edition asks of them.</summary>
    [Range(1, 365, ErrorMessage = "Learning:NewEditionDueDays must be between 1 and 365.")]
    public int NewEditionDueDays { get; set; } = 30;

    /// <summary>
    /// Every this many months after completing, a full refresher (and certificates expire then). Off when empty.
    /// </summary>
    [Range(1, 120, ErrorMessage = "Learning:PeriodicRefresherMonths must be between 1 and 120 months, or empty to turn periodic refreshers off.")]
    public int? PeriodicRefresherMonths { get; set; }

    /// <summary>Percentage of a knowledge check's questions that must be answered right to pass it.</summary>
    [Range(1, 100, ErrorMessage = "Learning:CheckPassMark must be a percentage between 1 and 100.")]
    public int CheckPassMark { get; set; } = 80;

    /// <summary>Hours a manager must wait before nudging the same person again.</summary>
    [Range(1, 720, ErrorMessage = "Learning:NudgeIntervalHours must be between 1 and 720.")]
    public int NudgeIntervalHours { get; set; } = 24;
}
