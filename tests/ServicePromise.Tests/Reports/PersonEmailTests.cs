using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Reports;

/// <summary>
/// Changing someone's sign-in email on their person page (issue 10, item 1): old → new confirmed before it applies,
/// admins only for HR and admin people, a new security stamp and a notice to the old address.
/// </summary>
public class PersonEmailTests
{
    static Task<(int Id, string? Email, string? Stamp)> AccountAsync(AppFactory app, string number) => app.WithDbAsync(db =>
        db.Employees.Where(e => e.EmployeeNumber == number).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, u.Email, u.SecurityStamp })
            .Select(x => new ValueTuple<int, string?, string?>(x.Id, x.Email, x.SecurityStamp)).SingleAsync());

    [Fact]
    public async Task An_admin_changes_an_hr_persons_email_after_confirming_old_to_new_and_the_old_address_is_told()
    {
        using var app = new AppFactory();
        TestSmtp.Use(app);
        var (id, _, stamp) = await AccountAsync(app, "MO-0006"); // Marta, HR
        var newEmail = $"marta.{Guid.NewGuid():N}@olivo.test";
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);

        var page = await admin.GetPageAsync($"/hr/people/{id}");
        Assert.Equal(Pages.Hr, page.QuerySelector("#account-email")!.TextContent);
        var review = await admin.SubmitAsync(page, "#email-change", new Dictionary<string, string> { ["newEmail"] = newEmail });
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var confirm = Pages.Parse(await review.Content.ReadAsStringAsync());
        Assert.Contains($"de {Pages.Hr} a {newEmail}", confirm.QuerySelector("#email-confirm")!.TextContent);
        Assert.Equal(Pages.Hr, (await AccountAsync(app, "MO-0006")).Email); // nothing changed before the confirmation

        var done = await admin.SubmitAsync(confirm, "#email-confirm", new Dictionary<string, string>(), $"/hr/people/{id}?handler=Email");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await AccountAsync(app, "MO-0006");
        Assert.Equal(newEmail, after.Email);
        Assert.NotEqual(stamp, after.Stamp);
        var logged = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == ServicePromise.Web.Audit.AuditActions.EmailChanged));
        Assert.StartsWith("Pablo", logged.ActorName);
        Assert.Equal(id, logged.SubjectEmployeeId);
        Assert.Contains(newEmail, logged.Details);
        Assert.Contains("Correo cambiado", (await admin.GetPageAsync(done.Headers.Location!.OriginalString)).Text());

        Assert.Equal(1, await app.SendInvitationsAsync());
        var notice = Assert.Single(await TestSmtp.ForAsync(Pages.Hr), m => m.Text.Contains(newEmail));
        Assert.Equal("Ha cambiado el correo con el que entras en la promesa de servicio", notice.Subject);
        await app.Browser().SignedInAsync(newEmail);
    }

    [Fact]
    public async Task Hr_cannot_change_an_admins_or_another_hr_persons_email_but_can_change_an_employees()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var (adminId, _, _) = await AccountAsync(app, "MO-0007");
        var adminPage = await hr.GetPageAsync($"/hr/people/{adminId}");
        Assert.Null(adminPage.QuerySelector("#email-change"));
        Assert.Contains("Solo un administrador cambia el correo", adminPage.Text());

        // Posting anyway, with a valid token from a page HR may use: refused, nothing changed.
        var (luciaId, _, _) = await AccountAsync(app, "MO-0101");
        var luciaPage = await hr.GetPageAsync($"/hr/people/{luciaId}");
        foreach (var confirm in new[] { "false", "true" })
        {
            var forced = await hr.SubmitAsync(luciaPage, "#email-change",
                new Dictionary<string, string> { ["newEmail"] = "hr.owns.admin@evil.test", ["confirmEmail"] = confirm }, $"/hr/people/{adminId}?handler=Email");
            Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        }
        Assert.Equal(Pages.Admin, (await AccountAsync(app, "MO-0007")).Email);

        var review = await hr.SubmitAsync(luciaPage, "#email-change", new Dictionary<string, string> { ["newEmail"] = "lucia.romero@olivo.test" });
        var done = await hr.SubmitAsync(Pages.Parse(await review.Content.ReadAsStringAsync()), "#email-confirm", new Dictionary<string, string>(), $"/hr/people/{luciaId}?handler=Email");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("lucia.romero@olivo.test", (await AccountAsync(app, "MO-0101")).Email);
    }

    [Theory]
    [InlineData("", "Escribe el correo nuevo.")]
    [InlineData("no-es-un-correo", "«no-es-un-correo» no es un correo electrónico válido.")]
    [InlineData(Pages.Employee, "Ese ya es su correo.")]
    [InlineData("MANUEL.ORTIZ@demo.mercadosolivo.es", "Ese correo ya lo usa otra persona.")]
    public async Task A_bad_new_email_is_explained_next_to_the_field_and_changes_nothing(string newEmail, string message)
    {
        using var app = new AppFactory();
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var (id, _, stamp) = await AccountAsync(app, "MO-0101");
        var page = await admin.GetPageAsync($"/hr/people/{id}");
        foreach (var confirm in new[] { "false", "true" })
        {
            var response = await admin.SubmitAsync(page, "#email-change", new Dictionary<string, string> { ["newEmail"] = newEmail, ["confirmEmail"] = confirm });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(message, Pages.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#new-email-error")!.TextContent.Trim());
        }
        Assert.Equal((Pages.Employee, stamp), (await AccountAsync(app, "MO-0101")) is var a ? (a.Email, a.Stamp) : default);
        Assert.Equal(0, await app.SendInvitationsAsync());
    }

    [Fact]
    public async Task An_address_the_import_accepts_is_accepted_here_too_and_the_person_signs_in_with_it()
    {
        // Identity's default user-name characters refuse the apostrophe; the one rule is StaffFile.IsEmail's.
        using var app = new AppFactory();
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var (id, _, _) = await AccountAsync(app, "MO-0101");
        var page = await admin.GetPageAsync($"/hr/people/{id}");
        var response = await admin.SubmitAsync(page, "#email-change", new Dictionary<string, string> { ["newEmail"] = "o'neill@olivo.test", ["confirmEmail"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("o'neill@olivo.test", (await AccountAsync(app, "MO-0101")).Email);
        await app.Browser().SignedInAsync("o'neill@olivo.test");
    }

    [Fact]
    public async Task The_change_needs_the_antiforgery_token()
    {
        using var app = new AppFactory();
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var (id, _, _) = await AccountAsync(app, "MO-0101");
        var response = await admin.PostAsync($"/hr/people/{id}?handler=Email",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["newEmail"] = "x@olivo.test", ["confirmEmail"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Pages.Employee, (await AccountAsync(app, "MO-0101")).Email);
    }
}
