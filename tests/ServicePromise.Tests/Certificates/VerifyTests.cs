using System.Net;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Certificates;

public class VerifyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/verify/ABCD-EFGH-JKMN-PQRS-TVWX")]
    [InlineData("/verify/not-a-code")]
    [InlineData("/verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/verify?code=%27%20OR%201%3D1")]
    public async Task An_unknown_or_malformed_code_is_a_clear_not_found(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No encontramos ningún certificado", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task A_code_typed_loosely_leads_to_its_canonical_page()
    {
        var code = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(db.Certificates, c => c.Code)));
        var response = await app.Browser().GetAsync("/verify?code=" + code.Replace("-", " ").ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/verify/" + code, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_holder_name_with_a_direction_override_reads_in_logical_order_on_the_pdf_and_the_verification_page()
    {
        var (id, code) = await app.WithDbAsync(async db =>
        {
            var c = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                System.Linq.Queryable.Where(db.Certificates, x => x.Employee!.EmployeeNumber == "MO-0102"));
            c.HolderName = "Manuel \u202EOrtiz\u202C Campos";
            c.JobTitle = "Repo\r\nnedor";
            await db.SaveChangesAsync();
            return (c.Id, c.Code);
        });
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var pdf = await hr.GetByteArrayAsync($"/certificates/{id}/pdf");
        var text = Tools.PdfText(pdf);
        Assert.Contains("Manuel Ortiz Campos", text, StringComparison.Ordinal);
        Assert.Contains("Repo nedor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);

        var html = await app.Browser().GetStringAsync("/verify/" + code);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        var page = Pages.Parse(html);
        Assert.Contains("Manuel Ortiz Campos", page.Text(), StringComparison.Ordinal);
        Assert.Contains("Repo nedor", page.Text(), StringComparison.Ordinal);
    }
}

/// <summary>The page anyone with a QR code opens reads the certificate and what replaces it in one query.</summary>
public class VerifyQueryTests
{
    [Fact]
    public async Task A_verification_runs_one_query()
    {
        using var app = new LoggedAppFactory();
        app.Settings["Logging:LogLevel:" + RequestCommands.Category] = "Information";
        var code = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Certificates, c => c.ReplacedAt == null), c => c.Code)));
        var visitor = app.Browser();
        await visitor.GetPageAsync("/verify/" + code);

        var commands = await app.CommandsOfGetAsync(visitor, "/verify/" + code);

        Assert.Contains("\"Certificates\"", Assert.Single(commands), StringComparison.Ordinal);
    }
}
