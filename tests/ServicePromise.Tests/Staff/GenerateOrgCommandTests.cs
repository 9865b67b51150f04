using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Staff;

/// <summary>generate-org, the synthetic organisation the benchmarks run on.</summary>
public class GenerateOrgCommandTests
{
    static (int ExitCode, string Output) Generate(string dbFile, params string[] args) => Command(dbFile, ["generate-org", .. args]);

    /// <summary>One of the app's commands on the SQLite file, as a benchmark runs it (Production, no reminders).</summary>
    internal static (int ExitCode, string Output) Command(string dbFile, string[] args) =>
        WebProcess.Run(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = Repo.Content,
            ["ConnectionStrings__Default"] = $"Data Source={dbFile}",
            ["Reminders__Enabled"] = "false",
        }, args);

    internal static long Scalar(string dbFile, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={dbFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        SqliteConnection.ClearAllPools();
        return value;
    }

    [Fact]
    public void It_creates_people_with_managers_assignments_and_mixed_progress_once()
    {
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-gen-").FullName, "app.db");
        var (exit, output) = Generate(dbFile, "--employees", "240");
        Assert.True(exit == 0, output);
        Assert.Equal(240, Scalar(dbFile, "SELECT COUNT(*) FROM Employees WHERE EmployeeNumber LIKE 'G-%'"));
        Assert.Equal(240, Scalar(dbFile, "SELECT COUNT(*) FROM Employees WHERE CurrentAssignmentId IS NOT NULL"));
        // Everyone but the department heads reports to someone.
        Assert.InRange(Scalar(dbFile, "SELECT COUNT(*) FROM Employees WHERE ManagerId IS NULL"), 1, 8);
        var completed = Scalar(dbFile, "SELECT COUNT(*) FROM Assignments WHERE CompletedAt IS NOT NULL");
        var started = Scalar(dbFile, "SELECT COUNT(*) FROM Assignments WHERE StartedAt IS NOT NULL AND CompletedAt IS NULL");
        Assert.InRange(completed, 60, 160);
        Assert.InRange(started, 20, 110);

        var (again, message) = Generate(dbFile, "--employees", "10");
        Assert.Equal(1, again);
        Assert.Contains("already has a generated organisation", message);
        Assert.Equal(2, Generate(dbFile, "--employees", "zero").ExitCode);
    }

    [Fact]
    public async Task The_generated_organisation_satisfies_the_invariants_of_real_data()
    {
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-gen-").FullName, "app.db");
        var (exit, output) = Generate(dbFile, "--employees", "300");
        Assert.True(exit == 0, output);
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={dbFile};Pooling=False").Options);
        Assert.Empty(await Invariants.ViolationsAsync(db));
        // And there is something to measure: certificates to verify and zip, reflections behind the progress.
        Assert.InRange(await db.Certificates.CountAsync(), 90, 190);
        Assert.Equal(await db.AssignmentPillars.CountAsync(p => p.ReflectedAt != null), await db.Reflections.CountAsync(r => r.Status == ServicePromise.Web.Reflections.ReflectionStatus.Accepted));
        Assert.Equal(await db.Reflections.CountAsync(), await db.ReflectionVersions.CountAsync());
    }
}
