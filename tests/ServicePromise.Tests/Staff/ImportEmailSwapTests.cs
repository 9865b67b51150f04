using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// A staff file that swaps two people's emails (issue 10, never a 500): applied correctly, on SQLite and PostgreSQL,
/// although the unique index on the user name would see a duplicate if one moved before the other left.
/// </summary>
public class ImportEmailSwapTests
{
    const string Header = StaffRows.Header;

    static async Task SwapAsync(AppFactory app)
    {
        var lucia = await StaffRows.OfAsync(app, "MO-0101", email: Pages.OtherEmployee);
        var manuel = await StaffRows.OfAsync(app, "MO-0102", email: Pages.Employee);
        // A third person moves into Lucía's old address's place in a chain: A → B's, B → C's, C → a new one.
        var anaBelen = await StaffRows.OfAsync(app, "MO-0103", email: "anabelen@olivo.test");
        var sergio = await StaffRows.OfAsync(app, "MO-0104", email: "anabelen.vargas@demo.mercadosolivo.es");
        var file = Encoding.UTF8.GetBytes(string.Join("\n", Header, lucia, manuel, anaBelen, sergio) + "\n");

        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<StaffImporter>();
        var dry = await importer.DryRunAsync(file, fullImport: false);
        Assert.Empty(dry.Problems);
        Assert.Equal(4, dry.Plan!.Updates);
        var applied = await importer.ApplyAsync(file, fullImport: false);
        Assert.Equal(4, applied.Notified);

        var emails = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber.CompareTo("MO-0101") >= 0 && e.EmployeeNumber.CompareTo("MO-0104") <= 0)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.EmployeeNumber, u.Email, u.UserName, u.NormalizedUserName, u.NormalizedEmail })
            .OrderBy(x => x.EmployeeNumber).ToListAsync());
        Assert.Equal([Pages.OtherEmployee, Pages.Employee, "anabelen@olivo.test", "anabelen.vargas@demo.mercadosolivo.es"], emails.Select(e => e.Email));
        Assert.All(emails, e => Assert.Equal((e.Email, e.Email!.ToUpperInvariant(), e.Email.ToUpperInvariant()), (e.UserName, e.NormalizedUserName, e.NormalizedEmail)));

        // Both sign in with their new addresses.
        await app.Browser().SignedInAsync(Pages.OtherEmployee);
        await app.Browser().SignedInAsync(Pages.Employee);
    }

    [Fact]
    public async Task Swapping_two_peoples_emails_applies_on_sqlite()
    {
        using var app = new AppFactory();
        await SwapAsync(app);
    }

    [Fact]
    public async Task Swapping_two_peoples_emails_applies_on_postgres()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        await SwapAsync(app);
    }
}
