using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// Issue 10, item 1: HR must not be able to take over (or lock out) an administrator — or another HR person —
/// through the staff import. Played as the attack: HR's own import page, then the forgot-password form.
/// </summary>
public class ImportPrivilegeTests
{
    const string Header = StaffRows.Header;
    const string AdminNumber = "MO-0007"; // Pablo Serrano, Admin (and manager of IT)
    const string Attacker = "takeover@evil.test";

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, bool fullImport = false)
    {
        var page = await client.GetPageAsync("/hr/import");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "plantilla.csv" },
        };
        if (fullImport) form.Add(new StringContent("true"), "fullImport");
        return await client.PostAsync("/hr/import?handler=Upload", form);
    }

    /// <summary>Uploads, reads the dry run, applies it (whether or not it plans anything); returns the dry run's text.</summary>
    static async Task<string> ImportAsync(HttpClient hr, string text, bool fullImport = false)
    {
        var uploaded = await UploadAsync(hr, text, fullImport);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var location = uploaded.Headers.Location!.OriginalString;
        var preview = await hr.GetPageAsync(location);
        if (preview.QuerySelector(ImportPreviewPage.ApplyForm) is not null)
        {
            var applied = await hr.SubmitAsync(preview, ImportPreviewPage.ApplyForm, new Dictionary<string, string> { ["confirm"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        }
        return preview.Text();
    }

    static async Task<string?> ResetLinkAsync(AppFactory app, string email)
    {
        var client = app.Browser();
        var form = await client.GetPageAsync("/account/forgot-password");
        await client.SubmitAsync(form, "form", new Dictionary<string, string> { ["Input.Email"] = email });
        // MimeKit writes the recipient as `To: "Name" <address>` (or the bare address): match the address on the To line.
        var to = new Regex(@"^To:.*(?<![\w.+-])" + Regex.Escape(email) + @"(?![\w.-])", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        var mail = app.Mails().LastOrDefault(m => to.IsMatch(m) && m.Contains("reset-password"));
        return mail is null ? null : Regex.Match(mail, @"https://promesa\.test(/account/reset-password\?\S+)").Groups[1].Value;
    }

    [Fact]
    public async Task Hr_cannot_take_over_the_admin_by_importing_a_new_email_for_them()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var stampBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Pages.Admin).Select(u => u.SecurityStamp).SingleAsync());

        var dryRun = await ImportAsync(hr, Header + "\n" + await StaffRows.OfAsync(app, AdminNumber, email: Attacker, jobTitle: "Director de sistemas") + "\n");
        Assert.Contains("esta persona es administradora: un administrador cambia su cuenta en su página", dryRun);

        // The email stays; the harmless field (the job title) applies.
        var admin = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == AdminNumber)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Email, u.SecurityStamp, e.JobTitle, e.IsActive }).SingleAsync());
        Assert.Equal((Pages.Admin, "Director de sistemas", true), (admin.Email, admin.JobTitle, admin.IsActive));
        Assert.Equal(stampBefore, admin.SecurityStamp);

        // The attacker's address has no account: no reset mail, no sign-in, no admin page.
        Assert.Null(await ResetLinkAsync(app, Attacker));
        var attacker = app.Browser();
        Assert.NotEqual(HttpStatusCode.Redirect, (await attacker.SignInAsync(Attacker, "Cualquier-cosa-2026")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await attacker.GetAsync("/admin/content")).StatusCode);
        // The real admin still signs in and opens the admin page.
        var real = app.Browser();
        await real.SignedInAsync(Pages.Admin);
        Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/admin/content")).StatusCode);
        // The attacker's address got no link while the real admin's address does: the search above can find one.
        Assert.NotNull(await ResetLinkAsync(app, Pages.Admin));
    }

    [Fact]
    public async Task Hr_cannot_lock_the_admin_out_by_importing_them_inactive_or_leaving_them_out_of_a_full_import()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);

        var inactive = await ImportAsync(hr, Header + "\n" + await StaffRows.OfAsync(app, AdminNumber, active: false) + "\n");
        Assert.Contains("esta persona es administradora", inactive);
        Assert.True(await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == AdminNumber).Select(e => e.IsActive).SingleAsync()));

        // A full import of one ordinary person: everyone else missing, but the admin and HR people are kept active.
        var full = await ImportAsync(hr, Header + "\n" + await StaffRows.OfAsync(app, "MO-0005") + "\n", fullImport: true);
        Assert.Contains("no está en el archivo, pero no se da de baja", full);
        var kept = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == AdminNumber || e.EmployeeNumber == "MO-0006")
            .Select(e => e.IsActive).ToListAsync());
        Assert.Equal([true, true], kept);
        Assert.False(await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0001").Select(e => e.IsActive).SingleAsync()));

        var real = app.Browser();
        await real.SignedInAsync(Pages.Admin);
        Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/admin/content")).StatusCode);
    }

    [Fact]
    public async Task Hr_cannot_change_another_hr_persons_email_or_deactivate_them_by_import_either()
    {
        using var app = new AppFactory();
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin); // an admin's import is refused the same way: the import never does it
        var text = await ImportAsync(admin, Header + "\n" + await StaffRows.OfAsync(app, "MO-0006", email: "marta@evil.test", active: false) + "\n");
        Assert.Contains("esta persona es de RR. HH.: un administrador cambia su cuenta en su página", text);
        var marta = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0006")
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Email, e.IsActive }).SingleAsync());
        Assert.Equal((Pages.Hr, true), (marta.Email, marta.IsActive));
    }
}
