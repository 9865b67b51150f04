using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests;

public class StartupTests
{
    [Fact]
    public async Task Development_creates_the_demo_organisation_once()
    {
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-restart-").FullName, "shared.db");
        int people;
        using (var app = new AppFactory { DatabaseFile = dbFile })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/healthz")).StatusCode);
            var (count, hr, editions, withAssignment) = await app.WithDbAsync(async db => (
                await db.Employees.CountAsync(),
                await db.UserRoles.CountAsync(r => db.Roles.Any(x => x.Id == r.RoleId && x.Name == "HR")),
                await db.Editions.CountAsync(),
                await db.Employees.CountAsync(e => e.CurrentAssignmentId != null)));
            people = count;
            Assert.InRange(people, 28, 35);
            Assert.Equal(1, hr);
            Assert.Equal(1, editions);
            Assert.Equal(people, withAssignment);
        }

        // A restart on the same database and unchanged files adds nothing.
        using var restarted = new AppFactory { DatabaseFile = dbFile };
        Assert.Equal(HttpStatusCode.OK, (await restarted.Browser().GetAsync("/healthz")).StatusCode);
        Assert.Equal((people, 1, people), await restarted.WithDbAsync(async db =>
            (await db.Employees.CountAsync(), await db.Editions.CountAsync(), await db.Assignments.CountAsync())));
    }

    [Fact]
    public async Task Production_starts_with_no_demo_users()
    {
        using var app = new AppFactory { Environment = "Production" };
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/healthz")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Editions.CountAsync()));
    }

    [Fact]
    public void Broken_content_stops_the_app_naming_file_line_and_problem_every_time()
    {
        var content = Repo.CopyContent();
        File.WriteAllText(Path.Combine(content, "es/pillars/02-tell-the-truth.md"), "---\nkey: tell-the-truth\norder: 2\ntitle: [broken\n---\nbody");
        // The console logger writes from a queue: an exit that did not flush it printed nothing about 1 run in 25,
        // more often on a busy machine, so the runs go five at a time.
        Parallel.For(1, 21, new ParallelOptions { MaxDegreeOfParallelism = 5 }, run =>
        {
            var data = Directory.CreateTempSubdirectory("sp-broken-").FullName;
            var (exitCode, output) = WebProcess.Run(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Content__Path"] = content,
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(data, "app.db")}",
            });
            Assert.Equal(1, exitCode);
            Assert.True(output.Contains("es/pillars/02-tell-the-truth.md:4: invalid front matter: this value must be plain text"), $"run {run} printed: {output}");
            // Nothing was half-applied: the database was never created.
            Assert.False(File.Exists(Path.Combine(data, "app.db")));
        });
    }

    [Fact]
    public void The_first_admin_is_created_with_a_command_and_gets_a_set_password_link()
    {
        var data = Directory.CreateTempSubdirectory("sp-admin-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = Repo.Content,
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(data, "app.db")}",
            ["App__PublicBaseUrl"] = "https://promesa.example.com",
        };
        var (exitCode, output) = WebProcess.Run(environment, "create-admin", "--email", "ana@example.com", "--name", "Ana Admin");
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"https://promesa\.example\.com/account/set-password\?userId=[^&\s]+&token=\S+", output);

        var (again, message) = WebProcess.Run(environment, "create-admin", "--email", "ana@example.com", "--name", "Ana Admin");
        Assert.Equal(1, again);
        Assert.Contains("already exists", message);
    }

    [Fact]
    public void The_admin_command_refuses_a_name_with_a_line_break_or_a_direction_override()
    {
        var data = Directory.CreateTempSubdirectory("sp-admin-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = Repo.Content,
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(data, "app.db")}",
            ["App__PublicBaseUrl"] = "https://promesa.example.com",
        };
        var (exitCode, output) = WebProcess.Run(environment, "create-admin", "--email", "ana@example.com", "--name", "Ana\r\nBcc: x@example.com");
        Assert.Equal(2, exitCode);
        Assert.Contains("line breaks", output);
        var (reversed, message) = WebProcess.Run(environment, "create-admin", "--email", "ana@example.com", "--name", "Ana \u202EnimdA");
        Assert.Equal(2, reversed);
        Assert.Contains("text direction", message);
        Assert.False(File.Exists(Path.Combine(data, "app.db")), "nothing is created for a refused name");
    }

    [Fact]
    public void A_bad_setting_stops_the_app_naming_it()
    {
        using var app = new BadSettingFactory();
        var ex = Assert.ThrowsAny<Exception>(() => app.Browser());
        Assert.Contains("Learning:OnboardingDueDays", string.Join(" | ", Flatten(ex).Select(e => e.Message)));
    }

    sealed class BadSettingFactory : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Learning:OnboardingDueDays", "0");
        }
    }

    static IEnumerable<Exception> Flatten(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException agg) foreach (var inner in agg.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }
}
