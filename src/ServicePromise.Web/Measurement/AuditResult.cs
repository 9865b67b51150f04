namespace ServicePromise.Web.Measurement;

public enum AuditBatchKind
{
    /// <summary>A CSV file (page or import-audit command).</summary>
    File = 1,
    /// <summary>One result typed into the form.</summary>
    Form = 2,
}

/// <summary>One applied import of audit results: a file (found again by its SHA-256, so re-importing it changes nothing) or one form entry.</summary>
public class AuditBatch
{
    public int Id { get; set; }
    public AuditBatchKind Kind { get; set; }
    public string? FileName { get; set; }
    /// <summary>SHA-256 of the file's bytes, hex; null for a form entry.</summary>
    public string? FileSha256 { get; set; }
    /// <summary>Results recorded (new or replacing).</summary>
    public int Rows { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>The Identity user who applied it; null from the command line.</summary>
    public string? RecordedById { get; set; }
}

public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
}

/// <summary>
/// A site's (or department's) score on one service standard for one period, from one source (a mystery-shopping
/// provider, a survey tool, an internal audit). Never overwritten: a correction is a new row and this one gets
/// <see cref="ReplacedAt"/> and <see cref="ReplacedById"/>. At most one live row per place × standard × period × kind.
/// </summary>
public class AuditResult
{
    public int Id { get; set; }
    /// <summary>Exactly one of <see cref="SiteId"/> and <see cref="DepartmentId"/> is set.</summary>
    public int? SiteId { get; set; }
    public Staff.Site? Site { get; set; }
    public int? DepartmentId { get; set; }
    public Staff.Department? Department { get; set; }
    /// <summary>The first day of the month or quarter.</summary>
    public DateOnly PeriodStart { get; set; }
    public PeriodKind PeriodKind { get; set; }
    /// <summary>Who measured it, as the file says ("Cliente misterioso Q-Shop", "Encuesta NPS").</summary>
    public string Source { get; set; } = "";
    /// <summary>The standard's key (stable across editions).</summary>
    public string StandardKey { get; set; } = "";
    /// <summary>The pillar the standard belonged to when the result was recorded.</summary>
    public string PillarKey { get; set; } = "";
    /// <summary>Score 0–100 in hundredths (62,5 → 6250).</summary>
    public int ScoreHundredths { get; set; }
    public decimal Score => ScoreHundredths / 100m;
    /// <summary>How many visits, surveys or observations the score rests on (≥ 1).</summary>
    public int Sample { get; set; }
    /// <summary>The customer's words as the file gave them; shown to staff only as <see cref="SharedComment"/>.</summary>
    public string? Comment { get; set; }
    /// <summary>The comment as HR chose to share it (anonymised, possibly edited); null: not shared.</summary>
    public string? SharedComment { get; set; }
    public DateTime? SharedAt { get; set; }
    public string? SharedById { get; set; }
    public int BatchId { get; set; }
    public AuditBatch? Batch { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedById { get; set; }
    /// <summary>The correction that replaced this result; set together with <see cref="ReplacedAt"/>.</summary>
    public int? ReplacedById { get; set; }
    public DateTime? ReplacedAt { get; set; }
}
