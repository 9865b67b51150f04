using ServicePromise.Web.Content;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Certificates;

/// <summary>
/// Proof of completion. The printed fields are copied at issue time, so the PDF and the
/// verification page keep saying what was true then, whatever changes later.
/// </summary>
public class Certificate
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int AssignmentId { get; set; }
    public Assignment? Assignment { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public int EditionId { get; set; }
    public Edition? Edition { get; set; }
    public string HolderName { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public string Company { get; set; } = "";
    public int EditionNumber { get; set; }
    public DateTime EditionPublishedAt { get; set; }
    public DateTime IssuedAt { get; set; }
    public string Language { get; set; } = "es";
    /// <summary>Pillar titles as printed, one per line, in order.</summary>
    public string PillarTitles { get; set; } = "";
    /// <summary>Set when periodic refreshers are on: after this date the certificate shows as expired.</summary>
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>Withdrawn by HR (issued in error, for instance); the verification page says so, with the reason.</summary>
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    /// <summary>The HR person who revoked it (a plain reference: a note, never a reason to block deleting anyone).</summary>
    public int? RevokedById { get; set; }
    /// <summary>
    /// Replaced by a reissue (HR printed a corrected copy: a new name, a typo): set on the old certificate, which stays
    /// verifiable and points at its replacement. Exactly one certificate of an assignment has no ReplacedAt: the current one.
    /// </summary>
    public DateTime? ReplacedAt { get; set; }
    /// <summary>The certificate that replaces this one (a plain reference, like <see cref="RevokedById"/>).</summary>
    public int? ReplacedById { get; set; }
    /// <summary>Why HR reissued it; kept for HR, not shown on the public verification page.</summary>
    public string? ReissueReason { get; set; }
    /// <summary>The HR person who reissued it.</summary>
    public int? ReissuedById { get; set; }

    /// <summary>The current certificate of each assignment: the one not replaced by a reissue.</summary>
    public static System.Linq.Expressions.Expression<Func<Certificate, bool>> IsCurrent => c => c.ReplacedAt == null;
}
