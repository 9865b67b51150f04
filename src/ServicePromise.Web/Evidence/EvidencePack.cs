using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Evidence;

/// <summary>
/// An auditor evidence pack: one ZIP with the completion CSV, every current certificate as PDF and a manifest of
/// SHA-256 hashes. HR requests it; a background worker on any app instance claims the row, builds the file under
/// <see cref="EvidenceOptions.Path"/> and records its size and hash.
/// </summary>
public class EvidencePack
{
    public int Id { get; set; }
    public DateTime RequestedAt { get; set; }
    /// <summary>The HR person who asked for it (a plain reference) and their name as it was, for the list and the manifest.</summary>
    public int? RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";
    /// <summary>The language of the CSV headers and the status words in it: the requester's.</summary>
    public string Language { get; set; } = "es";
    public EvidencePackStatus Status { get; set; }
    /// <summary>Which worker builds it (machine and process), when it claimed it and when it last reported progress.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    /// <summary>Certificates to include (known once the CSV is written) and how many are in the ZIP so far.</summary>
    public int? Total { get; set; }
    public int Done { get; set; }
    public int? People { get; set; }
    public int? EditionNumber { get; set; }
    /// <summary>The file's name inside the evidence folder (never a path), its size and its SHA-256 (hex, lower case).</summary>
    public string? FileName { get; set; }
    public long? SizeBytes { get; set; }
    public string? Sha256 { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Error { get; set; }
}

public enum EvidencePackStatus
{
    Requested,
    Building,
    Ready,
    Failed,
}

public class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Folder for the built packs; relative paths are under the app's folder. With several app instances, shared storage.</summary>
    [Required(ErrorMessage = "Evidence:Path is required (e.g. data/evidence).")]
    public string Path { get; set; } = "data/evidence";

    /// <summary>Off: packs can be requested but this instance builds none (another instance may).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often an idle worker looks for a requested pack (a request on the same instance wakes it at once).</summary>
    [Range(1, 3600, ErrorMessage = "Evidence:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 10;

    /// <summary>A pack whose worker has reported nothing for this long (its instance stopped) is claimed again by another.</summary>
    [Range(1, 1440, ErrorMessage = "Evidence:StaleMinutes must be between 1 and 1440.")]
    public int StaleMinutes { get; set; } = 15;

    /// <summary>How far back the audit log in a pack goes: the entries of this many months up to the pack's making.</summary>
    [Range(1, 120, ErrorMessage = "Evidence:AuditLogMonths must be between 1 and 120.")]
    public int AuditLogMonths { get; set; } = 12;

    public string FullPath(string contentRoot) => System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, Path));
}
