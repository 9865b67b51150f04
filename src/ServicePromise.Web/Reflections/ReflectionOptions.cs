using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Reflections;

/// <summary>
/// How reflections are written and judged: whether a manager reviews them, how long each part may be, and from
/// what similarity one is flagged. Read from the <c>Reflections</c> section; the same names under <c>Learning</c>
/// (where they lived until 2026-12) still work, and a <c>Reflections</c> value wins over a <c>Learning</c> one.
/// </summary>
public class ReflectionOptions : IValidatableObject
{
    public const string Section = "Reflections";
    /// <summary>The section these settings were read from before they had their own.</summary>
    public const string FormerSection = "Learning";

    /// <summary>On: a sent reflection counts once the person's manager (or HR, for people without one) approves it. Off: sending it is enough.</summary>
    public bool ReviewRequired { get; set; }

    /// <summary>Characters for "what this pillar means in my role".</summary>
    [Range(1, 4000, ErrorMessage = "Reflections:MeaningMinLength (formerly Learning:MeaningMinLength) must be between 1 and 4000.")]
    public int MeaningMinLength { get; set; } = 60;
    [Range(20, 4000, ErrorMessage = "Reflections:MeaningMaxLength (formerly Learning:MeaningMaxLength) must be between 20 and 4000.")]
    public int MeaningMaxLength { get; set; } = 1200;

    /// <summary>Characters for "who my customers are".</summary>
    [Range(1, 4000, ErrorMessage = "Reflections:CustomersMinLength (formerly Learning:CustomersMinLength) must be between 1 and 4000.")]
    public int CustomersMinLength { get; set; } = 25;
    [Range(20, 4000, ErrorMessage = "Reflections:CustomersMaxLength (formerly Learning:CustomersMaxLength) must be between 20 and 4000.")]
    public int CustomersMaxLength { get; set; } = 600;

    /// <summary>Characters for "one concrete action, and when".</summary>
    [Range(1, 4000, ErrorMessage = "Reflections:ActionMinLength (formerly Learning:ActionMinLength) must be between 1 and 4000.")]
    public int ActionMinLength { get; set; } = 30;
    [Range(20, 4000, ErrorMessage = "Reflections:ActionMaxLength (formerly Learning:ActionMaxLength) must be between 20 and 4000.")]
    public int ActionMaxLength { get; set; } = 600;

    /// <summary>Word-shingle similarity (0–1) from which a reflection is flagged as nearly the same as someone else's.</summary>
    [Range(0.3, 1.0, ErrorMessage = "Reflections:SimilarityThreshold (formerly Learning:SimilarityThreshold) must be between 0.3 and 1.")]
    public double SimilarityThreshold { get; set; } = 0.6;

    public PartBounds BoundsOf(ReflectionPart part) => part switch
    {
        ReflectionPart.Meaning => new(MeaningMinLength, MeaningMaxLength),
        ReflectionPart.Customers => new(CustomersMinLength, CustomersMaxLength),
        _ => new(ActionMinLength, ActionMaxLength),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var part in Enum.GetValues<ReflectionPart>())
            if (BoundsOf(part) is { Min: var min, Max: var max } && min >= max)
                yield return new ValidationResult(
                    $"Reflections:{part}MinLength ({min}) must be smaller than Reflections:{part}MaxLength ({max}) (formerly Learning:{part}MinLength and MaxLength).",
                    [$"{part}MinLength", $"{part}MaxLength"]);
    }
}

/// <summary>How long one part of a reflection may be.</summary>
public sealed record PartBounds(int Min, int Max);
