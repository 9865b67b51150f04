using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Understanding;

/// <summary>The content owner's understanding page of one pillar (<c>/admin/content/understanding/{key}</c>).</summary>
public class PillarUnderstandingPageTests
{
    const string Url = "/admin/content/understanding/listen";
    const string MinimumGroup = "Understanding:MinimumGroup";
    // "Escucha antes de responder": question 0's right option is 1, question 1's is 2, question 2's are 0 and 2.
    static readonly int[][] AllRight = [[1], [2], [0, 2]];
    static readonly int[][] FirstWrong = [[0], [2], [0, 2]];
    static readonly int[][] TwoWrong = [[0], [0], [0, 2]];

    static async Task<HttpClient> AdminAsync(AppFactory app)
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Admin);
        return client;
    }

    /// <summary>Text as read: runs of spaces, line breaks and no-break spaces as one space.</summary>
    static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"[\s\u00a0]+", " ").Trim();

    static IElement Question(IHtmlDocument page, int number) => page.GetElementById($"question-{number}")!.Closest("section")!;

    /// <summary>The rate cell of a group's row in a table.</summary>
    static string Row(IElement scope, string group) => Flat(
        scope.QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == group).QuerySelector("td")!.TextContent);

    /// <summary>Sevilla Centro: Lucía right, Manuel and Ana Belén wrong at question 1 (Ana Belén at question 2 too); Córdoba: Cristina right.</summary>
    static async Task SeedAsync(AppFactory app)
    {
        await app.AttemptAsync("MO-0101", "listen", AllRight);
        await app.AttemptAsync("MO-0102", "listen", FirstWrong);
        await app.AttemptAsync("MO-0103", "listen", TwoWrong);
        await app.AttemptAsync("MO-0201", "listen", AllRight);
        // A second try is not a first try: its wrong option must not be counted.
        await app.AttemptAsync("MO-0102", "listen", [[3], [2], [0, 2]]);
    }

    [Fact]
    public async Task First_tries_are_counted_by_site_with_the_wrong_options_chosen_most()
    {
        using var app = new AppFactory { Settings = { [MinimumGroup] = "2" } };
        await SeedAsync(app);
        var page = await (await AdminAsync(app)).GetPageAsync(Url);
        var text = page.Text();

        Assert.Contains("Aprobada al primer intento: 50 % de 4 personas", Flat(text));
        var check = page.GetElementById("check-heading")!.ParentElement!.QuerySelector("table")!;
        Assert.StartsWith("33,3 %", Row(check, "Sevilla Centro"));
        Assert.Contains("Grupo demasiado pequeño", Row(check, "Córdoba"));

        var first = Question(page, 1);
        Assert.Contains("Acertada al primer intento: 50 % de 4 personas", Flat(first.TextContent));
        Assert.StartsWith("33,3 %", Row(first, "Sevilla Centro"));
        var wrong = first.QuerySelectorAll("ol li").Select(li => Flat(li.TextContent)).ToList();
        Assert.Equal(["Anulo el ticket y vuelvo a pasar toda la compra para asegurarme. — 2 veces"], wrong);
        Assert.DoesNotContain("Le explico que la caja", first.TextContent);
        Assert.Contains("Le recomiendo la dorada, que hoy está de oferta y al horno siempre queda bien. — 1 vez", Flat(Question(page, 2).TextContent));
        Assert.Contains("Nadie ha elegido una respuesta incorrecta", Question(page, 3).TextContent);
        // The part of the lesson a question points back to, linked in the preview.
        var section = first.QuerySelector("a[href*='preview']")!;
        Assert.Equal("Cómo se hace", section.TextContent.Trim());
        Assert.Equal("/admin/content/preview?lang=es#listen-como-se-hace", section.GetAttribute("href"));
        // Reviews are off: no rubric.
        Assert.Null(page.GetElementById("rubric-heading"));
    }

    [Fact]
    public async Task The_breakdown_can_be_by_department_or_job_title()
    {
        using var app = new AppFactory { Settings = { [MinimumGroup] = "2" } };
        await SeedAsync(app);
        var admin = await AdminAsync(app);

        var departments = await admin.GetPageAsync(Url + "?by=department");
        var check = departments.GetElementById("check-heading")!.ParentElement!.QuerySelector("table")!;
        Assert.StartsWith("66,7 %", Row(check, "Tiendas"));
        Assert.Contains("Grupo demasiado pequeño", Row(check, "Frescos"));
        Assert.Equal("page", departments.QuerySelector("a[href$='by=department']")!.GetAttribute("aria-current"));

        var jobs = await admin.GetPageAsync(Url + "?by=job");
        Assert.StartsWith("100 %", Row(jobs.GetElementById("check-heading")!.ParentElement!.QuerySelector("table")!, "Cajera"));
    }

    [Fact]
    public async Task Groups_smaller_than_the_minimum_show_no_rate_and_no_answers()
    {
        using var app = new AppFactory();
        await app.AttemptAsync("MO-0101", "listen", AllRight);
        await app.AttemptAsync("MO-0102", "listen", FirstWrong);
        await app.AttemptAsync("MO-0103", "listen", TwoWrong);
        var page = await (await AdminAsync(app)).GetPageAsync(Url);

        Assert.DoesNotContain("%", page.GetElementById("check-heading")!.ParentElement!.TextContent);
        Assert.Contains("Grupo demasiado pequeño para mostrarlo (3 personas)", Row(Question(page, 1), "Sevilla Centro"));
        Assert.DoesNotContain("Anulo el ticket", page.Text());
    }

    [Fact]
    public async Task Nobody_has_tried_yet()
    {
        using var app = new AppFactory();
        var page = await (await AdminAsync(app)).GetPageAsync(Url);
        Assert.Contains("Todavía nadie ha hecho la comprobación de este pilar", page.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await (await AdminAsync(app)).GetAsync("/admin/content/understanding/no-such-pillar")).StatusCode);
    }

    [Fact]
    public async Task The_content_pages_link_to_each_pillars_understanding()
    {
        using var app = new AppFactory();
        var admin = await AdminAsync(app);
        Assert.NotNull((await admin.GetPageAsync("/admin/content")).QuerySelector($"a[href='{Url}']"));
        Assert.NotNull((await admin.GetPageAsync("/admin/content/editions/1")).QuerySelector($"a[href='{Url}']"));
        Assert.NotNull((await admin.GetPageAsync(Url)).QuerySelector("a[href='/admin/content/preview?lang=es#pillar-listen']"));
    }

    [Fact]
    public async Task An_english_reader_sees_the_questions_and_options_in_english()
    {
        using var app = new AppFactory { Settings = { [MinimumGroup] = "2" } };
        await SeedAsync(app);
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0007").ExecuteUpdateAsync(s => s.SetProperty(e => e.Language, "en")));
        var page = await (await AdminAsync(app)).GetPageAsync(Url);

        Assert.Contains("Understanding: Listen before you answer", page.QuerySelector("h1")!.TextContent);
        var first = Question(page, 1);
        Assert.Contains("You're on the till", first.TextContent);
        Assert.Contains("I void the receipt and scan the whole shop again to make sure. — 2 times", Flat(first.TextContent));
        Assert.Equal("/admin/content/preview?lang=en#listen-how-to-do-it", first.QuerySelector("a[href*='preview']")!.GetAttribute("href"));
        Assert.Contains("Wrong answers chosen most", first.TextContent);
    }

    [Fact]
    public async Task With_reviews_on_the_rubric_counts_each_persons_latest_review()
    {
        using var app = new ReviewAppFactory { Settings = { [MinimumGroup] = "2" } };
        // Manuel's reflection was returned (not specific to the role) and then approved: only the approval counts.
        await app.ReviewAsync("MO-0102", "listen", ReviewDecision.Returned, false, false, false);
        await app.ReviewAsync("MO-0102", "listen", ReviewDecision.Approved, true, true, false);
        await app.ReviewAsync("MO-0103", "listen", ReviewDecision.Approved, true, false, null);
        await app.ReviewAsync("MO-0201", "listen", ReviewDecision.Approved, true, true, true);
        var page = await (await AdminAsync(app)).GetPageAsync(Url);

        var rubric = page.GetElementById("rubric-heading")!.ParentElement!;
        string[] Cells(string group) => rubric.QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent.Trim() == group)
            .QuerySelectorAll("td").Select(td => Flat(td.TextContent)).ToArray();
        var all = Cells("Todas");
        Assert.Equal("3", all[0]);
        Assert.StartsWith("100 % de 3 personas", all[1]);
        Assert.StartsWith("66,7 % de 3 personas", all[2]);
        Assert.StartsWith("50 % de 2 personas", all[3]);
        var sevilla = Cells("Sevilla Centro");
        Assert.Equal("2", sevilla[0]);
        Assert.StartsWith("100 %", sevilla[1]);
        Assert.StartsWith("50 %", sevilla[2]);
        Assert.Contains("Grupo demasiado pequeño", sevilla[3]);
        Assert.Contains("Grupo demasiado pequeño", Cells("Córdoba")[1]);
    }
}
