using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Feedback;
using ServicePromise.Web.Measurement;
using static ServicePromise.Tests.Support.AuditSeed;

namespace ServicePromise.Tests.Feedback;

/// <summary>The site results query on a real SQLite file: what a site's staff are shown of the service audits.</summary>
public class SiteResultsTests(AppFactory app) : AuditSiteTest(app)
{
    static readonly DateOnly October = new(2026, 10, 1);
    int _sevilla, _cordoba;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _sevilla = await App.SiteIdAsync("Sevilla Centro");
        _cordoba = await App.SiteIdAsync("Córdoba");
    }

    async Task<SiteResultsView?> ViewAsync(int siteId, string language = "es")
    {
        using var scope = App.Services.CreateScope();
        var results = scope.ServiceProvider.GetRequiredService<SiteResults>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try { return await results.ForSiteAsync(siteId); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    static StandardResult Standard(SiteResultsView view, string key) => view.Pillars.SelectMany(p => p.Standards).Single(s => s.Key == key);

    [Fact]
    public async Task A_site_without_results_has_nothing_to_show() => Assert.Null(await ViewAsync(_sevilla));

    [Fact]
    public async Task Each_standard_shows_its_latest_result_and_the_last_six_periods_oldest_first()
    {
        for (var i = 0; i < 8; i++) await App.ResultAsync(_sevilla, Listen, October.AddMonths(i - 7), 5000 + i * 100);
        await App.ResultAsync(_sevilla, Solve, October, 9000);

        var view = (await ViewAsync(_sevilla))!;
        var listen = Standard(view, Listen);
        Assert.Equal([October.AddMonths(-5), October.AddMonths(-4), October.AddMonths(-3), October.AddMonths(-2), October.AddMonths(-1), October], listen.Trend.Select(p => p.PeriodStart));
        Assert.Equal(5700, listen.Latest.ScoreHundredths);
        Assert.Equal("Escucha antes de responder", listen.Wording);
        Assert.Equal(8000, listen.ThresholdHundredths);
        Assert.False(listen.Met);
        Assert.True(Standard(view, Solve).Met);
        // Grouped by pillar in the edition's order; a standard without results is not shown.
        Assert.Equal(2, view.Pillars.Count);
        Assert.Equal([Listen], view.Pillars[0].Standards.Select(s => s.Key));
        Assert.Equal("Sevilla Centro", view.SiteName);
    }

    [Fact]
    public async Task A_result_at_the_threshold_meets_it() =>
        Assert.True(Standard((await ViewAsync((await App.ResultAsync(_sevilla, Listen, October, 8000)).SiteId!.Value))!, Listen).Met);

    [Fact]
    public async Task A_corrected_result_shows_the_correction_only()
    {
        var first = await App.ResultAsync(_sevilla, Listen, October, 4000, shared: "Comentario corregido después");
        await App.CorrectAsync(first, 8500);

        var listen = Standard((await ViewAsync(_sevilla))!, Listen);
        Assert.Equal(8500, Assert.Single(listen.Trend).ScoreHundredths);
        Assert.Empty((await ViewAsync(_sevilla))!.Comments);
    }

    [Fact]
    public async Task Only_the_sites_own_results_and_comments_are_read()
    {
        await App.ResultAsync(_sevilla, Listen, October, 6250, shared: "En Sevilla nos escucharon");
        await App.ResultAsync(_cordoba, Listen, October, 9100, shared: "En Córdoba, de maravilla");
        await App.ResultAsync(_cordoba, Greet, October, 9900);

        var sevilla = (await ViewAsync(_sevilla))!;
        Assert.Equal(6250, Assert.Single(sevilla.Pillars.SelectMany(p => p.Standards)).Latest.ScoreHundredths);
        Assert.Equal("En Sevilla nos escucharon", Assert.Single(sevilla.Comments).Text);
    }

    [Fact]
    public async Task The_trend_keeps_to_the_kind_of_the_latest_period()
    {
        await App.ResultAsync(_sevilla, Listen, new DateOnly(2026, 7, 1), 3000, PeriodKind.Quarter);
        await App.ResultAsync(_sevilla, Listen, new DateOnly(2026, 9, 1), 7000);
        await App.ResultAsync(_sevilla, Listen, October, 7500);
        // A quarter that starts later than every month is the latest: then only quarters count.
        await App.ResultAsync(_sevilla, Greet, new DateOnly(2026, 9, 1), 7000);
        await App.ResultAsync(_sevilla, Greet, October, 8000, PeriodKind.Quarter);

        var view = (await ViewAsync(_sevilla))!;
        Assert.Equal([7000, 7500], Standard(view, Listen).Trend.Select(p => p.ScoreHundredths));
        Assert.Equal([8000], Standard(view, Greet).Trend.Select(p => p.ScoreHundredths));
    }

    [Fact]
    public async Task Only_shared_comments_are_shown_the_latest_three_first()
    {
        await App.ResultAsync(_sevilla, Listen, October.AddMonths(-4), 7000, shared: "Hace cuatro meses");
        await App.ResultAsync(_sevilla, Listen, October.AddMonths(-3), 7000, shared: "Hace tres meses");
        await App.ResultAsync(_sevilla, Listen, October.AddMonths(-2), 7000, comment: "Sin compartir: la cajera Marta fue borde");
        await App.ResultAsync(_sevilla, Listen, October.AddMonths(-1), 7000, shared: "El mes pasado");
        await App.ResultAsync(_sevilla, Solve, October, 7000, shared: "Este mes");

        var comments = (await ViewAsync(_sevilla))!.Comments;
        Assert.Equal(["Este mes", "El mes pasado", "Hace tres meses"], comments.Select(c => c.Text));
        Assert.Equal("Resolvemos a la primera", comments[0].StandardWording);
    }

    [Fact]
    public async Task Texts_come_in_the_readers_language()
    {
        await App.ResultAsync(_sevilla, Listen, October, 7000);
        var view = (await ViewAsync(_sevilla, "en"))!;
        Assert.Equal($"Standard {Listen}", Standard(view, Listen).Wording);
    }
}
