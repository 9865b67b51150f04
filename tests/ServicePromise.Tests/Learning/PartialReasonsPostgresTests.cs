using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

/// <summary>"The last full completion" (every reason but <see cref="Assignment.PartialReasons"/>) is the same query on PostgreSQL.</summary>
public class PartialReasonsPostgresTests
{
    [Fact]
    public async Task The_last_full_completion_leaves_out_partial_refreshers_on_postgres()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        var (all, full) = await app.WithDbAsync(async db =>
        {
            var manuel = await db.Employees.Where(e => e.EmployeeNumber == "MO-0102").Select(e => e.Id).SingleAsync();
            // His completed onboarding counts as full; mark a copy of it as a knowledge refresher, which must not.
            await db.Assignments.Where(a => a.EmployeeId == manuel && a.CompletedAt != null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Reason, AssignmentReason.KnowledgeRefresher));
            var completed = await db.Assignments.CountAsync(a => a.EmployeeId == manuel && a.CompletedAt != null);
            var countsAsFull = await db.Assignments.CountAsync(a => a.EmployeeId == manuel && a.CompletedAt != null && !Assignment.PartialReasons.Contains(a.Reason));
            return (completed, countsAsFull);
        });
        Assert.True(all > 0);
        Assert.Equal(0, full);
    }
}
