using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Learning;

/// <summary>Assigns the periodic full refresher to everyone whose completion is about to expire (when they are on).</summary>
public sealed class PeriodicRefreshers(AppDbContext db, OrganisationClock clock, IOptions<LearningOptions> options, ILogger<PeriodicRefreshers> logger)
{
    public async Task<int> AssignDueAsync(CancellationToken ct = default)
    {
        if (options.Value.PeriodicRefresherMonths is null) return 0;
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.Id, Pillars = e.Pillars.OrderBy(p => p.Order).Select(p => new { p.Id, p.Key }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (edition is null) return 0;

        var planner = new PlannerOptions(options.Value.NewEditionDueDays, options.Value.PeriodicRefresherMonths);
        var today = clock.Today;
        // Only people whose current assignment is done: anyone with open work gets nothing more on top. The
        // clock runs from their last *full* completion: a one-pillar new-edition refresher does not restart it.
        var people = await db.Employees.Where(e => e.IsActive && e.CurrentAssignment!.CompletedAt != null)
            .Select(e => new
            {
                Employee = e,
                LastFull = db.Assignments.Where(a => a.EmployeeId == e.Id && a.CompletedAt != null && !Assignment.PartialReasons.Contains(a.Reason)).Max(a => a.CompletedAt),
            })
            .ToListAsync(ct);
        var assigned = 0;
        foreach (var person in people)
        {
            var plan = RefresherPlanner.ForPeriodic(person.Employee.Id, true, person.LastFull is { } full ? clock.LocalDate(full) : null,
                edition.Pillars.Select(p => p.Key).ToList(), today, planner);
            if (plan is null) continue;
            var refresher = new Assignment
            {
                Employee = person.Employee,
                EditionId = edition.Id,
                Reason = AssignmentReason.PeriodicRefresher,
                AssignedAt = clock.UtcNow,
                DueOn = plan.DueOn,
                Pillars = edition.Pillars.Select(p => new AssignmentPillar { PillarId = p.Id }).ToList(),
            };
            person.Employee.CurrentAssignment = refresher;
            try
            {
                // One person at a time: a clash with another instance costs only that person's row.
                await db.SaveChangesAsync(ct);
                assigned++;
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "Employee {Id}'s periodic refresher was assigned by another instance", person.Employee.Id);
                db.ChangeTracker.Clear();
            }
        }
        if (assigned > 0) logger.LogInformation("Assigned {Count} periodic refreshers", assigned);
        return assigned;
    }
}

/// <summary>Runs <see cref="PeriodicRefreshers"/> shortly after start-up and then every six hours.</summary>
public sealed class PeriodicRefresherJob(IServiceScopeFactory scopes, IOptions<LearningOptions> options, ILogger<PeriodicRefresherJob> logger) : PollingJob(scopes, logger)
{
    protected override bool Enabled => options.Value.PeriodicRefresherMonths is not null;
    protected override TimeSpan Interval => TimeSpan.FromHours(6);
    protected override string Work => "Assigning periodic refreshers";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<PeriodicRefreshers>().AssignDueAsync(ct);
        return false;
    }
}
