using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Certificates;

/// <summary>Creates the certificate for a completed assignment, copying the fields it prints.</summary>
public sealed class CertificateIssuer(AppDbContext db, Infrastructure.OrganisationClock clock, Microsoft.Extensions.Options.IOptions<LearningOptions> options,
    Audit.AuditLog audit)
{
    /// <summary>Adds the certificate to the context; the caller saves it with the completion.</summary>
    public Task<Certificate> CreateAsync(Assignment assignment, CancellationToken ct = default) => CreateAsync(assignment, keepExpiry: null, ct);

    async Task<Certificate> CreateAsync(Assignment assignment, Certificate? keepExpiry, CancellationToken ct)
    {
        var person = await db.Employees.AsNoTracking().Where(e => e.Id == assignment.EmployeeId)
            .Select(e => new { e.FullName, e.JobTitle, e.Language }).SingleAsync(ct);
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == assignment.EditionId)
            .Select(e => new { e.Number, e.PublishedAt, e.DefaultLanguage, Texts = e.Texts.Select(t => new { t.Language, t.Company }).ToList() })
            .SingleAsync(ct);
        // The certificate is for the whole edition: a refresher redoes only what changed, the rest was already known.
        var pillars = await db.Pillars.AsNoTracking().Where(p => p.EditionId == assignment.EditionId).OrderBy(p => p.Order)
            .Select(p => new { Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList() })
            .ToListAsync(ct);

        var certificate = new Certificate
        {
            Code = await UniqueCodeAsync(ct),
            AssignmentId = assignment.Id,
            EmployeeId = assignment.EmployeeId,
            EditionId = assignment.EditionId,
            HolderName = person.FullName,
            JobTitle = person.JobTitle,
            Company = edition.Texts.InLanguage(t => t.Language, person.Language, edition.DefaultLanguage).Company,
            EditionNumber = edition.Number,
            EditionPublishedAt = edition.PublishedAt,
            IssuedAt = clock.UtcNow,
            ExpiresOn = keepExpiry is not null ? keepExpiry.ExpiresOn : await ExpiryAsync(assignment, ct),
            Language = person.Language,
            PillarTitles = string.Join('\n', pillars.Select(p => p.Texts.InLanguage(t => t.Language, person.Language, edition.DefaultLanguage).Title)),
        };
        db.Certificates.Add(certificate);
        return certificate;
    }

    /// <summary>
    /// HR's reissue: a new certificate (new code, today's name, job title and company) for the same assignment, edition and
    /// completion — and the same expiry, since nothing was completed again. The old one is marked replaced and keeps
    /// verifying, pointing at the new one. A revoked certificate may be reissued too: that is how HR corrects an error.
    /// Only the person's newest certificate can be reissued (older ones are already replaced by a later one).
    /// The claim is the conditional update of the old row inside the transaction, backed by the unique filtered index
    /// on the current certificate of each assignment: of two simultaneous reissues, one creates a certificate.
    /// </summary>
    public async Task<ReissueResult> ReissueAsync(int certificateId, int employeeId, string reason, int? reissuedById, CancellationToken ct = default)
    {
        var old = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId && c.EmployeeId == employeeId, ct);
        if (old is null) return new ReissueResult(ReissueOutcome.NotFound, null);
        if (old.ReplacedAt is not null) return new ReissueResult(ReissueOutcome.AlreadyReplaced, null);
        var newer = await db.Certificates.AnyAsync(c => c.EmployeeId == employeeId && c.Id != old.Id
            && (c.IssuedAt > old.IssuedAt || (c.IssuedAt == old.IssuedAt && c.Id > old.Id)), ct);
        if (newer) return new ReissueResult(ReissueOutcome.NotNewest, null);
        var assignment = await db.Assignments.AsNoTracking().SingleAsync(a => a.Id == old.AssignmentId, ct);

        var now = clock.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var claimed = await db.Certificates.Where(c => c.Id == old.Id && c.ReplacedAt == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.ReplacedAt, now)
                    .SetProperty(c => c.ReissueReason, reason)
                    .SetProperty(c => c.ReissuedById, reissuedById), ct);
            if (claimed == 0) return new ReissueResult(ReissueOutcome.AlreadyReplaced, null);
            var created = await CreateAsync(assignment, keepExpiry: old, ct);
            // Issued now, so it sorts after the old one even on a coarse clock.
            created.IssuedAt = now > old.IssuedAt ? now : old.IssuedAt.AddTicks(1);
            var person = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => new { e.FullName, e.EmployeeNumber }).SingleAsync(ct);
            audit.Add(Audit.AuditActions.CertificateReissued, employeeId, Audit.AuditLog.Person(person.FullName, person.EmployeeNumber),
                new Dictionary<string, object?> { ["certificate"] = old.Code, ["replacedBy"] = created.Code, ["reason"] = reason });
            await db.SaveChangesAsync(ct);
            await db.Certificates.Where(c => c.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ReplacedById, created.Id), ct);
            await transaction.CommitAsync(ct);
            return new ReissueResult(ReissueOutcome.Reissued, created);
        }
        catch (DbUpdateException)
        {
            // The unique current-certificate index refused a second current one: someone else reissued it first.
            db.ChangeTracker.Clear();
            return new ReissueResult(ReissueOutcome.AlreadyReplaced, null);
        }
    }

    /// <summary>
    /// With periodic refreshers on, a full completion is valid for the period from today; a new-edition
    /// refresher (a few pillars) keeps the expiry of the last full completion instead of extending it.
    /// </summary>
    async Task<DateOnly?> ExpiryAsync(Assignment assignment, CancellationToken ct)
    {
        var planner = new PlannerOptions(PeriodicRefresherMonths: options.Value.PeriodicRefresherMonths);
        if (planner.PeriodicRefresherMonths is null) return null;
        // A role change asks for new reflections only (the certificate stood all along): like a refresher, it keeps the expiry.
        if (!Assignment.PartialReasons.Contains(assignment.Reason)) return RefresherPlanner.ExpiryOf(clock.Today, planner);
        var lastFull = await db.Assignments.Where(a => a.EmployeeId == assignment.EmployeeId && a.CompletedAt != null && !Assignment.PartialReasons.Contains(a.Reason))
            .MaxAsync(a => a.CompletedAt, ct);
        return RefresherPlanner.ExpiryOf(lastFull is { } full ? clock.LocalDate(full) : clock.Today, planner);
    }

    async Task<string> UniqueCodeAsync(CancellationToken ct)
    {
        // A clash at 98 bits is practically impossible; checking costs one indexed lookup and the unique index backs it.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var code = VerificationCode.NewCode();
            if (!await db.Certificates.AnyAsync(c => c.Code == code, ct)) return code;
        }
        throw new InvalidOperationException("Could not find an unused certificate code after 5 attempts.");
    }
}

public enum ReissueOutcome { Reissued, NotFound, AlreadyReplaced, NotNewest }

public sealed record ReissueResult(ReissueOutcome Outcome, Certificate? Certificate);
