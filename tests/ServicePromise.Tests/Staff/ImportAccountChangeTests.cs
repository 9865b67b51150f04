using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// What an import does to an ordinary person's account when it changes who they sign in as, or whether they can:
/// a new security stamp (their sessions end), and for a changed email a notice to the old address.
/// </summary>
public class ImportAccountChangeTests
{
    const string Header = StaffRows.Header;

    static async Task<StaffImportResult> ApplyAsync(AppFactory app, string text, bool fullImport = false)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StaffImporter>().ApplyAsync(Encoding.UTF8.GetBytes(text), fullImport);
    }

    static Task<string?> StampAsync(AppFactory app, string number) => app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number)
        .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.SecurityStamp).SingleAsync());

    [Fact]
    public async Task A_changed_email_rotates_the_stamp_and_the_old_address_hears_of_it_in_spanish_over_smtp()
    {
        using var app = new AppFactory();
        TestSmtp.Use(app);
        var newEmail = $"lucia.{Guid.NewGuid():N}@olivo.test";
        var before = await StampAsync(app, "MO-0101");

        var result = await ApplyAsync(app, Header + "\n" + await StaffRows.OfAsync(app, "MO-0101", email: newEmail) + "\n");
        Assert.Equal(1, result.Notified);
        Assert.NotEqual(before, await StampAsync(app, "MO-0101"));
        // The audit log: the change itself (from → to, about Lucía) and the import, with the file's hash and its counts.
        var change = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.EmailChanged));
        Assert.Contains("MO-0101", change.Subject);
        Assert.Equal($"{Pages.Employee} → {newEmail}", string.Join(" → ", AuditLog.ReadDetails(change.Details).Select(d => d.Value)));
        var applied = AuditLog.ReadDetails(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.StaffImportApplied).Select(e => e.Details).SingleAsync())).ToDictionary();
        Assert.Equal("1", applied["updated"]);
        Assert.Equal(64, applied["file"].Length);
        Assert.Equal(1, await app.SendInvitationsAsync());

        var notice = Assert.Single(await TestSmtp.ForAsync(Pages.Employee), m => m.Text.Contains(newEmail));
        Assert.Equal("Ha cambiado el correo con el que entras en la promesa de servicio", notice.Subject);
        Assert.Contains($"ha cambiado de {Pages.Employee} a {newEmail}", notice.Text);
        Assert.Empty(await TestSmtp.ForAsync(newEmail)); // the notice goes to the old address only
        // She signs in with the new address and her password; the old one is nobody's now.
        await app.Browser().SignedInAsync(newEmail);
        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, (await app.Browser().SignInAsync(Pages.Employee)).StatusCode);
    }

    [Fact]
    public async Task The_notice_is_in_the_persons_language()
    {
        using var app = new AppFactory();
        TestSmtp.Use(app);
        var old = $"tom.{Guid.NewGuid():N}@olivo.test";
        var moved = $"tom.{Guid.NewGuid():N}@agency.test";
        await ApplyAsync(app, $"{Header}\nT-1;Tom Hart;{old};;;;;2026-12-01;en;sí\n");
        await ApplyAsync(app, $"{Header}\nT-1;Tom Hart;{moved};;;;;2026-12-01;en;sí\n");
        Assert.Equal(2, await app.SendInvitationsAsync()); // his invitation, then the notice

        var notice = Assert.Single(await TestSmtp.ForAsync(old), m => m.Text.Contains(moved));
        Assert.Equal("The email you sign in to the service promise with has changed", notice.Subject);
        Assert.Contains($"has changed from {old} to {moved}", notice.Text);
    }

    [Fact]
    public async Task Deactivating_someone_or_making_them_a_manager_rotates_their_stamp_and_nobody_elses()
    {
        using var app = new AppFactory();
        var numbers = new[] { "MO-0101", "MO-0102", "MO-0103" };
        var before = new Dictionary<string, string?>();
        foreach (var n in numbers) before[n] = await StampAsync(app, n);

        // Manuel leaves; Ana Belén now has Lucía reporting to her (and so becomes a manager).
        await ApplyAsync(app, Header + "\n" + await StaffRows.OfAsync(app, "MO-0101", manager: "MO-0103") + "\n" + await StaffRows.OfAsync(app, "MO-0102", active: false) + "\n");

        Assert.NotEqual(before["MO-0102"], await StampAsync(app, "MO-0102"));
        Assert.NotEqual(before["MO-0103"], await StampAsync(app, "MO-0103"));
        var logged = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action.StartsWith("account."))
            .Select(e => new { e.Action, e.Subject }).ToListAsync());
        Assert.Contains(logged, e => e.Action == AuditActions.Deactivated && e.Subject!.Contains("MO-0102"));
        Assert.Contains(logged, e => e.Action == AuditActions.RoleGranted && e.Subject!.Contains("MO-0103"));
        Assert.Equal(2, logged.Count);
        Assert.True(await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0103")
            .AnyAsync(e => db.UserRoles.Any(r => r.UserId == e.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Manager")))));
        // A new manager is only a detail for Lucía: her account is as it was.
        Assert.Equal(before["MO-0101"], await StampAsync(app, "MO-0101"));
        Assert.Equal(0, await app.SendInvitationsAsync());
    }
}
