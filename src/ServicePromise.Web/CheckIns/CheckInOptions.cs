using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.CheckIns;

/// <summary>When committed actions are asked about again, and how often the check-in emails are looked for. Section <c>CheckIns</c>.</summary>
public class CheckInOptions : IValidatableObject
{
    public const string Section = "CheckIns";

    /// <summary>Days after the first check-in's date on which the follow-ups come, in order; unset, 30 and 90.</summary>
    /// <remarks>Null by default: the configuration binder appends to an array that already has values rather than replacing it.</remarks>
    public int[]? FollowUpDays { get; set; }

    public IReadOnlyList<int> FollowUps => FollowUpDays ?? [30, 90];

    /// <summary>Off: no check-in emails from this instance (the cards still appear).</summary>
    public bool MailEnabled { get; set; } = true;

    [Range(1, 1440, ErrorMessage = "CheckIns:IntervalMinutes must be between 1 and 1440.")]
    public int IntervalMinutes { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FollowUps.Any(d => d is < 1 or > 730) || FollowUps.Zip(FollowUps.Skip(1)).Any(p => p.First >= p.Second))
            yield return new ValidationResult("CheckIns:FollowUpDays must be growing numbers of days between 1 and 730 (e.g. [30, 90]).", [nameof(FollowUpDays)]);
    }
}
