using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Reports;

/// <summary>One line of the completion list, read from the state each person carries (see <see cref="EmployeeProgress"/>).</summary>
public sealed record CompletionRow(
    int EmployeeId, string EmployeeNumber, string FullName, string JobTitle, string? Department, string? Site, string? Manager,
    DateOnly? DueOn, DateTime? StartedAt, DateTime? CompletedAt, int? CertificateId, string? CertificateCode, bool IsActive = true,
    AssignmentReason? Reason = null)
{
    public AssignmentStatus Status(DateOnly today) =>
        CompletionRules.CurrentStatusOf(CompletedAt, StartedAt, DueOn, today, Reason);
}

/// <summary>New hires' onboarding: due within <see cref="CompletionQuery.OnboardingWindowDays"/> days, or already late.</summary>
public enum OnboardingFilter
{
    DueSoon,
    Late,
}

/// <param name="ManagerId">Only this manager's direct reports (a manager's team page, a dashboard drill-down).</param>
public sealed record CompletionFilter(int? DepartmentId, AssignmentStatus? Status, string? Search, int? EmployeeId = null, int? ManagerId = null)
{
    public int? SiteId { get; init; }
    public string? JobTitle { get; init; }
    public OnboardingFilter? Onboarding { get; init; }
    /// <summary>Only people without a department, site, manager or job title (the dashboard's "none" groups).</summary>
    public Dashboard.Dimension? Without { get; init; }
    /// <summary>Completed on or after this local day (a week of the dashboard's trend).</summary>
    public DateOnly? CompletedFrom { get; init; }
    /// <summary>Completed before this local day.</summary>
    public DateOnly? CompletedBefore { get; init; }
    /// <summary>Only people whose current assignment is this audit finding's targeted refresher (the Medición overview's counts).</summary>
    public int? FindingId { get; init; }
}

/// <summary>
/// The HR completion list (and a manager's team): active people, filtered in the database on the state each
/// employee row carries — no join per person — and ordered by name.
/// </summary>
public static class CompletionQuery
{
    public const int OnboardingWindowDays = 14;

    /// <summary>The people a filter selects (unordered): what lists count and dashboards drill down to.</summary>
    public static IQueryable<Employee> People(AppDbContext db, CompletionFilter filter, DateOnly today, Func<DateOnly, DateTime> startOfDayUtc)
    {
        var people = db.Employees.AsNoTracking().Where(e => e.IsActive);
        if (filter.EmployeeId is int employeeId) people = people.Where(e => e.Id == employeeId);
        if (filter.ManagerId is int managerId) people = people.Where(e => e.ManagerId == managerId);
        if (filter.DepartmentId is int departmentId) people = people.Where(e => e.DepartmentId == departmentId);
        if (filter.SiteId is int siteId) people = people.Where(e => e.SiteId == siteId);
        if (filter.FindingId is int findingId) people = people.Where(e => e.CurrentAssignment!.FindingId == findingId);
        if (filter.JobTitle is { Length: > 0 } job) people = people.Where(e => e.JobTitle == job);
        people = filter.Without switch
        {
            Dashboard.Dimension.Department => people.Where(e => e.DepartmentId == null),
            Dashboard.Dimension.Site => people.Where(e => e.SiteId == null),
            Dashboard.Dimension.Manager => people.Where(e => e.ManagerId == null),
            Dashboard.Dimension.Job => people.Where(e => e.JobTitle == ""),
            _ => people,
        };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var name = SearchText.Fold(filter.Search);
            var number = filter.Search.Trim().ToUpperInvariant();
            // Translated to SQL UPPER(...) LIKE: the culture and StringComparison overloads CA1304/CA1311/CA1862 ask for do not translate.
#pragma warning disable CA1304, CA1311, CA1862
            people = people.Where(e => e.SearchName.Contains(name) || e.EmployeeNumber.ToUpper().Contains(number));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (filter.Status is { } status && Enum.IsDefined(status)) people = people.Where(CompletionRules.CurrentStatusIs(status, today));
        if (filter.Onboarding is { } onboarding)
        {
            var soon = today.AddDays(OnboardingWindowDays);
            people = onboarding == OnboardingFilter.Late
                ? people.Where(CompletionRules.CurrentStatusIs(AssignmentStatus.Overdue, today))
                : people.Where(e => e.CurrentCompletedAt == null && e.CurrentDueOn >= today && e.CurrentDueOn < soon);
            people = people.Where(e => e.CurrentReason == AssignmentReason.Onboarding);
        }
        if (filter.CompletedFrom is { } from)
        {
            var fromUtc = startOfDayUtc(from);
            people = people.Where(e => e.CurrentCompletedAt >= fromUtc);
        }
        if (filter.CompletedBefore is { } before)
        {
            var beforeUtc = startOfDayUtc(before);
            people = people.Where(e => e.CurrentCompletedAt < beforeUtc);
        }
        return people;
    }

    public static IQueryable<Employee> People(AppDbContext db, CompletionFilter filter, OrganisationClock clock) =>
        People(db, filter, clock.Today, clock.StartOfDayUtc);

    /// <summary>Every row the filter selects, ordered by name: for streaming (CSV) or a single person.</summary>
    public static IQueryable<CompletionRow> Rows(AppDbContext db, CompletionFilter filter, OrganisationClock clock) =>
        Rows(db, filter, clock.Today, clock.StartOfDayUtc);

    public static IQueryable<CompletionRow> Rows(AppDbContext db, CompletionFilter filter, DateOnly today, Func<DateOnly, DateTime> startOfDayUtc) =>
        Project(db, People(db, filter, today, startOfDayUtc).OrderBy(e => e.SearchName).ThenBy(e => e.EmployeeNumber));

    /// <summary>
    /// One page of the list. The page's ids are found first on the name index alone, then only those rows are
    /// read with their department, site, manager and certificate: a deep page costs an index walk, not a join per
    /// skipped person.
    /// </summary>
    public static async Task<Paged<CompletionRow>> PageAsync(AppDbContext db, CompletionFilter filter, OrganisationClock clock, int requested, CancellationToken ct)
    {
        var ordered = People(db, filter, clock).OrderBy(e => e.SearchName).ThenBy(e => e.EmployeeNumber).Select(e => e.Id);
        // A search is a walk over the whole name index whichever way it is counted; other filters count on their own
        // indexes, and reading their matches in name order would cost a row lookup each.
        var ids = string.IsNullOrWhiteSpace(filter.Search) ? await ordered.PageAsync(requested, ct) : await PageIdsAsync(ordered, requested, ct);
        var page = ids.Items.ToList();
        var rows = await Project(db, db.Employees.AsNoTracking().Where(e => page.Contains(e.Id))).ToListAsync(ct);
        var order = page.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        return new Paged<CompletionRow>(rows.OrderBy(r => order[r.EmployeeId]).ToList(), ids.Total, ids.Number, ids.Count);
    }

    /// <summary>Up to this many matching ids are read in one pass, which also counts them.</summary>
    public const int CountedInOnePass = 1000;

    /// <summary>
    /// The page's ids and how many there are. A name search matches few people, yet counting them and finding the page
    /// are each a walk over the whole name index: when the matches are few (at most <see cref="CountedInOnePass"/>),
    /// one walk reads them all, in order, and gives both. Otherwise it counts and cuts.
    /// </summary>
    internal static async Task<Paged<int>> PageIdsAsync(IQueryable<int> ordered, int requested, CancellationToken ct,
        int size = Paging.DefaultSize, int inOnePass = CountedInOnePass)
    {
        if (Math.Max(1, requested) * size > inOnePass) return await ordered.PageAsync(requested, ct, size);
        var all = await ordered.Take(inOnePass + 1).ToListAsync(ct);
        if (all.Count > inOnePass) return await ordered.PageAsync(requested, ct, size);
        var count = Math.Max(1, (int)Math.Ceiling(all.Count / (double)size));
        var number = Math.Clamp(requested, 1, count);
        return new Paged<int>(all.Skip((number - 1) * size).Take(size).ToList(), all.Count, number, count);
    }

    /// <summary>One person's line, found by id (active or not: HR keeps seeing a leaver's record).</summary>
    public static Task<CompletionRow?> PersonAsync(AppDbContext db, int employeeId, CancellationToken ct) =>
        Project(db, db.Employees.AsNoTracking().Where(e => e.Id == employeeId)).SingleOrDefaultAsync(ct);

    static IQueryable<CompletionRow> Project(AppDbContext db, IQueryable<Employee> people) =>
        people.Select(e => new CompletionRow(
            e.Id, e.EmployeeNumber, e.FullName, e.JobTitle,
            e.Department != null ? e.Department.Name : null,
            e.Site != null ? e.Site.Name : null,
            e.Manager != null ? e.Manager.FullName : null,
            e.CurrentDueOn, e.CurrentStartedAt, e.CurrentCompletedAt,
            // Someone re-contextualising keeps the certificate of their last completion: the list still shows it.
            e.CurrentReason == AssignmentReason.RoleChange && e.CurrentCompletedAt == null
                ? db.Certificates.Where(c => c.EmployeeId == e.Id && c.ReplacedAt == null).OrderByDescending(c => c.IssuedAt).Select(c => (int?)c.Id).FirstOrDefault()
                : db.Certificates.Where(c => c.AssignmentId == e.CurrentAssignmentId && c.ReplacedAt == null).Select(c => (int?)c.Id).FirstOrDefault(),
            e.CurrentReason == AssignmentReason.RoleChange && e.CurrentCompletedAt == null
                ? db.Certificates.Where(c => c.EmployeeId == e.Id && c.ReplacedAt == null).OrderByDescending(c => c.IssuedAt).Select(c => c.Code).FirstOrDefault()
                : db.Certificates.Where(c => c.AssignmentId == e.CurrentAssignmentId && c.ReplacedAt == null).Select(c => c.Code).FirstOrDefault(),
            e.IsActive, e.CurrentReason));
}
