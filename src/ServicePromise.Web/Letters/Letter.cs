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
    /// <summary><see cref="LetterCodes.Hash"/> of the code; the code itself is only ever on paper.</summary>
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
public class LetterOptions
{
    public const string Section = "Letters";

    /// <summary>Days a printed letter's code works.</summary>
    [Range(1, 90, ErrorMessage = "Letters:ExpiryDays must be between 1 and 90.")]
    public int ExpiryDays { get; set; } = 14;
}
