namespace ServicePromise.Web.Audit;

/// <summary>
/// One privileged action, as it happened: who (their employee id and name at the time), when, what, about whom or
/// what, and from where (the client address, or the command line / the system for work no person started).
/// Append-only: the database refuses updates and deletes of these rows (triggers in migration AuditLog).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";
    public int? ActorEmployeeId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>The client's address (after trusted proxies), or <see cref="AuditOrigins.CommandLine"/> / <see cref="AuditOrigins.System"/>.</summary>
    public string Origin { get; set; } = "";
    /// <summary>The person the action was about, when it was about one (a plain reference: the row outlives them).</summary>
    public int? SubjectEmployeeId { get; set; }
    /// <summary>What it was about, as a reader recognises it: a person's name and number, a certificate code, an edition.</summary>
    public string? Subject { get; set; }
    /// <summary>The particulars as a JSON object of short keys (counts, old and new values, reasons).</summary>
    public string? Details { get; set; }
}

/// <summary>The actions the log records. Stored as these strings, so a new one needs no migration.</summary>
public static class AuditActions
{
    public const string StaffImportApplied = "staff.import.applied";
    /// <summary>Audit results recorded from a file, the import-audit command or the single-result form.</summary>
    public const string AuditResultsImported = "measurement.results.imported";
    public const string EmailChanged = "account.email.changed";
    /// <summary>HR changed a person's job title or site on their page (an import's changes are in its own entry).</summary>
    public const string JobChanged = "person.job.changed";
    public const string RoleGranted = "account.role.granted";
    public const string RoleRemoved = "account.role.removed";
    public const string Deactivated = "account.deactivated";
    public const string Reactivated = "account.reactivated";
    public const string AdminCreated = "account.admin.created";
    public const string CertificateRevoked = "certificate.revoked";
    public const string CertificateReissued = "certificate.reissued";
    public const string ContentPublished = "content.published";
    public const string EvidenceRequested = "evidence.requested";
    public const string EvidenceBuilt = "evidence.built";
    public const string EvidenceDownloaded = "evidence.downloaded";
    public const string EvidenceDeleted = "evidence.deleted";
    public const string CompletionExported = "completion.exported";
    public const string CertificatesDownloaded = "certificates.downloaded";
    public const string AuditExported = "audit.exported";
    public const string SettingsChanged = "settings.changed";
    /// <summary>A change the identity provider sent (SCIM), applied through the staff rules.</summary>
    public const string ProvisioningApplied = "provisioning.applied";
    public const string ScimTokenCreated = "provisioning.token.created";
    public const string ScimTokenRevoked = "provisioning.token.revoked";
    public const string LetterPrinted = "account.letter.printed";
    public const string LetterUsed = "account.letter.used";
    /// <summary>Someone signed in through the company's provider and was refused (nobody matched, or the token did not check out).</summary>
    public const string SsoRefused = "account.sso.refused";
    /// <summary>A person's account was linked to their identity at the company's provider, at their first sign-in there.</summary>
    public const string SsoLinked = "account.sso.linked";
    /// <summary>A person was created just in time from the provider's claims at their first sign-in.</summary>
    public const string SsoCreated = "account.sso.created";
    /// <summary>HR or the author's manager approved a manager's action plan.</summary>
    public const string ActionPlanApproved = "actionplan.approved";
    /// <summary>HR or the author's manager returned a manager's action plan with a comment.</summary>
    public const string ActionPlanReturned = "actionplan.returned";
    /// <summary>HR confirmed an audit finding: a targeted refresher went out and the site's manager owns a plan.</summary>
    public const string FindingConfirmed = "finding.confirmed";
    /// <summary>HR decided not to act on an audit finding, with a reason.</summary>
    public const string FindingDismissed = "finding.dismissed";

    public static readonly string[] All =
    [
        StaffImportApplied, EmailChanged, RoleGranted, RoleRemoved, Deactivated, Reactivated, AdminCreated,
        CertificateRevoked, CertificateReissued, ContentPublished,
        EvidenceRequested, EvidenceBuilt, EvidenceDownloaded, EvidenceDeleted, CompletionExported, CertificatesDownloaded, AuditExported,
        SettingsChanged,
        ProvisioningApplied, ScimTokenCreated, ScimTokenRevoked,
        LetterPrinted, LetterUsed,
        SsoRefused, SsoLinked, SsoCreated,
        ActionPlanApproved, ActionPlanReturned,
        FindingConfirmed, FindingDismissed,
    ];
}

public static class AuditOrigins
{
    public const string CommandLine = "cli";
    public const string System = "system";
}
