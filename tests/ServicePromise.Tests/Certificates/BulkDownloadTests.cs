using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reports;

namespace ServicePromise.Tests.Certificates;

/// <summary>HR downloads one ZIP with the current, non-revoked certificates of the people a completion filter matches.</summary>
public partial class BulkDownloadTests
{
    [GeneratedRegex(@"^[A-Za-z0-9_-]+_[A-Z0-9]{4}(-[A-Z0-9]{4}){4}\.pdf$")]
    private static partial Regex SafeName();

    static async Task<List<string>> ExpectedCodesAsync(AppFactory app, CompletionFilter filter) => await app.WithDbAsync(async db =>
    {
        var ids = await CompletionQuery.Rows(db, filter, DateOnly.FromDateTime(DateTime.UtcNow), d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).Select(r => r.CertificateId).ToListAsync();
        return await db.Certificates.Where(c => ids.Contains(c.Id) && c.RevokedAt == null && c.ReplacedAt == null).Select(c => c.Code).ToListAsync();
    });

    [Fact]
    public async Task The_zip_holds_exactly_the_filtered_peoples_current_certificates_with_safe_names()
    {
        using var app = new AppFactory();
        // One certificate revoked (left out), one reissued (the new one in, the old one out), one employee number full of path tricks.
        var (revokedCode, reissuedOldCode, trickyId) = await app.WithDbAsync(async db =>
        {
            var certs = await db.Certificates.AsNoTracking().Include(c => c.Employee).OrderBy(c => c.Id).ToListAsync();
            Assert.True(certs.Count >= 4, "the demo has a few completed people");
            await db.Certificates.Where(c => c.Id == certs[0].Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.RevokedAt, DateTime.UtcNow).SetProperty(c => c.RevokedReason, "x"));
            await db.Employees.Where(e => e.Id == certs[2].EmployeeId).ExecuteUpdateAsync(u => u.SetProperty(e => e.EmployeeNumber, "../..\\=evil <b>"));
            return (certs[0].Code, certs[1].Code, certs[2].EmployeeId);
        });
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Data.AppDbContext>();
            var old = await db.Certificates.SingleAsync(c => c.Code == reissuedOldCode);
            Assert.Equal(ReissueOutcome.Reissued, (await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().ReissueAsync(old.Id, old.EmployeeId, "r", null)).Outcome);
        }

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync("/hr/completion?status=Completed");
        var form = page.QuerySelector("form input[name=handler][value=Certificates]")!.ParentElement!;
        Assert.Equal("Completed", form.QuerySelector("input[name=status]")!.GetAttribute("value"));

        var response = await hr.GetAsync("/hr/completion?handler=Certificates&status=Completed");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"attachment; filename=""certificados-\d{4}-\d{2}-\d{2}\.zip""", response.Content.Headers.ContentDisposition!.ToString());

        var expected = await ExpectedCodesAsync(app, new CompletionFilter(null, AssignmentStatus.Completed, null));
        Assert.DoesNotContain(revokedCode, expected);
        Assert.DoesNotContain(reissuedOldCode, expected);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(expected.Order(), zip.Entries.Select(e => e.Name[(e.Name.LastIndexOf('_') + 1)..^4]).Order());
        Assert.All(zip.Entries, e => Assert.Matches(SafeName(), e.FullName));
        var trickyNumber = await app.WithDbAsync(db => db.Certificates.Where(c => c.EmployeeId == trickyId && c.ReplacedAt == null).Select(c => c.Code).SingleAsync());
        Assert.Contains(zip.Entries, e => e.FullName == $"_______evil__b__{trickyNumber}.pdf");

        // Each entry is that person's certificate, readable.
        var first = zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).First();
        var code = first.Name[(first.Name.LastIndexOf('_') + 1)..^4];
        var holder = await app.WithDbAsync(db => db.Certificates.Where(c => c.Code == code).Select(c => c.HolderName).SingleAsync());
        using var pdf = new MemoryStream();
        await using (var s = first.Open()) await s.CopyToAsync(pdf);
        var text = Tools.PdfText(pdf.ToArray());
        Assert.Contains(code, text);
        Assert.Contains(holder, text);
    }

    [Fact]
    public async Task A_department_and_search_filter_narrows_the_zip()
    {
        using var app = new AppFactory();
        var (departmentId, search) = await app.WithDbAsync(async db =>
        {
            var c = await db.Certificates.AsNoTracking().Where(c => c.Employee!.DepartmentId != null).Select(c => new { c.Employee!.DepartmentId, c.Employee.EmployeeNumber }).FirstAsync();
            return (c.DepartmentId!.Value, c.EmployeeNumber);
        });
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var response = await hr.GetAsync($"/hr/completion?handler=Certificates&department={departmentId}&q={search}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.StartsWith(search + "_", entry.FullName);
        Assert.Equal(await ExpectedCodesAsync(app, new CompletionFilter(departmentId, null, search)), [entry.Name[(search.Length + 1)..^4]]);
    }

    [Fact]
    public async Task Nobody_with_a_certificate_is_a_message_not_an_empty_zip()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var response = await hr.GetAsync("/hr/completion?handler=Certificates&status=NotStarted&q=%3Cb%3E");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hr/completion?status=NotStarted&q=%3Cb%3E", response.Headers.Location!.OriginalString);
        var page = await hr.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Nadie de esta lista tiene un certificado vigente", page.Text());

        // Not started: people there, but none with a certificate.
        response = await hr.GetAsync("/hr/completion?handler=Certificates&status=NotStarted");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData(Pages.Employee)]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es")] // a manager without the HR role
    public async Task Only_hr_downloads_certificates_in_bulk(string who)
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(who);
        var response = await client.GetAsync("/hr/completion?handler=Certificates");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
        var anonymous = await app.Browser().GetAsync("/hr/completion?handler=Certificates");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath);
    }
}
