using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Content;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Measurement;

/// <summary>HR's Medición overview: the heat map's numbers and words, the period, the drill-down, access, the empty state and the CSV.</summary>
public class OverviewTests
{
    const string Manager = "carmen.ruiz@demo.mercadosolivo.es";

    /// <summary>The ids the seeded results use: two demo sites and the first two pillars of the current edition.</summary>
    sealed record Seeded(int Sevilla, int Malaga, string PillarA, string PillarB, int FindingId);

    /// <summary>
    /// Two standards on pillar A (thresholds 80 and 70) and one on pillar B (80). October: Sevilla 85 / 62,5 / 90, Málaga
    /// 79 (a correction of 95, which is replaced) / 70 / 82. September and the third quarter only for Sevilla.
    /// </summary>
    static async Task<Seeded> SeedAsync(AppFactory app) => await app.WithDbAsync(async db =>
    {
        var pillars = await db.Pillars.Where(p => p.Edition!.Number == db.Editions.Max(e => e.Number)).OrderBy(p => p.Order).Take(2).ToListAsync();
        var (a, b) = (pillars[0], pillars[1]);
        db.PillarStandards.AddRange(
            Standard(a, "a-uno", 8000, 1, "Saludamos en menos de 10 segundos"),
            Standard(a, "a-dos", 7000, 2, "Dejamos terminar al cliente"),
            Standard(b, "b-uno", 8000, 1, "Cumplimos lo prometido"));
        var sites = await db.Sites.Where(s => s.Name == "Sevilla Centro" || s.Name == "Málaga").ToDictionaryAsync(s => s.Name, s => s.Id);
        var (sevilla, malaga) = (sites["Sevilla Centro"], sites["Málaga"]);
        var batch = new AuditBatch { Kind = AuditBatchKind.File, FileName = "octubre.csv", RecordedAt = DateTime.UtcNow };
        db.AuditBatches.Add(batch);
        await db.SaveChangesAsync();

        var (oct, sep, q3) = (new DateOnly(2026, 10, 1), new DateOnly(2026, 9, 1), new DateOnly(2026, 7, 1));
        AuditResult Result(int site, DateOnly start, string standard, string pillar, int score, PeriodKind kind = PeriodKind.Month, string? comment = null) =>
            new()
            {
                SiteId = site, PeriodStart = start, PeriodKind = kind, Source = "Cliente misterioso", StandardKey = standard, PillarKey = pillar,
                ScoreHundredths = score, Sample = 10, Comment = comment, BatchId = batch.Id, RecordedAt = DateTime.UtcNow
            };
        var below = Result(sevilla, oct, "a-dos", a.Key, 6250, comment: "Me cortaron a media frase");
        var correction = Result(malaga, oct, "a-uno", a.Key, 7900);
        db.AuditResults.AddRange(
            Result(sevilla, oct, "a-uno", a.Key, 8500), below, Result(sevilla, oct, "b-uno", b.Key, 9000),
            correction, Result(malaga, oct, "a-dos", a.Key, 7000), Result(malaga, oct, "b-uno", b.Key, 8200),
            Result(sevilla, sep, "a-uno", a.Key, 9000), Result(sevilla, sep, "a-dos", a.Key, 8000), Result(sevilla, sep, "b-uno", b.Key, 8800),
            Result(sevilla, q3, "a-uno", a.Key, 8100, PeriodKind.Quarter));
        await db.SaveChangesAsync();
        // The earlier Málaga result the correction replaced: kept, never shown.
        // Written already replaced: only one live row per place, standard and period may exist at any time.
        var replaced = Result(malaga, oct, "a-uno", a.Key, 9500);
        (replaced.ReplacedAt, replaced.ReplacedById) = (DateTime.UtcNow, correction.Id);
        db.AuditResults.Add(replaced);
        await db.SaveChangesAsync();

        var finding = new Finding
        {
            ResultId = below.Id, SiteId = sevilla, StandardKey = "a-dos", PillarKey = a.Key, PeriodStart = oct, PeriodKind = PeriodKind.Month,
            Kind = FindingKind.BelowThreshold, ScoreHundredths = 6250, ThresholdHundredths = 7000, RaisedAt = DateTime.UtcNow, State = FindingState.Confirmed,
        };
        db.Findings.Add(finding);
        await db.SaveChangesAsync();
        return new Seeded(sevilla, malaga, a.Key, b.Key, finding.Id);
    });

    static PillarStandard Standard(Pillar pillar, string key, int threshold, int order, string wording) => new()
    {
        PillarId = pillar.Id, Key = key, ThresholdHundredths = threshold, Order = order,
        Texts = [new() { Language = "es", Wording = wording, Measured = "Cliente misterioso" }, new() { Language = "en", Wording = key, Measured = "Mystery shopper" }],
    };

    static async Task<HttpClient> SignedInAsync(AppFactory app, string who = Pages.Hr)
    {
        var client = app.Browser();
        await client.SignedInAsync(who);
        return client;
    }

    static IElement Row(IDocument page, string site) =>
        page.QuerySelectorAll("table.heatmap tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == site);

    /// <summary>The cell's number, verdict and threshold as read (column 1 is pillar A, 2 is pillar B).</summary>
    static (string Score, string Verdict, string Threshold) Cell(IElement row, int column)
    {
        var cell = row.QuerySelectorAll("td")[column - 1];
        return (cell.QuerySelector(".cell-score")!.TextContent.Trim(), cell.QuerySelector(".verdict")!.TextContent.Replace("▼", "").Replace("✓", "").Trim(),
            cell.QuerySelector(".threshold")?.TextContent.Trim() ?? "");
    }

    [Fact]
    public async Task Each_cell_shows_the_weakest_standard_against_its_threshold_in_numbers_and_words()
    {
        using var app = new AppFactory();
        await SeedAsync(app);
        var page = await (await SignedInAsync(app)).GetPageAsync("/hr/measurement");

        Assert.Equal("octubre de 2026", page.QuerySelector("#period option[selected]")!.TextContent.Split('(')[0].Trim());
        var sevilla = Row(page, "Sevilla Centro");
        Assert.Equal(("62,5", "por debajo", "estándar 70"), Cell(sevilla, 1));
        Assert.Equal(("90", "cumple", "estándar 80"), Cell(sevilla, 2));
        Assert.Contains("heat-below", sevilla.QuerySelectorAll("td")[0].ClassName);
        Assert.Contains("heat-met", sevilla.QuerySelectorAll("td")[1].ClassName);
        // Málaga's 95 was corrected to 79: only the live row counts.
        var malaga = Row(page, "Málaga");
        Assert.Equal(("79", "por debajo", "estándar 80"), Cell(malaga, 1));
        Assert.Equal(("82", "cumple", "estándar 80"), Cell(malaga, 2));
        Assert.DoesNotContain("95", malaga.TextContent);
        // Worst first: Sevilla's 7,5 points below comes before Málaga's 1.
        var names = page.QuerySelectorAll("table.heatmap tbody th").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Sevilla Centro", "Málaga"], names);
        // The mean of every standard: (85 + 62,5 + 90) / 3 = 79,2.
        Assert.Equal("79,2", sevilla.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public async Task Choosing_a_period_shows_that_period_and_an_unknown_one_falls_back_to_the_latest()
    {
        using var app = new AppFactory();
        await SeedAsync(app);
        var hr = await SignedInAsync(app);

        var september = await hr.GetPageAsync("/hr/measurement?period=2026-09");
        // 80 against 70 and 90 against 80 are both 10 over: the tie goes to the first key, a-dos.
        Assert.Equal(("80", "cumple", "estándar 70"), Cell(Row(september, "Sevilla Centro"), 1));
        Assert.DoesNotContain(september.QuerySelectorAll("table.heatmap tbody tr"), r => r.TextContent.Contains("Málaga"));

        var quarter = await hr.GetPageAsync("/hr/measurement?period=2026-Q3");
        Assert.Equal(("81", "cumple", "estándar 80"), Cell(Row(quarter, "Sevilla Centro"), 1));
        // Only pillar A was measured that quarter: one pillar column, then the mean, completion and understanding.
        Assert.Equal(5, quarter.QuerySelectorAll("table.heatmap thead th").Length);

        foreach (var asked in new[] { "2026-Q1", "nonsense", "2031-01" })
            Assert.Equal(("62,5", "por debajo", "estándar 70"), Cell(Row(await hr.GetPageAsync("/hr/measurement?period=" + asked), "Sevilla Centro"), 1));
    }

    [Fact]
    public async Task Every_cell_drills_down_to_a_detail_whose_weakest_standard_is_the_cell()
    {
        using var app = new AppFactory();
        var seeded = await SeedAsync(app);
        var hr = await SignedInAsync(app);
        var page = await hr.GetPageAsync("/hr/measurement");

        var links = page.QuerySelectorAll("table.heatmap td a.cell-score").ToList();
        Assert.Equal(4, links.Count);
        foreach (var link in links)
        {
            var detail = await hr.GetPageAsync(link.GetAttribute("href")!);
            Assert.Equal(link.TextContent.Trim(), detail.QuerySelector(".pillar-cell .cell-score")!.TextContent.Trim());
            var scores = detail.QuerySelectorAll("table.standards td.score").Select(td => td.TextContent.Trim()).ToList();
            Assert.Contains(link.TextContent.Trim(), scores);
            Assert.Single(detail.QuerySelectorAll("section h2"));
        }

        // Sevilla's pillar A: both standards with sample, source, threshold, the earlier month, the raw comment and the finding.
        var sevillaA = await hr.GetPageAsync($"/hr/measurement/sites/{seeded.Sevilla}?period=2026-10&pillar={seeded.PillarA}");
        var below = sevillaA.QuerySelector("tr[data-standard=a-dos]")!;
        Assert.Contains("62,5", below.TextContent);
        Assert.Contains("Cliente misterioso", below.TextContent);
        Assert.Contains("septiembre de 2026: 80", below.TextContent);
        Assert.Contains("Me cortaron a media frase", below.TextContent);
        Assert.Equal($"/hr/findings/{seeded.FindingId}", below.QuerySelector("a[href^='/hr/findings/']")!.GetAttribute("href"));
        Assert.Null(sevillaA.QuerySelector("tr[data-standard=a-uno] a[href^='/hr/findings/']"));

        // The site's name leads to all its pillars; Málaga's detail shows the correction, not the replaced 95.
        var siteLink = Row(page, "Málaga").QuerySelector("th a")!.GetAttribute("href")!;
        var malaga = await hr.GetPageAsync(siteLink);
        Assert.Equal(2, malaga.QuerySelectorAll("section h2").Length);
        Assert.Contains("79", malaga.QuerySelector("tr[data-standard=a-uno]")!.TextContent);
        Assert.DoesNotContain("95", malaga.QuerySelector("main")?.TextContent ?? malaga.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/hr/measurement/sites/999999")).StatusCode);
    }

    [Theory]
    [InlineData(Pages.Employee, "/hr/measurement")]
    [InlineData(Pages.Employee, "/hr/measurement?handler=Csv")]
    [InlineData(Pages.Employee, "/hr/measurement/sites/1")]
    [InlineData(Manager, "/hr/measurement")]
    [InlineData(Manager, "/hr/measurement?handler=Csv")]
    [InlineData(Manager, "/hr/measurement/sites/1")]
    public async Task Employees_and_managers_are_refused(string who, string url)
    {
        using var app = new AppFactory();
        var response = await (await SignedInAsync(app, who)).GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Hr_and_admin_open_the_overview_and_the_detail()
    {
        using var app = new AppFactory();
        var seeded = await SeedAsync(app);
        foreach (var who in new[] { Pages.Hr, Pages.Admin })
        {
            var client = await SignedInAsync(app, who);
            await client.GetPageAsync("/hr/measurement");
            await client.GetPageAsync($"/hr/measurement/sites/{seeded.Sevilla}");
        }
    }

    [Fact]
    public async Task Without_results_the_page_explains_and_links_to_the_import_and_the_sample()
    {
        using var app = new AppFactory();
        var page = await (await SignedInAsync(app)).GetPageAsync("/hr/measurement");
        Assert.Contains("Todavía no hay resultados de auditoría", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("section.empty a[href='/hr/measurement/import']"));
        Assert.NotNull(page.QuerySelector("section.empty a[href*='handler=Sample']"));
        Assert.Null(page.QuerySelector("table.heatmap"));
        // The CSV without a period goes back to the page rather than sending an empty file.
        Assert.Equal(HttpStatusCode.Redirect, (await (await SignedInAsync(app)).GetAsync("/hr/measurement?handler=Csv")).StatusCode);
    }

    [Fact]
    public async Task The_csv_holds_every_cell_and_a_formula_in_a_site_name_stays_text()
    {
        using var app = new AppFactory();
        var seeded = await SeedAsync(app);
        await app.WithDbAsync(db => db.Sites.Where(s => s.Id == seeded.Malaga).ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, "=HYPERLINK(\"http://x\";\"Málaga\")")));
        var response = await (await SignedInAsync(app)).GetAsync("/hr/measurement?handler=Csv&period=2026-10&sep=semicolon");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Centro;", lines[0]);
        Assert.Equal("Sevilla Centro;62,5;70;por debajo;90;80;cumple;79,2", lines[1]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\";\"\"Málaga\"\")\";79;80;por debajo;82;80;cumple;", lines[2]);
    }

    [Fact]
    public async Task Refresher_counts_are_the_people_the_completion_list_shows_for_the_finding()
    {
        using var app = new AppFactory();
        var seeded = await SeedAsync(app);
        await app.WithDbAsync(async db =>
        {
            var edition = await db.Editions.MaxAsync(e => e.Id);
            var pillar = await db.Pillars.Where(p => p.EditionId == edition && p.Key == seeded.PillarA).Select(p => p.Id).SingleAsync();
            var people = await db.Employees.Where(e => e.SiteId == seeded.Sevilla && e.IsActive).OrderBy(e => e.Id).Take(3).ToListAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 0; i < people.Count; i++)
            {
                var refresher = new Assignment
                {
                    EmployeeId = people[i].Id, EditionId = edition, Reason = AssignmentReason.Finding, FindingId = seeded.FindingId, AssignedAt = DateTime.UtcNow.AddDays(-30),
                    // One on the way, two late (a completed one would need its certificate: the invariants check that).
                    DueOn = i == 0 ? today.AddDays(10) : today.AddDays(-3), StartedAt = i == 0 ? DateTime.UtcNow.AddDays(-1) : null,
                    Pillars = [new AssignmentPillar { PillarId = pillar }],
                };
                db.Assignments.Add(refresher);
                await db.SaveChangesAsync();
                people[i].CurrentAssignmentId = refresher.Id;
            }
            await db.SaveChangesAsync();
            return await EmployeeProgress.SyncAllAsync(db);
        });
        var hr = await SignedInAsync(app);
        var page = await hr.GetPageAsync("/hr/measurement");
        var row = page.QuerySelectorAll("table.refreshers tbody tr").Single();
        var links = row.QuerySelectorAll("td a").ToList();
        Assert.Equal(["3", "0", "2"], links.Select(a => a.TextContent.Trim()));
        foreach (var link in links)
        {
            var list = await hr.GetPageAsync(link.GetAttribute("href")!);
            Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), list.QuerySelectorAll("table tbody tr").Length);
        }
        Assert.Equal("1", page.QuerySelector("a[href='/hr/findings?state=confirmed'] .stat-value")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("a[href='/hr/findings?state=open'] .stat-value")!.TextContent.Trim());
    }
}
