using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// Employee numbers match whatever their case (the planner's rule): a file with «mo-0101» for the stored «MO-0101»
/// updates that person at apply — on SQLite and PostgreSQL, whose plain comparisons are case-sensitive.
/// </summary>
public class ImportNumberCaseTests
{
    static async Task UpdateInOtherCaseAsync(AppFactory app)
    {
        var row = await StaffRows.OfAsync(app, "MO-0101", jobTitle: "Jefa de caja");
        var file = Encoding.UTF8.GetBytes(string.Join("\n", StaffRows.Header, "mo-0101" + row["MO-0101".Length..]) + "\n");
        var before = await app.WithDbAsync(db => db.Employees.CountAsync());

        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<StaffImporter>();
        var applied = await importer.ApplyAsync(file, fullImport: false);

        Assert.Empty(applied.Problems);
        Assert.Equal((0, 1), (applied.Plan!.Creates, applied.Plan.Updates));
        var person = await app.WithDbAsync(db => db.Employees.AsNoTracking().SingleAsync(e => e.EmployeeNumber == "MO-0101"));
        Assert.Equal("Jefa de caja", person.JobTitle);
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync()));
    }

    [Fact]
    public async Task A_number_in_another_case_updates_the_person_on_sqlite()
    {
        using var app = new AppFactory();
        await UpdateInOtherCaseAsync(app);
    }

    [Fact]
    public async Task A_number_in_another_case_updates_the_person_on_postgres()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        await UpdateInOtherCaseAsync(app);
    }
}
