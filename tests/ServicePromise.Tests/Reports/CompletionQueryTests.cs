using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reports;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Reports;

/// <summary>The database filter and the plain C# status rule must agree, right at the day boundaries.</summary>
public class CompletionQueryTests
{
    static readonly DateOnly Today = new(2026, 11, 22);
    static readonly DateTime Earlier = new(2026, 11, 10, 8, 0, 0, DateTimeKind.Utc);
    static DateTime StartOfDay(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    [Fact]
    public async Task Every_status_filter_returns_exactly_the_people_the_rule_gives_that_status()
    {
        using var temp = new TempDatabase();
        await using (var db = temp.CreateContext())
        {
            await db.Database.MigrateAsync();
            var edition = new Edition { Number = 1, ContentHash = "h", PublishedAt = Earlier, Pillars = [new Pillar { Key = "listen", Order = 1 }] };
            db.Editions.Add(edition);
            var assignments = new List<(Employee Employee, Assignment Assignment)>();
            void Person(string name, DateOnly? due, DateTime? started = null, DateTime? completed = null)
            {
                var user = new AppUser { UserName = name + "@x.test", Email = name + "@x.test" };
                db.Users.Add(user);
                var employee = new Employee { UserId = user.Id, EmployeeNumber = name, FullName = name, HireDate = Today.AddDays(-100) };
                db.Employees.Add(employee);
                if (due is { } d)
                    assignments.Add((employee, new Assignment
                    {
                        Employee = employee, Edition = edition, Reason = AssignmentReason.Onboarding, AssignedAt = Earlier,
                        DueOn = d, StartedAt = started, CompletedAt = completed,
                    }));
            }
            Person("due-today-untouched", Today);
            Person("due-yesterday-untouched", Today.AddDays(-1));
            Person("due-tomorrow-started", Today.AddDays(1), Earlier);
            Person("due-today-started", Today, Earlier);
            Person("due-yesterday-started", Today.AddDays(-1), Earlier);
            Person("late-but-completed", Today.AddDays(-1), Earlier, Earlier);
            Person("completed-early", Today.AddDays(5), Earlier, Earlier);
            Person("never-assigned", null);
            // People first, then their assignments: each points at the other.
            await db.SaveChangesAsync();
            foreach (var (employee, assignment) in assignments) employee.CurrentAssignment = assignment;
            await db.SaveChangesAsync();
        }

        await using var read = temp.CreateContext();
        Assert.Empty(await EmployeeProgress.DriftAsync(read)); // the filters read the copy: it must be the assignment's state

        var everyone = await CompletionQuery.Rows(read, new CompletionFilter(null, null, null), Today, StartOfDay).ToListAsync();
        Assert.Equal(8, everyone.Count);
        // Re-contextualising after a job change needs a role-change assignment; RoleChangeTests covers its filter.
        foreach (var status in Enum.GetValues<AssignmentStatus>().Where(s => s != AssignmentStatus.Recontextualising))
        {
            var filtered = await CompletionQuery.Rows(read, new CompletionFilter(null, status, null), Today, StartOfDay).Select(r => r.FullName).ToListAsync();
            var byRule = everyone.Where(r => r.Status(Today) == status).Select(r => r.FullName).ToList();
            Assert.NotEmpty(byRule);
            Assert.Equal(byRule.Order(), filtered.Order());
        }
        Assert.Equal(["due-yesterday-started", "due-yesterday-untouched"], everyone.Where(r => r.Status(Today) == AssignmentStatus.Overdue).Select(r => r.FullName).Order());
        Assert.Equal(AssignmentStatus.NotStarted, everyone.Single(r => r.FullName == "never-assigned").Status(Today));
    }
}
