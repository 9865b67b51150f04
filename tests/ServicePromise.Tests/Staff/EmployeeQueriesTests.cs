using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Staff;

/// <summary>The one look-up of a person by employee number, on the database (translated to SQL, not read into memory).</summary>
public class EmployeeQueriesTests(AppFactory app) : IClassFixture<AppFactory>
{
    Task<List<string>> FindAsync(string number) =>
        app.WithDbAsync(db => db.Employees.AsNoTracking().WithEmployeeNumber(number).Select(e => e.FullName).ToListAsync());

    [Theory]
    [InlineData("MO-0107")]
    [InlineData("mo-0107")]
    [InlineData("Mo-0107")]
    public async Task A_number_finds_its_person_in_any_case(string number) =>
        Assert.Equal(["Rosa Jiménez Bermúdez"], await FindAsync(number));

    [Theory]
    [InlineData("MO-010")]
    [InlineData("MO-01070")]
    [InlineData("MO-0107 ")]
    [InlineData("%")]
    public async Task Only_the_whole_number_matches(string number) => Assert.Empty(await FindAsync(number));
}
