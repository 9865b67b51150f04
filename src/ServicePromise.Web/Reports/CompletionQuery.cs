using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Reports;

/// <summary>One line of the completion list, read straight from each person's current assignment.</summary>
public sealed record CompletionRow(
    int EmployeeId, string EmployeeNumber, string FullName, string JobTitle, string? Department, string? Site, string? Manager,
    DateOnly? DueOn, DateTime? StartedAt, DateTime? CompletedAt, int? CertificateId, string? CertificateCode)
{
    public AssignmentStatus Status(DateOnly today) =>
        DueOn is { } due ? CompletionRules.StatusOf(CompletedAt, StartedAt, due, today) : AssignmentStatus.NotStarted;
}

/// <param name="ManagerId">Only this manager's direct reports (a manager's team page).</param>
public sealed record CompletionFilter(int? DepartmentId, AssignmentStatus? Status, string? Search, int? EmployeeId = null, int? ManagerId = null);

/// <summary>The HR completion list (and a manager's team): active people, filtered in the database, ordered by name.</summary>
public static class CompletionQuery
{
    public static IQueryable<CompletionRow> Rows(AppDbContext db, CompletionFilter filter, DateOnly today)
    {
        var people = db.Employees.AsNoTracking().Where(e => e.IsActive);
        if (filter.EmployeeId is int employeeId) people = people.Where(e => e.Id == employeeId);
        if (filter.ManagerId is int managerId) people = people.Where(e => e.ManagerId == managerId);
        if (filter.DepartmentId is int departmentId) people = people.Where(e => e.DepartmentId == departmentId);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var name = SearchText.Fold(filter.Search);
            var number = filter.Search.Trim().ToUpperInvariant();
            people = people.Where(e => e.SearchName.Contains(name) || e.EmployeeNumber.ToUpper().Contains(number));
        }
        // The same rule as CompletionRules.StatusOf, expressed so the database does the filtering.
        people = filter.Status switch
        {
            AssignmentStatus.Completed => people.Where(e => e.CurrentAssignment!.CompletedAt != null),
            AssignmentStatus.Overdue => people.Where(e => e.CurrentAssignment!.CompletedAt == null && e.CurrentAssignment.DueOn < today),
            AssignmentStatus.InProgress => people.Where(e => e.CurrentAssignment!.CompletedAt == null && e.CurrentAssignment.DueOn >= today && e.CurrentAssignment.StartedAt != null),
            AssignmentStatus.NotStarted => people.Where(e => e.CurrentAssignment == null
                || (e.CurrentAssignment.CompletedAt == null && e.CurrentAssignment.DueOn >= today && e.CurrentAssignment.StartedAt == null)),
            _ => people,
        };
        return people
            .OrderBy(e => e.SearchName).ThenBy(e => e.Id)
            .Select(e => new CompletionRow(
                e.Id, e.EmployeeNumber, e.FullName, e.JobTitle,
                e.Department != null ? e.Department.Name : null,
                e.Site != null ? e.Site.Name : null,
                e.Manager != null ? e.Manager.FullName : null,
                e.CurrentAssignment != null ? e.CurrentAssignment.DueOn : null,
                e.CurrentAssignment != null ? e.CurrentAssignment.StartedAt : null,
                e.CurrentAssignment != null ? e.CurrentAssignment.CompletedAt : null,
                db.Certificates.Where(c => c.AssignmentId == e.CurrentAssignmentId && c.ReplacedAt == null).Select(c => (int?)c.Id).FirstOrDefault(),
                db.Certificates.Where(c => c.AssignmentId == e.CurrentAssignmentId && c.ReplacedAt == null).Select(c => c.Code).FirstOrDefault()));
    }
}
