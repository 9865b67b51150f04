using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Learning;

/// <summary>Gives every active employee who has never been assigned anything the current edition.</summary>
public sealed class Onboarding(AppDbContext db, OrganisationClock clock, IOptions<LearningOptions> options)
{
    public async Task<int> AssignCurrentEditionAsync(CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.Id, PillarIds = e.Pillars.OrderBy(p => p.Order).Select(p => p.Id).ToList() })
            .FirstOrDefaultAsync(ct);
        if (edition is null) return 0;

        var newcomers = await db.Employees
            .Where(e => e.IsActive && !db.Assignments.Any(a => a.EmployeeId == e.Id))
            .ToListAsync(ct);
        var now = clock.UtcNow;
        var today = clock.Today;
        foreach (var person in newcomers)
        {
            person.CurrentAssignment = new Assignment
            {
                Employee = person,
                EditionId = edition.Id,
                Reason = AssignmentReason.Onboarding,
                AssignedAt = now,
                DueOn = CompletionRules.OnboardingDueDate(person.HireDate, today, options.Value.OnboardingDueDays),
                Pillars = edition.PillarIds.Select(id => new AssignmentPillar { PillarId = id }).ToList(),
            };
        }
        await db.SaveChangesAsync(ct);
        return newcomers.Count;
    }
}
