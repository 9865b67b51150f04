using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>A staff file applied to the real database: atomic, idempotent, inviting by email, deactivating without deleting.</summary>
public class StaffImporterTests
{
    const string Header = "Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Responsable;Fecha de alta;Idioma;Tipo de contrato;Activo";

    static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n");

    static async Task<StaffImportResult> RunAsync(AppFactory app, byte[] file, bool apply, bool fullImport = false)
    {
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<StaffImporter>();
        return apply ? await importer.ApplyAsync(file, fullImport) : await importer.DryRunAsync(file, fullImport);
    }

    static readonly byte[] NewPeople = File(
        "N-1;Nerea Gil;nerea.gil@olivo.test;Cajera;Tiendas;Sevilla Centro;MO-0001;01/12/2026;es;empleado;sí",
        "N-2;Noah Brown;noah.brown@agency.test;Reponedor;Tiendas;Sevilla Centro;N-1;2026-12-01;en;contratista;sí",
        "N-3;Correo Roto;correo.roto@;Cajera;Tiendas;Sevilla Centro;;2026-12-01;es;;",
        "N-4;Jefe Fantasma;fantasma@olivo.test;Cajero;Tiendas;Sevilla Centro;NO-EXISTE;2026-12-01;es;;");

    [Fact]
    public async Task A_dry_run_changes_nothing_and_applying_creates_the_valid_rows_once()
    {
        using var app = new AppFactory();
        var before = await app.WithDbAsync(db => db.Employees.CountAsync());

        var dry = await RunAsync(app, NewPeople, apply: false);
        Assert.Equal(2, dry.Plan!.Creates);
        Assert.Equal([4, 5], dry.Problems.Select(p => p.Line));
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync()));

        var applied = await RunAsync(app, NewPeople, apply: true);
        Assert.True(applied.Applied);
        Assert.Equal(2, applied.Invited);
        var (nerea, noah) = await app.WithDbAsync(async db => (
            await db.Employees.Include(e => e.Manager).Include(e => e.Department).SingleAsync(e => e.EmployeeNumber == "N-1"),
            await db.Employees.Include(e => e.Manager).SingleAsync(e => e.EmployeeNumber == "N-2")));
        Assert.Equal(("MO-0001", "Tiendas", new DateOnly(2026, 12, 1)), (nerea.Manager!.EmployeeNumber, nerea.Department!.Name, nerea.HireDate));
        Assert.Equal(("N-1", EmploymentType.Contractor, "en"), (noah.Manager!.EmployeeNumber, noah.EmploymentType, noah.Language));
        Assert.NotNull(nerea.CurrentAssignmentId);
        // Nobody's password is set by HR: they choose it from the invitation.
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == nerea.UserId).Select(u => u.PasswordHash).SingleAsync()));
        // Nerea now has someone reporting to her, so she can coach them.
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == nerea.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Manager"))));

        var again = await RunAsync(app, NewPeople, apply: true);
        Assert.Empty(again.Plan!.Changes);
        Assert.Equal(0, again.Invited);
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Employees.CountAsync()));
    }

    [Fact]
    public async Task An_imported_account_is_the_row_user_manager_would_have_written()
    {
        using var app = new AppFactory();
        await RunAsync(app, NewPeople, apply: true);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var made = new AppUser { Email = "Made.By@Identity.test", UserName = "Made.By@Identity.test" };
        Assert.True((await users.CreateAsync(made)).Succeeded);
        await users.AddToRoleAsync(made, Roles.Employee);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var imported = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "noah.brown@agency.test");
        var reference = await db.Users.AsNoTracking().SingleAsync(u => u.Id == made.Id);
        Assert.Equal("NOAH.BROWN@AGENCY.TEST", imported.NormalizedEmail);
        Assert.Equal("NOAH.BROWN@AGENCY.TEST", imported.NormalizedUserName);
        Assert.Equal("noah.brown@agency.test", imported.UserName);
        // Every other column as Identity leaves it: same flags, same kind of stamps, no password.
        Assert.Equal(
            (reference.EmailConfirmed, reference.PhoneNumber, reference.PhoneNumberConfirmed, reference.TwoFactorEnabled, reference.LockoutEnabled, reference.LockoutEnd, reference.AccessFailedCount, reference.PasswordHash),
            (imported.EmailConfirmed, imported.PhoneNumber, imported.PhoneNumberConfirmed, imported.TwoFactorEnabled, imported.LockoutEnabled, imported.LockoutEnd, imported.AccessFailedCount, imported.PasswordHash));
        Assert.Matches("^[A-Z2-7]{32}$", reference.SecurityStamp!);
        Assert.Matches("^[A-Z2-7]{32}$", imported.SecurityStamp!);
        Assert.True(Guid.TryParse(imported.ConcurrencyStamp, out _));
        Assert.Equal(await users.GetRolesAsync(reference), await users.GetRolesAsync(imported));
        // Identity finds it by email and user name, and accepts a password for it.
        var found = await users.FindByEmailAsync("Noah.Brown@agency.test");
        Assert.Equal(imported.Id, found!.Id);
        Assert.True((await users.AddPasswordAsync(found, "Un-paseo-por-Triana-7")).Succeeded);
        // The reference account was only for comparing: every account is someone's (Support/Invariants.cs).
        Assert.True((await users.DeleteAsync((await users.FindByIdAsync(made.Id))!)).Succeeded);
    }

    [Fact]
    public async Task An_apply_that_fails_part_way_leaves_nothing_behind()
    {
        using var app = new AppFactory();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER fail_late BEFORE INSERT ON AssignmentPillars BEGIN SELECT RAISE(ABORT, 'disk full'); END;"));
        var count = () => app.WithDbAsync(async db => (await db.Employees.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync(),
            await db.Assignments.CountAsync(), await db.Invitations.CountAsync(), await db.Departments.CountAsync(), await db.Sites.CountAsync()));
        var before = await count();

        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(app, NewPeople, apply: true));
        Assert.Equal(before, await count());
        Assert.Empty(app.Mails());

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_late;"));
        Assert.Equal(2, (await RunAsync(app, NewPeople, apply: true)).Plan!.Creates);
    }

    [Fact]
    public async Task An_invited_person_sets_a_password_from_the_email_in_their_language_and_signs_in()
    {
        using var app = new AppFactory();
        await RunAsync(app, NewPeople, apply: true);
        Assert.Empty(app.Mails()); // queued in the import, sent afterwards
        Assert.Equal(2, await app.SendInvitationsAsync());
        Assert.Equal(0, await app.SendInvitationsAsync()); // each once
        Assert.Equal(2, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.Status == InvitationStatus.Sent && i.SentAt != null)));
        var mail = Assert.Single(app.Mails(), m => m.Contains("noah.brown@agency.test"));
        Assert.Contains("Welcome to the service promise", mail);
        var link = Regex.Match(mail, @"https://promesa\.test(/account/set-password\?\S+)").Groups[1].Value;
        Assert.Contains("culture=en", link);

        var client = app.Browser();
        var page = await client.GetPageAsync(link);
        var set = await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "Un-paseo-por-Triana-7", ["Input.ConfirmPassword"] = "Un-paseo-por-Triana-7",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var signedIn = app.Browser();
        await signedIn.SignedInAsync("noah.brown@agency.test", "Un-paseo-por-Triana-7");
        Assert.Contains("0 of 5 pillars completed", (await signedIn.GetPageAsync("/")).Text());
    }

    [Fact]
    public async Task A_new_hire_whose_address_identity_s_default_user_names_refuse_sets_a_password_signs_in_and_is_locked_out_as_anyone()
    {
        // The import accepts o'neill@… (StaffFile.IsEmail); every later UserManager update of the account must too.
        using var app = new AppFactory();
        var applied = await RunAsync(app, File("N-9;Siobhán O'Neill;o'neill@olivo.test;Cajera;Tiendas;Sevilla Centro;MO-0001;2026-12-01;es;empleado;sí"), apply: true);
        Assert.Equal(1, applied.Invited);
        Assert.Equal(1, await app.SendInvitationsAsync());
        var mail = Assert.Single(app.Mails(), m => m.Contains("o'neill@olivo.test"));
        var link = Regex.Match(mail, @"https://promesa\.test(/account/set-password\?\S+)").Groups[1].Value;

        var client = app.Browser();
        var set = await client.SubmitAsync(await client.GetPageAsync(link), "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "Un-paseo-por-Triana-7", ["Input.ConfirmPassword"] = "Un-paseo-por-Triana-7",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await app.Browser().SignedInAsync("o'neill@olivo.test", "Un-paseo-por-Triana-7");

        var failed = await app.Browser().SignInAsync("o'neill@olivo.test", "No-es-la-clave-99");
        Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.Where(u => u.Email == "o'neill@olivo.test").Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_queued_before_a_new_hires_address_is_corrected_goes_only_to_the_corrected_address()
    {
        using var app = new AppFactory();
        const string Row = "N-8;Nerea Gil;{0};Cajera;Tiendas;Sevilla Centro;MO-0001;2026-12-01;es;empleado;sí";
        Assert.Equal(1, (await RunAsync(app, File(string.Format(CultureInfo.InvariantCulture, Row, "nerea.gli@olivo.test")), apply: true)).Invited);
        // HR corrects the typo before the invitation has gone out.
        Assert.Equal(1, (await RunAsync(app, File(string.Format(CultureInfo.InvariantCulture, Row, "nerea.gil@olivo.test")), apply: true)).Notified);

        Assert.Equal(2, await app.SendInvitationsAsync()); // the invitation and the notice of the change
        var toWrong = app.Mails().Where(m => m.Contains("nerea.gli@olivo.test")).ToList();
        Assert.All(toWrong, m => Assert.DoesNotContain("set-password", m));
        var invitation = Assert.Single(app.Mails(), m => m.Contains("set-password"));
        Assert.Contains("nerea.gil@olivo.test", invitation);
        Assert.DoesNotContain("nerea.gli@olivo.test", invitation);
        Assert.Equal("nerea.gil@olivo.test", await app.WithDbAsync(db => db.Invitations
            .Where(i => i.Kind == AccountMailKind.Invitation && i.Employee!.EmployeeNumber == "N-8").Select(i => i.Recipient).SingleAsync()));
    }

    [Fact]
    public async Task A_full_import_deactivates_people_left_out_who_then_cannot_sign_in_and_keep_their_certificates()
    {
        using var app = new AppFactory();
        // Everyone in the demo organisation except Manuel (MO-0102), who has a certificate.
        var rows = await app.WithDbAsync(db => db.Employees.Include(e => e.Department).Include(e => e.Site).Include(e => e.Manager)
            .Where(e => e.EmployeeNumber != "MO-0102")
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e, u.Email })
            .ToListAsync());
        var file = File(rows.Select(r => string.Join(';', r.e.EmployeeNumber, r.e.FullName, r.Email, r.e.JobTitle, r.e.Department?.Name, r.e.Site?.Name,
            r.e.Manager?.EmployeeNumber, r.e.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.e.Language, "", r.e.IsActive ? "sí" : "no")).ToArray());

        var dry = await RunAsync(app, file, apply: false, fullImport: true);
        var change = Assert.Single(dry.Plan!.Changes);
        Assert.Equal((ChangeAction.Deactivate, "MO-0102"), (change.Action, change.EmployeeNumber));

        await RunAsync(app, file, apply: true, fullImport: true);
        var manuel = await app.WithDbAsync(db => db.Employees.SingleAsync(e => e.EmployeeNumber == "MO-0102"));
        Assert.False(manuel.IsActive);
        Assert.True(await app.WithDbAsync(db => db.Certificates.AnyAsync(c => c.EmployeeId == manuel.Id)));
        var response = await app.Browser().SignInAsync(Pages.OtherEmployee);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task An_unreadable_file_plans_and_changes_nothing_even_as_a_full_import()
    {
        using var app = new AppFactory();
        var before = await app.WithDbAsync(db => db.Employees.CountAsync(e => e.IsActive));
        var result = await RunAsync(app, Encoding.UTF8.GetBytes("nombre,correo\nAna,ana@olivo.test\n"), apply: true, fullImport: true);
        Assert.False(result.Applied);
        Assert.Null(result.Plan);
        Assert.NotEmpty(result.Problems);
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync(e => e.IsActive)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_the_reader_stops_in_part_way_changes_nothing_even_as_a_full_import(bool tooManyColumns)
    {
        var badRow = tooManyColumns ? "E-2;Eva;eva@olivo.test;2026-01-01" + new string(';', CsvText.MaxFields) + "\n" : "E-2;Eva;\"eva@olivo.test;2026-01-01\n";
        // An unclosed quote or an over-long record on line 3: the lines before it are not the whole staff list, so a
        // full import must not deactivate everyone else.
        using var app = new AppFactory();
        var before = await app.WithDbAsync(db => db.Employees.CountAsync(e => e.IsActive));
        var text = "Nº de empleado;Nombre;Email;Fecha de alta\nE-1;Eli;eli@olivo.test;2026-01-01\n" + badRow;
        var result = await RunAsync(app, Encoding.UTF8.GetBytes(text), apply: true, fullImport: true);
        Assert.Null(result.Plan);
        Assert.Equal(3, Assert.Single(result.Problems).Line);
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync(e => e.IsActive)));
    }
}
