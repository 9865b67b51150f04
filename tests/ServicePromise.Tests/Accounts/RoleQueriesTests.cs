using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Letters;

namespace ServicePromise.Tests.Accounts;

/// <summary>"Has the HR or Admin role", written once and used by every rule that protects those accounts.</summary>
public class RoleQueriesTests(AppFactory app) : IClassFixture<AppFactory>
{
    Task<string> UserIdAsync(string number) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.UserId).SingleAsync());

    [Fact]
    public async Task The_protected_roles_are_hr_and_admin() =>
        Assert.Equal([Roles.Admin, Roles.HR], await app.WithDbAsync(db => db.Roles.HrOrAdmin().Select(r => r.Name!).OrderBy(n => n).ToListAsync()));

    [Theory]
    [InlineData("MO-0006", true)]  // Marta, HR
    [InlineData("MO-0007", true)]  // Pablo, Admin (and manager)
    [InlineData("MO-0001", false)] // Carmen, manager
    [InlineData("MO-0101", false)] // Lucía, employee
    public async Task An_account_is_hr_or_admin_by_its_roles(string number, bool expected)
    {
        var userId = await UserIdAsync(number);
        Assert.Equal(expected, await app.WithDbAsync(db => db.IsHrOrAdminAsync(userId)));
    }

    [Fact]
    public async Task No_letter_is_printed_for_an_hr_person_even_without_email()
    {
        var marta = await UserIdAsync("MO-0006");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == marta).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null)));
        using var scope = app.Services.CreateScope();
        var eligible = await scope.ServiceProvider.GetRequiredService<LetterPrinting>().Eligible().Select(e => e.EmployeeNumber).ToListAsync();

        Assert.Contains("MO-0107", eligible); // Rosa, who has no email
        Assert.DoesNotContain("MO-0006", eligible);
    }
}
