using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Certificates;

/// <summary>HR withdraws a certificate with a reason; the public verification page says so.</summary>
public class RevocationTests
{
    [Fact]
    public async Task Hr_revokes_a_certificate_with_a_reason_once_and_the_verification_page_shows_it()
    {
        using var app = new AppFactory();
        var (personId, code) = await DemoCertificates.ManuelsAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{personId}");

        var noReason = await hr.SubmitAsync(page, "#certificates ~ ul form", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Escribe el motivo", await noReason.Content.ReadAsStringAsync());

        var fields = new Dictionary<string, string> { ["reason"] = "Emitido por error: <b>repetir</b> la formación", ["confirm"] = "true" };
        var responses = new[] { await hr.SubmitAsync(page, "#certificates ~ ul form", fields), await hr.SubmitAsync(page, "#certificates ~ ul form", fields) };
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var revokedAt = await app.WithDbAsync(db => db.Certificates.Where(c => c.Code == code).Select(c => c.RevokedAt).SingleAsync());
        Assert.NotNull(revokedAt);

        var verify = await app.Browser().GetAsync("/verify/" + code);
        var html = await verify.Content.ReadAsStringAsync();
        Assert.Contains("Certificado revocado", html);
        Assert.Contains("Emitido por error: &lt;b&gt;repetir&lt;/b&gt; la formación", html);
        Assert.DoesNotContain("Certificado válido", html);
    }

    [Fact]
    public async Task Only_hr_can_revoke()
    {
        using var app = new AppFactory();
        var personId = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0102").Select(e => e.Id).SingleAsync());
        var employee = app.Browser();
        await employee.SignedInAsync(Pages.OtherEmployee);
        var response = await employee.GetAsync($"/hr/people/{personId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }
}
