using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Measurement;

/// <summary>Audit results brought in through HR's page and the form: atomic, idempotent, corrections kept, listeners inside the transaction.</summary>
public class AuditImportTests
{
    const string Header = "Tienda;Periodo;Fuente;Estándar;Puntuación;Muestra;Comentario\n";
    const string October = Header + "Sevilla Centro;2026-10;Q-Shop;escucha;62,5;12;Me atendieron rápido\n";

    /// <summary>The current edition's first pillar gets one standard, "escucha" (another engineer reads them from the content).</summary>
    static async Task<string> StandardAsync(AppFactory app) => await app.WithDbAsync(async db =>
    {
        var pillar = await db.Pillars.Where(p => p.EditionId == db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).First()).OrderBy(p => p.Order).FirstAsync();
        db.PillarStandards.Add(new PillarStandard { PillarId = pillar.Id, Key = "escucha", Order = 1, ThresholdHundredths = 8000 });
        await db.SaveChangesAsync();
        return pillar.Key;
    });

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text)
    {
        var page = await client.GetPageAsync("/hr/measurement/import");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "octubre.csv" },
        };
        return await client.PostAsync("/hr/measurement/import?handler=Upload", form);
    }

    static async Task<AngleSharp.Html.Dom.IHtmlDocument> DryRunAsync(HttpClient client, string text)
    {
        var uploaded = await UploadAsync(client, text);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return await client.GetPageAsync(uploaded.Headers.Location!.OriginalString);
    }

    static Task<HttpResponseMessage> ApplyAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument dryRun) =>
        client.SubmitAsync(dryRun, "form[action*='handler=Apply']", new Dictionary<string, string> { ["confirm"] = "true" });

    [Fact]
    public async Task Hr_reads_the_dry_run_applies_once_and_the_same_file_again_changes_nothing()
    {
        using var app = new AppFactory();
        await StandardAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);

        var dryRun = await DryRunAsync(hr, October);
        Assert.Contains("Nuevos: 1", dryRun.Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditResults.CountAsync()));

        var applied = await Task.WhenAll(ApplyAsync(hr, dryRun), ApplyAsync(hr, dryRun));
        Assert.All(applied, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var result = await app.WithDbAsync(db => db.AuditResults.SingleAsync());
        Assert.Equal((6250, 12, "Me atendieron rápido"), (result.ScoreHundredths, result.Sample, result.Comment));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditBatches.CountAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == ServicePromise.Web.Audit.AuditActions.AuditResultsImported)));

        var again = await DryRunAsync(hr, October);
        Assert.Contains("ya se importó", again.Text());
        Assert.Null(again.QuerySelector("form[action*='handler=Apply']"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditResults.CountAsync()));
    }

    [Fact]
    public async Task A_file_with_one_problem_row_records_nothing()
    {
        using var app = new AppFactory();
        await StandardAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);

        var dryRun = await DryRunAsync(hr, October + "Sevilla Norte;2026-10;Q-Shop;escucha;70;12;\n");
        Assert.Contains("no hay ninguna tienda llamada «Sevilla Norte»", dryRun.QuerySelector("section[aria-labelledby=problems-heading]")!.TextContent);
        Assert.Null(dryRun.QuerySelector("form[action*='handler=Apply']"));
        var importer = app.Services.CreateScope().ServiceProvider.GetRequiredService<AuditImporter>();
        var refused = await importer.ApplyAsync(Encoding.UTF8.GetBytes(October + "Sevilla Centro;2026-11;Q-Shop;escucha;70;3;\n"), "x.csv", null);
        Assert.Equal(AuditOutcome.Refused, refused.Outcome);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditResults.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditBatches.CountAsync()));
    }

    [Fact]
    public async Task A_correction_keeps_both_rows_with_the_record_of_which_replaced_which()
    {
        using var app = new AppFactory();
        await StandardAsync(app);
        using var scope = app.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AuditImporter>();
        Assert.Equal(AuditOutcome.Applied, (await importer.ApplyAsync(Encoding.UTF8.GetBytes(October), "a.csv", null)).Outcome);
        var corrected = await importer.ApplyAsync(Encoding.UTF8.GetBytes(October.Replace("62,5", "72,5")), "b.csv", null);
        Assert.Equal(AuditOutcome.Applied, corrected.Outcome);
        Assert.Single(corrected.Plan!.Corrections);

        var rows = await app.WithDbAsync(db => db.AuditResults.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((6250, rows[1].Id), (rows[0].ScoreHundredths, rows[0].ReplacedById));
        Assert.NotNull(rows[0].ReplacedAt);
        Assert.Equal((7250, (int?)null, (DateTime?)null), (rows[1].ScoreHundredths, rows[1].ReplacedById, rows[1].ReplacedAt));

        // The same rows in another file: all unchanged, nothing written.
        var same = await importer.ApplyAsync(Encoding.UTF8.GetBytes(October.Replace("62,5", "72,5") + "\n"), "c.csv", null);
        Assert.Equal(AuditOutcome.Unchanged, same.Outcome);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditBatches.CountAsync()));
    }

    sealed class ThrowingListener : IAuditResultsListener
    {
        public int Seen;
        public async Task ResultsRecordedAsync(AppDbContext db, IReadOnlyList<AuditResult> recorded, CancellationToken cancellationToken)
        {
            // Inside the transaction: the rows are already written and visible to the same context.
            Seen = await db.AuditResults.CountAsync(cancellationToken);
            throw new InvalidOperationException("listener failed");
        }
    }

    [Fact]
    public async Task The_listeners_run_inside_the_transaction_so_a_failing_one_leaves_nothing_applied()
    {
        var listener = new ThrowingListener();
        using var app = new AppFactory();
        using var site = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IAuditResultsListener>(listener)));
        await StandardAsync(app);
        using var scope = site.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AuditImporter>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => importer.ApplyAsync(Encoding.UTF8.GetBytes(October), "a.csv", null));
        Assert.Equal(1, listener.Seen);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditResults.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditBatches.CountAsync()));
    }

    [Theory]
    [InlineData(Pages.Employee)]
    [InlineData("carmen.ruiz@" + ServicePromise.Web.Staff.DemoOrganisation.EmailDomain)]
    public async Task Employees_and_managers_are_refused(string login)
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(login);
        foreach (var url in new[] { "/hr/measurement/import", "/hr/measurement/result", "/hr/measurement/import?handler=Sample" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("denied", StringComparison.OrdinalIgnoreCase) == true,
                $"{login} {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task The_form_records_one_result_with_the_same_checks()
    {
        using var app = new AppFactory();
        await StandardAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var siteId = await app.WithDbAsync(db => db.Sites.Where(s => s.Name == "Sevilla Centro").Select(s => s.Id).SingleAsync());
        var page = await hr.GetPageAsync("/hr/measurement/result");
        var values = new Dictionary<string, string>
        {
            ["Input.Place"] = $"s:{siteId}", ["Input.Period"] = "octubre 2026", ["Input.Source"] = "Auditoría interna",
            ["Input.Standard"] = "escucha", ["Input.Score"] = "62,5", ["Input.Sample"] = "3",
        };
        var small = await hr.SubmitAsync(page, "form[data-submit-once]", values);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Contains("muestra demasiado pequeña: 3; el mínimo es 5", await small.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditResults.CountAsync()));

        values["Input.Sample"] = "8";
        var recorded = await hr.SubmitAsync(page, "form[data-submit-once]", values);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var batch = await app.WithDbAsync(db => db.AuditBatches.SingleAsync());
        Assert.Equal(AuditBatchKind.Form, batch.Kind);
        Assert.Equal(6250, await app.WithDbAsync(db => db.AuditResults.Select(r => r.ScoreHundredths).SingleAsync()));
    }
}
