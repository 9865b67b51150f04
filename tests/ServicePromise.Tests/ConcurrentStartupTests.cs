using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests;

/// <summary>
/// Two instances of the real executable started at the same moment on an empty database, as a deployment with
/// two replicas does: both must come up, and start-up must have happened exactly once.
/// </summary>
public class ConcurrentStartupTests
{
    [Fact]
    public async Task Two_instances_started_together_on_an_empty_PostgreSQL_database_both_serve()
    {
        for (var round = 1; round <= 5; round++)
        {
            using var database = new TestPostgres();
            await StartTwoAndCheckAsync(round, new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__Default"] = database.ConnectionString,
            }, new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(database.ConnectionString));
        }
    }

    [Fact]
    public async Task Two_instances_started_together_on_a_new_SQLite_file_both_serve()
    {
        for (var round = 1; round <= 2; round++)
        {
            var folder = Directory.CreateTempSubdirectory("sp-two-").FullName;
            var file = Path.Combine(folder, "data", "shared.db");
            await StartTwoAndCheckAsync(round, new Dictionary<string, string> { ["ConnectionStrings__Default"] = $"Data Source={file}" },
                new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={file};Pooling=False"));
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task StartTwoAndCheckAsync(int round, Dictionary<string, string> database, DbContextOptionsBuilder<AppDbContext> context)
    {
        var mail = Directory.CreateTempSubdirectory("sp-two-mail-").FullName;
        var environment = new Dictionary<string, string>(database)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Content__Path"] = Repo.Content,
            ["Mail__PickupDirectory"] = mail,
            ["Reminders__Enabled"] = "false",
            ["Invitations__Enabled"] = "false",
            ["Evidence__WorkerEnabled"] = "false",
            ["Evidence__Path"] = Path.Combine(mail, "evidence"),
        };
        // Both processes end before their folder is removed: a running site may still be writing into it.
        using (var first = WebProcess.Start(environment))
        using (var second = WebProcess.Start(environment))
        using (var http = new HttpClient())
        {
            foreach (var site in new[] { first, second })
            {
                var address = await site.ListeningAsync();
                var health = await http.GetAsync(new Uri(address, "/healthz"));
                Assert.True(health.StatusCode == HttpStatusCode.OK, $"round {round}: /healthz answered {health.StatusCode}\n{site.Output}");
                Assert.DoesNotContain("Unhandled exception", site.Output);
            }
        }

        await using var db = new AppDbContext(context.Options);
        var roles = await db.Roles.Select(r => r.Name!).ToListAsync();
        Assert.Equal(Roles.All.Order(), roles.Order());
        Assert.Equal(1, await db.Editions.CountAsync());
        Assert.Equal(DemoOrganisation.Size, await db.Employees.CountAsync());
        Assert.Equal(DemoOrganisation.Size, await db.Users.CountAsync());
        Assert.Equal(DemoOrganisation.Size, await db.Assignments.CountAsync(a => a.Reason != ServicePromise.Web.Learning.AssignmentReason.Finding));
        Assert.Equal(1, await db.Findings.CountAsync());
        Assert.Equal(await db.Departments.Select(d => d.Name).Distinct().CountAsync(), await db.Departments.CountAsync());
        Assert.Equal(await db.Sites.Select(d => d.Name).Distinct().CountAsync(), await db.Sites.CountAsync());
        Directory.Delete(mail, recursive: true);
    }
}
