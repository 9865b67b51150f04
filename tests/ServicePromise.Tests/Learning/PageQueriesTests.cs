using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Learning;

/// <summary>
/// The pages every employee opens read the person's own state with one query (docs/benchmarks.md, "employee pages"):
/// the edition's texts are kept, and what depends on the person's own reflection is decided from that one read. The
/// home adds one query for the person's due check-ins and one for how their site is doing in the service audits.
/// </summary>
public class PageQueriesTests
{
    static LoggedAppFactory App()
    {
        var app = new LoggedAppFactory();
        app.Settings["Logging:LogLevel:" + RequestCommands.Category] = "Information";
        return app;
    }

    [Fact]
    public async Task A_new_hires_lesson_and_Mi_promesa_each_run_one_query()
    {
        using var app = App();
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        // The first views read the edition once for everyone; what follows is what every later view costs.
        await client.GetPageAsync("/pillars/listen");
        await client.GetPageAsync("/");

        var lesson = await app.CommandsOfGetAsync(client, "/pillars/listen");
        var home = await app.CommandsOfGetAsync(client, "/");

        // Lucía has not sent a reflection on the pillar, so the colleague examples are not even looked for.
        var only = Assert.Single(lesson);
        Assert.Contains("\"AssignmentPillars\"", only, StringComparison.Ordinal);
        // The home reads the person's state, then their check-ins due (CheckIns/, one query for the card), then their
        // question of the week with their knowledge kept (Practice/, one query, even for someone not yet certified:
        // there is simply no question), then their own site's audit results (Feedback/SiteResults).
        Assert.Equal(4, home.Count);
        Assert.Contains("\"AssignmentPillars\"", home[0], StringComparison.Ordinal);
        Assert.Contains("\"CommitmentCheckIns\"", home[1], StringComparison.Ordinal);
        Assert.Contains("\"PracticeAnswers\"", home[2], StringComparison.Ordinal);
        Assert.Contains("\"AuditResults\"", home[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_sent_their_reflection_still_gets_the_examples_looked_up()
    {
        using var app = App();
        var client = app.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);
        await client.GetPageAsync("/pillars/listen");

        var lesson = await app.CommandsOfGetAsync(client, "/pillars/listen");

        // Manuel's reflection on the pillar is accepted: past the one read of his own state, the examples' queries run.
        Assert.True(lesson.Count > 1, string.Join("\n\n", lesson));
        Assert.Contains(lesson, sql => sql.Contains("\"FeaturedAt\"", StringComparison.Ordinal));
    }
}
