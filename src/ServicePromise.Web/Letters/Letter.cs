using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Letters;

/// <summary>
/// One printed welcome letter: the hash of its one-time code, until when it works, and what became of it. A person has
/// at most one letter that works — printing a new one ends the previous one (<see cref="ReplacedAt"/>) — and it stops
/// working once used.
/// </summary>
public class Letter
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Staff.Employee? Employee { get; set; }
    /// <summary><see cref="LetterCodes.Hash"/> of the code, keyed with <see cref="LetterOptions.CodeKey"/>; the code itself is only ever on paper.</summary>
    public string CodeHash { get; set; } = "";
    public DateTime PrintedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Who printed it: an HR person or the person's manager.</summary>
    public int? PrintedById { get; set; }
    public Staff.Employee? PrintedBy { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? ReplacedAt { get; set; }
}

/// <summary>Welcome letters (section <c>Letters</c>).</summary>
public class LetterOptions : IValidatableObject
{
    public const string Section = "Letters";
    public const int MinimumCodeKeyLength = 32;

    /// <summary>Days a printed letter's code works.</summary>
    [Range(1, 90, ErrorMessage = "Letters:ExpiryDays must be between 1 and 90.")]
    public int ExpiryDays { get; set; } = 14;

    /// <summary>
    /// The secret the codes' hashes are keyed with (<see cref="LetterCodes.Hash"/>): set it outside the database (an
    /// environment variable, a secret store), so a copy of the database cannot be used to test codes offline. Empty, the
    /// hash has no secret. Changing it ends every letter printed before: they have to be printed again.
    /// </summary>
    public string CodeKey { get; set; } = "";

    public byte[] CodeKeyBytes() => System.Text.Encoding.UTF8.GetBytes(CodeKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CodeKey.Length is > 0 and < MinimumCodeKeyLength)
            yield return new ValidationResult(
                $"{Section}:{nameof(CodeKey)} must be at least {MinimumCodeKeyLength} characters long (a random secret, e.g. `openssl rand -base64 48`), or empty.", [nameof(CodeKey)]);
    }
}
