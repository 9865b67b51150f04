using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reports.Dashboard;

public sealed record Totals(int People, int Completed, int InProgress, int NotStarted, int Overdue)
{
    /// <summary>Everyone, added up from one breakdown (every active person is in exactly one of its groups).</summary>
    public static Totals Of(IEnumerable<GroupRow> groups)
    {
        int people = 0, completed = 0, inProgress = 0, overdue = 0;
        foreach (var g in groups) (people, completed, inProgress, overdue) = (people + g.People, completed + g.Completed, inProgress + g.InProgress, overdue + g.Overdue);
        return new Totals(people, completed, inProgress, people - completed - inProgress - overdue, overdue);
    }
}

public sealed record OnboardingCounts(int DueSoon, int Late);

public sealed record WeekCount(DateOnly From, DateOnly Before, int Completed);

/// <summary>How the dashboard breaks completion down; each matches a filter of the completion list.</summary>
public enum Dimension
{
    Department,
    Site,
    Job,
    Manager,
}

/// <param name="Key">The value of the list filter that drills down to these people (null: people without one).</param>
public sealed record GroupRow(string? Key, string? Name, int People, int Completed, int Overdue, int InProgress = 0)
{
    public int Rate => ChartMath.Percent(Completed, People);
}

/// <summary>
/// The HR dashboard's figures, each one query on the state every employee row carries (see
/// <see cref="EmployeeProgress"/>) and the indexes made for them — counted by the database, never per person.
/// The status rules are <see cref="CompletionRules.CurrentStatusIs"/>, as in <see cref="CompletionQuery"/>.
/// </summary>
public static class DashboardQueries
{
    /// <summary>New hires whose onboarding is due within the window, and those already late.</summary>
    public static async Task<OnboardingCounts> OnboardingAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var soon = today.AddDays(CompletionQuery.OnboardingWindowDays);
        var pending = await db.Employees.AsNoTracking()
            .Where(e => e.CurrentReason == AssignmentReason.Onboarding && e.IsActive && e.CurrentCompletedAt == null && e.CurrentDueOn < soon)
            .GroupBy(e => 1)
            .Select(g => new { Late = g.Count(e => e.CurrentDueOn < today), DueSoon = g.Count(e => e.CurrentDueOn >= today) })
            .SingleOrDefaultAsync(ct);
        return new OnboardingCounts(pending?.DueSoon ?? 0, pending?.Late ?? 0);
    }

    /// <summary>
    /// How many of today's active people completed their current assignment in each of the last weeks: the
    /// trend of the state HR sees today (a person now on a refresher counts again when they finish it).
    /// </summary>
    public static async Task<IReadOnlyList<WeekCount>> TrendAsync(AppDbContext db, OrganisationClock clock, int weeks, CancellationToken ct)
    {
        var result = new List<WeekCount>();
        // One count per week, each a range of the status index: nothing is read row by row.
        foreach (var (from, before) in ChartMath.Weeks(clock.Today, weeks))
        {
            var (start, end) = (clock.StartOfDayUtc(from), clock.StartOfDayUtc(before));
            result.Add(new WeekCount(from, before,
                await db.Employees.CountAsync(e => e.IsActive && e.CurrentCompletedAt >= start && e.CurrentCompletedAt < end, ct)));
        }
        return result;
    }

    /// <summary>
    /// Every group of the dimension with its people, completed and overdue counts. Names are filled in, except
    /// managers' (thousands of them): <see cref="WithManagerNamesAsync"/> names the ones about to be shown.
    /// </summary>
    public static async Task<IReadOnlyList<GroupRow>> GroupsAsync(AppDbContext db, Dimension by, DateOnly today, CancellationToken ct)
    {
        var active = db.Employees.AsNoTracking().Where(e => e.IsActive);
        var (completed, overdue, inProgress) = (CompletionRules.CurrentStatusIs(AssignmentStatus.Completed, today),
            CompletionRules.CurrentStatusIs(AssignmentStatus.Overdue, today), CompletionRules.CurrentStatusIs(AssignmentStatus.InProgress, today));
        switch (by)
        {
            case Dimension.Job:
                var jobs = await active.GroupBy(e => e.JobTitle)
                    .Select(g => new GroupRow(g.Key, g.Key, g.Count(), g.AsQueryable().Count(completed),
                        g.AsQueryable().Count(overdue), g.AsQueryable().Count(inProgress)))
                    .ToListAsync(ct);
                // An empty job title is "no job title", a group of its own like people without a department.
                return jobs.Select(j => j.Key is "" ? j with { Key = null, Name = null } : j).ToList();
            default:
                var counts = await (by switch
                {
                    Dimension.Department => active.GroupBy(e => e.DepartmentId),
                    Dimension.Site => active.GroupBy(e => e.SiteId),
                    _ => active.GroupBy(e => e.ManagerId),
                })
                    .Select(g => new
                    {
                        Id = g.Key, People = g.Count(), Completed = g.AsQueryable().Count(completed),
                        Overdue = g.AsQueryable().Count(overdue), InProgress = g.AsQueryable().Count(inProgress),
                    })
                    .ToListAsync(ct);
                var names = by switch
                {
                    Dimension.Department => await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct),
                    Dimension.Site => await db.Sites.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct),
                    _ => [],
                };
                return counts.Select(c => new GroupRow(
                        c.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        c.Id is int id ? names.GetValueOrDefault(id) : null, c.People, c.Completed, c.Overdue, c.InProgress))
                    .ToList();
        }
    }

    /// <summary>
    /// Runs <paramref name="query"/> on a context (and connection) of its own, so several can run at the same time:
    /// a DbContext runs one query at a time.
    /// </summary>
    public static async Task<T> InOwnContextAsync<T>(IServiceScopeFactory scopes, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The rows with their managers' names (for the few rows a page shows).</summary>
    public static async Task<IReadOnlyList<GroupRow>> WithManagerNamesAsync(AppDbContext db, IReadOnlyList<GroupRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => int.TryParse(r.Key, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>().ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.FullName, ct);
        return rows.Select(r => r.Key is not null && int.TryParse(r.Key, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? r with { Name = names.GetValueOrDefault(id) } : r).ToList();
    }

    /// <summary>The groups most in need of attention first: lowest completion rate, then most overdue, then largest.</summary>
    public static IEnumerable<GroupRow> WorstFirst(IEnumerable<GroupRow> groups) =>
        groups.OrderBy(g => g.People == 0 ? 1 : (double)g.Completed / g.People).ThenByDescending(g => g.Overdue).ThenByDescending(g => g.People)
            .ThenBy(g => g.Name, StringComparer.CurrentCulture).ThenBy(g => g.Key, StringComparer.Ordinal);
}
