using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Certificates;

/// <summary>Creates the certificate for a completed assignment, copying the fields it prints.</summary>
public sealed class CertificateIssuer(AppDbContext db, Infrastructure.OrganisationClock clock, Microsoft.Extensions.Options.IOptions<LearningOptions> options)
{
    /// <summary>Adds the certificate to the context; the caller saves it with the completion.</summary>
    public async Task<Certificate> CreateAsync(Assignment assignment, CancellationToken ct = default)
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
            ExpiresOn = await ExpiryAsync(assignment, ct),
            Language = person.Language,
            PillarTitles = string.Join('\n', pillars.Select(p => p.Texts.InLanguage(t => t.Language, person.Language, edition.DefaultLanguage).Title)),
        };
        db.Certificates.Add(certificate);
        return certificate;
    }

    /// <summary>
    /// With periodic refreshers on, a full completion is valid for the period from today; a new-edition
    /// refresher (a few pillars) keeps the expiry of the last full completion instead of extending it.
    /// </summary>
    async Task<DateOnly?> ExpiryAsync(Assignment assignment, CancellationToken ct)
    {
        var planner = new PlannerOptions(PeriodicRefresherMonths: options.Value.PeriodicRefresherMonths);
        if (planner.PeriodicRefresherMonths is null) return null;
        if (assignment.Reason != AssignmentReason.NewEdition) return RefresherPlanner.ExpiryOf(clock.Today, planner);
        var lastFull = await db.Assignments.Where(a => a.EmployeeId == assignment.EmployeeId && a.CompletedAt != null && a.Reason != AssignmentReason.NewEdition)
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
