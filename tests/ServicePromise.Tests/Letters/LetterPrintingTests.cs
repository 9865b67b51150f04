using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Letters;
using ServicePromise.Web.Staff;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Letters;

/// <summary>
/// What printing does to the stored letters: nothing unless the PDF exists, one working letter per person however many
/// prints run at once (SQLite and PostgreSQL), and none left working for someone who leaves.
/// </summary>
public class LetterPrintingTests
{
    static Task<int> LiveLettersAsync(AppFactory app, int employeeId) =>
        app.WithDbAsync(db => db.Letters.CountAsync(l => l.EmployeeId == employeeId && l.UsedAt == null && l.ReplacedAt == null));

    [Fact]
    public async Task A_letter_is_stored_only_once_its_pdf_exists_so_a_failed_render_leaves_the_old_code_working()
    {
        using var app = new AppFactory();
        var rosa = await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail);
        var code = await LetterSteps.PrintAsync(app, rosa);

        using (var scope = app.Services.CreateScope())
        {
            var printing = scope.ServiceProvider.GetRequiredService<LetterPrinting>();
            var people = await printing.RecipientsAsync(new LetterSelection(EmployeeId: rosa), CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                printing.PrintAsync(people, null, _ => throw new InvalidOperationException("the PDF could not be drawn"), CancellationToken.None));
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Letters.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == ServicePromise.Web.Audit.AuditActions.LetterPrinted)));
        await LetterSteps.PasswordFormAsync(app.Browser(), code);
    }

    /// <summary>Eight prints of one person at the same moment (a double click, two managers): one letter works afterwards, the last one's.</summary>
    static async Task OneLetterWorksAfterConcurrentPrintsAsync(AppFactory app)
    {
        var rosa = await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail);
        var codes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => LetterSteps.PrintAsync(app, rosa))));
        Assert.Equal(8, codes.Distinct().Count());
        Assert.Equal(1, await LiveLettersAsync(app, rosa));
        var working = 0;
        foreach (var code in codes)
        {
            using var scope = app.Services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<LetterPrinting>().FindAsync(code, CancellationToken.None) is not null) working++;
        }
        Assert.Equal(1, working);
    }

    [Fact]
    public async Task Prints_of_one_person_at_the_same_moment_leave_one_working_letter_on_sqlite()
    {
        using var app = new AppFactory();
        await OneLetterWorksAfterConcurrentPrintsAsync(app);
    }

    [Fact]
    public async Task Prints_of_one_person_at_the_same_moment_leave_one_working_letter_on_postgresql()
    {
        using var postgres = new TestPostgres();
        using var app = new PostgresAppFactory(postgres.ConnectionString);
        await OneLetterWorksAfterConcurrentPrintsAsync(app);
    }

    [Fact]
    public async Task A_person_who_leaves_takes_no_working_letter_with_them()
    {
        using var app = new AppFactory();
        var rosa = await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail);
        var code = await LetterSteps.PrintAsync(app, rosa);
        using (var scope = app.Services.CreateScope())
        {
            var file = StaffRows.Header + "\n" + await StaffRows.OfAsync(app, DemoOrganisation.CashierWithoutEmail, active: false) + "\n";
            await scope.ServiceProvider.GetRequiredService<StaffImporter>().ApplyAsync(Encoding.UTF8.GetBytes(file), fullImport: false);
        }
        Assert.False(await app.WithDbAsync(db => db.Employees.Where(e => e.Id == rosa).Select(e => e.IsActive).SingleAsync()));
        Assert.Equal(0, await LiveLettersAsync(app, rosa));
        await LetterSteps.AssertRefusedAsync(app.Browser(), code);
    }

    [Fact]
    public async Task The_invariants_name_a_second_working_letter_and_a_leavers_working_letter()
    {
        using var app = new AppFactory();
        var rosa = await LetterSteps.IdOfAsync(app, DemoOrganisation.CashierWithoutEmail);
        var ismael = await LetterSteps.IdOfAsync(app, DemoOrganisation.WarehouseWorkerWithoutEmail);
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            db.Letters.AddRange(
                new Letter { EmployeeId = rosa, CodeHash = "a", PrintedAt = now, ExpiresAt = now.AddDays(1) },
                new Letter { EmployeeId = rosa, CodeHash = "b", PrintedAt = now, ExpiresAt = now.AddDays(1) },
                new Letter { EmployeeId = ismael, CodeHash = "c", PrintedAt = now, ExpiresAt = now.AddDays(1) });
            await db.Employees.Where(e => e.Id == ismael).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false));
            return await db.SaveChangesAsync();
        });
        var problems = await app.WithDbAsync(db => Invariants.ViolationsAsync(db));
        Assert.Contains($"Employees with more than one welcome letter that still works: {rosa}", problems);
        Assert.Contains($"Deactivated employees with a welcome letter that still works: {ismael}", problems);
        // Put right, so the site closes cleanly.
        await app.WithDbAsync(db => db.Letters.ExecuteDeleteAsync());
    }
}
