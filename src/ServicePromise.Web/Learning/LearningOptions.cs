using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Learning;

public class LearningOptions : IValidatableObject
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

    /// <summary>Characters for "what this pillar means in my role".</summary>
    [Range(1, 4000, ErrorMessage = "Learning:MeaningMinLength must be between 1 and 4000.")]
    public int MeaningMinLength { get; set; } = 60;
    [Range(20, 4000, ErrorMessage = "Learning:MeaningMaxLength must be between 20 and 4000.")]
    public int MeaningMaxLength { get; set; } = 1200;

    /// <summary>Characters for "who my customers are".</summary>
    [Range(1, 4000, ErrorMessage = "Learning:CustomersMinLength must be between 1 and 4000.")]
    public int CustomersMinLength { get; set; } = 25;
    [Range(20, 4000, ErrorMessage = "Learning:CustomersMaxLength must be between 20 and 4000.")]
    public int CustomersMaxLength { get; set; } = 600;

    /// <summary>Characters for "one concrete action, and when".</summary>
    [Range(1, 4000, ErrorMessage = "Learning:ActionMinLength must be between 1 and 4000.")]
    public int ActionMinLength { get; set; } = 30;
    [Range(20, 4000, ErrorMessage = "Learning:ActionMaxLength must be between 20 and 4000.")]
    public int ActionMaxLength { get; set; } = 600;

    /// <summary>On: a sent reflection counts once the person's manager (or HR, for people without one) approves it. Off: sending it is enough.</summary>
    public bool ReviewRequired { get; set; }

    /// <summary>Word-shingle similarity (0–1) from which a reflection is flagged as nearly the same as someone else's.</summary>
    [Range(0.3, 1.0, ErrorMessage = "Learning:SimilarityThreshold must be between 0.3 and 1.")]
    public double SimilarityThreshold { get; set; } = 0.6;

    /// <summary>Hours a manager must wait before nudging the same person again.</summary>
    [Range(1, 720, ErrorMessage = "Learning:NudgeIntervalHours must be between 1 and 720.")]
    public int NudgeIntervalHours { get; set; } = 24;

    public PartBounds BoundsOf(Reflections.ReflectionPart part) => part switch
    {
        Reflections.ReflectionPart.Meaning => new(MeaningMinLength, MeaningMaxLength),
        Reflections.ReflectionPart.Customers => new(CustomersMinLength, CustomersMaxLength),
        _ => new(ActionMinLength, ActionMaxLength),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var part in Enum.GetValues<Reflections.ReflectionPart>())
            if (BoundsOf(part) is { Min: var min, Max: var max } && min >= max)
                yield return new ValidationResult(
                    $"Learning:{part}MinLength must be smaller than Learning:{part}MaxLength.",
                    [$"{part}MinLength", $"{part}MaxLength"]);
    }
}

/// <summary>How long one part of a reflection may be.</summary>
public sealed record PartBounds(int Min, int Max);
