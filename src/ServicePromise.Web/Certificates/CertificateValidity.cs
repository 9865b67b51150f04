namespace ServicePromise.Web.Certificates;

/// <summary>What a certificate proves today: the rule the public verification page and a person's record both show.</summary>
public static class CertificateValidity
{
    /// <summary>Revoked above all; then replaced by a newer one (it points there); otherwise expired after its date; otherwise valid.</summary>
    public static CertificateStatus StatusOf(string? supersededBy, DateOnly? expiresOn, DateOnly today, DateTime? revokedAt = null) =>
        revokedAt is not null ? CertificateStatus.Revoked
        : supersededBy is not null ? CertificateStatus.Superseded
        : expiresOn is { } expires && today > expires ? CertificateStatus.Expired
        : CertificateStatus.Valid;
}

public enum CertificateStatus
{
    Valid,
    /// <summary>A newer certificate (a later edition or refresher) replaces it; it still proves what it said.</summary>
    Superseded,
    /// <summary>Periodic refreshers are on and its date has passed without a newer certificate.</summary>
    Expired,
    /// <summary>Withdrawn by HR, with a reason: it proves nothing.</summary>
    Revoked,
}
