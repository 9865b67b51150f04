using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Coaching;
using ServicePromise.Tests.Support;
using static ServicePromise.Tests.Support.AuditSeed;

namespace ServicePromise.Tests.Feedback;

/// <summary>
/// Who is shown which site's audit results: an employee only their own site's (home), a manager their site's and their
/// own team's refreshers (Mi equipo). Each test fails if the query reads another site's or another team's rows.
/// </summary>
public class FeedbackAccessTests(AppFactory app) : AuditSiteTest(app)
{
    static readonly DateOnly October = new(2026, 10, 1);

    async Task SeedTwoSitesAsync()
    {
        var sevilla = await App.SiteIdAsync("Sevilla Centro");
        var cordoba = await App.SiteIdAsync("Córdoba");
        await App.ResultAsync(sevilla, Listen, October.AddMonths(-1), 7000);
        await App.ResultAsync(sevilla, Listen, October, 6250, shared: "Sevilla: me cortaron al hablar");
        await App.ResultAsync(cordoba, Listen, October, 9125, shared: "Córdoba: me escucharon de maravilla");
    }

    [Fact]
    public async Task An_employee_sees_only_their_own_sites_numbers_and_comments()
    {
        await SeedTwoSitesAsync();

        var lucia = (await (await App.SignedInAsync(Pages.Employee)).GetPageAsync("/")).QuerySelector("#site-results")!.TextContent;
        Assert.Contains("Sevilla Centro", lucia);
        Assert.Contains("62,5 sobre 100 (estándar: 80)", lucia);
        Assert.Contains("Por debajo de nuestro estándar", lucia);
        Assert.Contains("Sevilla: me cortaron al hablar", lucia);
        Assert.DoesNotContain("91,25", lucia);
        Assert.DoesNotContain("Córdoba", lucia);

        var cristina = (await (await App.SignedInAsync(Coach.Email("cristina.fuentes"))).GetPageAsync("/")).QuerySelector("#site-results")!.TextContent;
        Assert.Contains("91,25 sobre 100", cristina);
        Assert.Contains("Cumple nuestro estándar", cristina);
        Assert.Contains("Córdoba: me escucharon de maravilla", cristina);
        Assert.DoesNotContain("62,5", cristina);
        Assert.DoesNotContain("Sevilla", cristina);
    }

    [Fact]
    public async Task The_home_draws_the_trend_with_its_numbers_in_words()
    {
        await SeedTwoSitesAsync();
        var page = await (await App.SignedInAsync(Pages.Employee)).GetPageAsync("/");
        var svg = page.QuerySelector("#site-results svg[role=img]")!;
        Assert.Contains("septiembre 2026: 70; octubre 2026: 62,5. Estándar: 80.", svg.QuerySelector("desc")!.TextContent);
        Assert.Equal(["septiembre 2026: 70 ✗ por debajo", "octubre 2026: 62,5 ✗ por debajo"],
            page.QuerySelectorAll("#site-results .trend-numbers li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public async Task A_site_without_results_shows_nothing_on_the_home()
    {
        await SeedTwoSitesAsync();
        var page = await (await App.SignedInAsync(Coach.Email("patricia.flores"))).GetPageAsync("/");
        Assert.Null(page.QuerySelector("#site-results"));
        Assert.DoesNotContain("auditoría", page.Text());
    }

    [Fact]
    public async Task A_manager_sees_their_sites_results_and_who_of_their_team_has_done_the_refresher()
    {
        await SeedTwoSitesAsync();
        var low = await App.WithDbAsync(db => db.AuditResults.SingleAsync(r => r.ScoreHundredths == 6250));
        var finding = await App.ConfirmedFindingAsync(low, ("MO-0101", false), ("MO-0102", true), ("MO-0201", false));

        var carmen = await (await App.SignedInAsync(Coach.Carmen)).GetPageAsync("/team");
        Assert.Contains("Sevilla Centro", carmen.QuerySelector("#site-results")!.TextContent);
        Assert.NotNull(carmen.QuerySelector("#team-refreshers a[href='/team/plans']"));
        var refresher = carmen.QuerySelector($"#refresher-{finding.Id}")!.TextContent;
        Assert.Contains("1 de 2 personas lo han hecho", refresher);
        Assert.Contains("Lucía Romero Sánchez", refresher);
        Assert.Contains("Manuel Ortiz Campos", refresher);
        // Cristina is in Córdoba, on Javier's team: not Carmen's to see.
        Assert.DoesNotContain("Cristina", refresher);

        var javier = await (await App.SignedInAsync(Coach.Email("javier.morales"))).GetPageAsync("/team");
        Assert.Contains("Córdoba", javier.QuerySelector("#site-results")!.TextContent);
        Assert.DoesNotContain("62,5", javier.QuerySelector("#site-results")!.TextContent);
        Assert.DoesNotContain("Lucía", javier.QuerySelector("#team-refreshers")!.TextContent);
        Assert.Contains("Cristina Fuentes Arias", javier.QuerySelector("#team-refreshers")!.TextContent);
    }

    [Fact]
    public async Task A_manager_whose_site_has_no_results_is_told_so()
    {
        await SeedTwoSitesAsync();
        var francisco = await (await App.SignedInAsync(Coach.Francisco)).GetPageAsync("/team");
        Assert.Null(francisco.QuerySelector("#site-results"));
        Assert.NotNull(francisco.QuerySelector("#site-results-empty"));
        Assert.Contains("Nadie de tu equipo tiene un repaso", francisco.QuerySelector("#team-refreshers")!.TextContent);
    }
}
