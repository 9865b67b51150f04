using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Reports;

namespace ServicePromise.Tests.Certificates;

/// <summary>HR reissues a certificate: a new one with a new code and today's details; the old one verifies as replaced.</summary>
public class ReissueTests
{
    const string Holder = "MO-0102";
    const string ReissueForm = "form.reissue";

    static async Task<(int PersonId, int CertificateId, string Code, int AssignmentId)> HolderAsync(AppFactory app) =>
        await app.WithDbAsync(async db =>
        {
            var c = await db.Certificates.AsNoTracking().SingleAsync(x => x.Employee!.EmployeeNumber == Holder);
            return (c.EmployeeId, c.Id, c.Code, c.AssignmentId);
        });

    [Fact]
    public async Task Hr_reissues_with_the_current_name_and_the_old_code_verifies_as_replaced_by_the_new_one()
    {
        using var app = new AppFactory();
        var (personId, oldId, oldCode, assignmentId) = await HolderAsync(app);
        var old = await app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == oldId));
        // The reason to reissue: the person's name was misspelt in the HR system and has been corrected since.
        await app.WithDbAsync(db => db.Employees.Where(e => e.Id == personId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.FullName, "Manuel Ortiz Campos-Díaz").SetProperty(e => e.JobTitle, "Jefe de reposición")));

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{personId}");
        Assert.Contains("Reemitir este certificado", page.Text());

        var noReason = await hr.SubmitAsync(page, ReissueForm, new Dictionary<string, string> { ["reissueConfirm"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Escribe el motivo de la reemisión", await noReason.Content.ReadAsStringAsync());
        var unconfirmed = await hr.SubmitAsync(page, ReissueForm, new Dictionary<string, string> { ["reissueReason"] = "Nombre corregido" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.AssignmentId == assignmentId)));

        var done = await hr.SubmitAsync(page, ReissueForm, new Dictionary<string, string> { ["reissueReason"] = "Nombre corregido en RR. HH.", ["reissueConfirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var (fresh, replaced) = await app.WithDbAsync(async db => (
            await db.Certificates.AsNoTracking().SingleAsync(c => c.AssignmentId == assignmentId && c.ReplacedAt == null),
            await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == oldId)));
        Assert.NotEqual(oldCode, fresh.Code);
        Assert.Equal("Manuel Ortiz Campos-Díaz", fresh.HolderName);
        Assert.Equal("Jefe de reposición", fresh.JobTitle);
        Assert.Equal(old.EditionId, fresh.EditionId);
        Assert.Equal(old.EditionNumber, fresh.EditionNumber);
        Assert.Equal(old.ExpiresOn, fresh.ExpiresOn);
        Assert.Equal(old.PillarTitles, fresh.PillarTitles);
        Assert.Null(fresh.RevokedAt);
        Assert.Equal(fresh.Id, replaced.ReplacedById);
        Assert.Equal("Nombre corregido en RR. HH.", replaced.ReissueReason);
        Assert.Equal("Manuel Ortiz Campos", replaced.HolderName); // what the old one printed stays as it was

        // The new PDF says what the verification page says.
        var pdf = await hr.GetByteArrayAsync($"/certificates/{fresh.Id}/pdf");
        await CertificateAssertions.PdfAndVerificationPageAgreeAsync(app.Browser(), pdf, fresh);

        // The old code: authentic, superseded, pointing at the new one.
        var verify = await app.Browser().GetPageAsync("/verify/" + oldCode);
        Assert.Contains("Certificado sustituido", verify.Text());
        Assert.NotNull(verify.QuerySelector($"a[href='/verify/{fresh.Code}']"));
        Assert.DoesNotContain("Certificado válido", verify.Text());

        // Everywhere "the certificate of the assignment" is the new one.
        var row = await app.WithDbAsync(db => CompletionQuery.PersonAsync(db, personId, default));
        Assert.Equal(fresh.Id, row!.CertificateId);
        Assert.Equal(fresh.Code, row.CertificateCode);
        var completion = await hr.GetPageAsync("/hr/completion?q=" + Holder);
        Assert.NotNull(completion.QuerySelector($"a[href='/certificates/{fresh.Id}/pdf']"));
        Assert.Null(completion.QuerySelector($"a[href='/certificates/{oldId}/pdf']"));
        var person = await hr.GetPageAsync($"/hr/people/{personId}");
        Assert.Contains("Nombre corregido en RR. HH.", person.Text());
        Assert.Single(person.QuerySelectorAll(ReissueForm));
        Assert.Equal(fresh.Id.ToString(CultureInfo.InvariantCulture), person.QuerySelector(ReissueForm + " input[name=certificateId]")!.GetAttribute("value"));

        var holder = app.Browser();
        await holder.SignedInAsync(Pages.OtherEmployee);
        var mine = await holder.GetPageAsync("/certificates");
        Assert.Contains(fresh.Code, mine.Text());
        Assert.DoesNotContain(oldCode, mine.Text());
        var home = await holder.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector($"a[href='/certificates/{fresh.Id}/pdf']"));
        Assert.Null(home.QuerySelector($"a[href='/certificates/{oldId}/pdf']"));
    }

    [Fact]
    public async Task Sending_the_form_twice_at_once_creates_one_new_certificate()
    {
        using var app = new AppFactory();
        var (personId, oldId, _, assignmentId) = await HolderAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{personId}");
        var fields = new Dictionary<string, string> { ["reissueReason"] = "Empresa renombrada", ["reissueConfirm"] = "true" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => hr.SubmitAsync(page, ReissueForm, fields)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var all = await app.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.AssignmentId == assignmentId).ToListAsync());
        Assert.Equal(2, all.Count);
        var current = Assert.Single(all, c => c.ReplacedAt == null);
        Assert.Equal(current.Id, all.Single(c => c.Id == oldId).ReplacedById);
    }

    [Fact]
    public async Task Two_issuers_racing_on_the_same_certificate_make_one_and_the_loser_is_told()
    {
        using var app = new AppFactory();
        var (personId, oldId, _, assignmentId) = await HolderAsync(app);
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().ReissueAsync(oldId, personId, "carrera", null);
        }));
        Assert.Single(results, r => r.Outcome == ReissueOutcome.Reissued);
        Assert.All(results.Where(r => r.Outcome != ReissueOutcome.Reissued), r => Assert.Equal(ReissueOutcome.AlreadyReplaced, r.Outcome));
        Assert.Equal(2, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.AssignmentId == assignmentId)));
    }

    [Fact]
    public async Task The_database_refuses_a_second_current_certificate_for_one_assignment()
    {
        using var app = new AppFactory();
        var (_, oldId, _, _) = await HolderAsync(app);
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var copy = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == oldId);
            copy.Id = 0;
            copy.Code = VerificationCode.NewCode();
            db.Certificates.Add(copy);
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_revoked_certificate_can_be_reissued_and_the_new_one_is_valid()
    {
        using var app = new AppFactory();
        var (personId, oldId, oldCode, _) = await HolderAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{personId}");
        await hr.SubmitAsync(page, "#certificates ~ ul form", new Dictionary<string, string> { ["reason"] = "Nombre equivocado", ["confirm"] = "true" });

        page = await hr.GetPageAsync($"/hr/people/{personId}");
        Assert.Contains("Este certificado está revocado. Reemitirlo crea uno nuevo y válido", page.Text());
        var done = await hr.SubmitAsync(page, ReissueForm, new Dictionary<string, string> { ["reissueReason"] = "Nombre corregido", ["reissueConfirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var fresh = await app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.EmployeeId == personId && c.ReplacedAt == null));
        Assert.NotEqual(oldId, fresh.Id);
        Assert.Contains("Certificado válido", (await app.Browser().GetPageAsync("/verify/" + fresh.Code)).Text());
        var old = await app.Browser().GetPageAsync("/verify/" + oldCode);
        Assert.Contains("Certificado revocado", old.Text());
        Assert.NotNull(old.QuerySelector($"a[href='/verify/{fresh.Code}']"));
    }

    [Fact]
    public async Task A_replaced_or_someone_elses_certificate_is_not_reissued()
    {
        using var app = new AppFactory();
        var (personId, oldId, _, _) = await HolderAsync(app);
        var first = await app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().ReissueAsync(oldId, personId, "uno", null);
        });
        Assert.Equal(ReissueOutcome.Reissued, first.Outcome);
        var again = await app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().ReissueAsync(oldId, personId, "dos", null);
        });
        Assert.Equal(ReissueOutcome.AlreadyReplaced, again.Outcome);
        var otherPerson = await app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().ReissueAsync(first.Certificate!.Id, personId + 1, "tres", null);
        });
        Assert.Equal(ReissueOutcome.NotFound, otherPerson.Outcome);
    }

    [Fact]
    public async Task Only_hr_can_reissue()
    {
        using var app = new AppFactory();
        var (personId, oldId, _, assignmentId) = await HolderAsync(app);
        var employee = app.Browser();
        await employee.SignedInAsync(Pages.OtherEmployee);
        // The holder's own antiforgery token is not HR's; without the HR role the handler is never reached.
        var response = await employee.PostAsync($"/hr/people/{personId}?handler=Reissue",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["certificateId"] = oldId.ToString(CultureInfo.InvariantCulture), ["reissueReason"] = "x", ["reissueConfirm"] = "true" }));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.AssignmentId == assignmentId)));
    }
}
