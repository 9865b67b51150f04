using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Practice;

namespace ServicePromise.Tests.Practice;

/// <summary>HR's knowledge kept read from counted cells: the same figures as counting the answers, recounted only when stale.</summary>
public class KnowledgeCellsTests
{
    static readonly string[] Pillars = ["listen", "keep-our-word", "solve"];

    /// <summary>Answers in past weeks for every active person, a varied share right, over three pillars (inside the window).</summary>
    static Task<int> SeedAnswersAsync(AppFactory app, int seed) => app.WithDbAsync(async db =>
    {
        var random = new Random(seed);
        var people = await db.Employees.Where(e => e.IsActive).Select(e => e.Id).ToListAsync();
        var edition = await db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var monday = PracticeSchedule.WeekOf(DateOnly.FromDateTime(now));
        foreach (var (person, n) in people.Select((p, n) => (p, n)).Where(x => x.n % 4 != 3))
            for (var i = 0; i < 1 + (n % 5); i++)
                db.PracticeAnswers.Add(new PracticeAnswer
                {
                    EmployeeId = person, Week = monday.AddDays(-7 * (i + 1 + 20 * seed)), Slot = 0, PillarKey = Pillars[(n + i) % 3], Question = i % 3, EditionId = edition,
                    AnsweredAt = now.AddDays(-7 * (i + 1)), Right = random.Next(4) > 0, Chosen = "[0]",
                });
        // An answer outside the window counts nowhere.
        db.PracticeAnswers.Add(new PracticeAnswer
        {
            EmployeeId = people[0], Week = monday.AddDays(-7 * (60 + seed)), Slot = 1, PillarKey = "listen", Question = 0, EditionId = edition,
            AnsweredAt = now.AddDays(-200), Right = false, Chosen = "[0]",
        });
        return await db.SaveChangesAsync();
    });

    static async Task<T> WithAsync<T>(AppFactory app, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task Every_cell_equals_counting_the_answers_directly(string provider)
    {
        using var database = provider == "PostgreSQL" ? new TestPostgres() : null;
        using var app = database is null ? new AppFactory() : new PostgresAppFactory(database.ConnectionString);
        await SeedAnswersAsync(app, seed: 0);
        await WithAsync(app, s => s.GetRequiredService<KnowledgeCells>().CountAsync());
        var (answers, cells) = await app.WithDbAsync(async db =>
        {
            var since = DateTime.UtcNow.AddDays(-90);
            var rows = await db.PracticeAnswers.Where(a => a.AnsweredAt >= since)
                .Join(db.Employees, a => a.EmployeeId, e => e.Id, (a, e) => new { a.EmployeeId, a.PillarKey, a.Right, e.DepartmentId, e.SiteId }).ToListAsync();
            return (rows, await db.KnowledgeCells.AsNoTracking().ToListAsync());
        });
        Assert.NotEmpty(answers);
        foreach (var grouping in Enumerable.Range(0, 8).Select(i => (KeptGrouping)i))
        {
            var expected = answers.GroupBy(a => (
                    Pillar: grouping.HasFlag(KeptGrouping.Pillar) ? a.PillarKey : null,
                    Department: grouping.HasFlag(KeptGrouping.Department) ? a.DepartmentId : null,
                    Site: grouping.HasFlag(KeptGrouping.Site) ? a.SiteId : null))
                .Select(g => (g.Key.Pillar, g.Key.Department, g.Key.Site, People: g.Select(a => a.EmployeeId).Distinct().Count(), Answered: g.Count(), Right: g.Count(a => a.Right)))
                .OrderBy(x => x.ToString()).ToList();
            var actual = cells.Where(c => c.Grouping == grouping).Select(c => (c.PillarKey, c.DepartmentId, c.SiteId, c.People, c.Answered, c.Right))
                .OrderBy(x => x.ToString()).ToList();
            Assert.Equal(expected, actual);
        }
        // Several groups in the finest cut: the test is not comparing one lump.
        Assert.True(cells.Count(c => c.Grouping == (KeptGrouping.Pillar | KeptGrouping.Department | KeptGrouping.Site)) > 3);
    }

    [Fact]
    public async Task Hrs_page_reads_the_counted_figures_until_they_are_older_than_the_setting()
    {
        using var app = new AppFactory();
        app.Settings["Practice:KnowledgeMaxAgeMinutes"] = "120";
        app.Settings["Understanding:MinimumGroup"] = "1";
        await SeedAnswersAsync(app, seed: 0);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var first = await hr.GetPageAsync("/hr/knowledge");
        Assert.NotNull(first.QuerySelector("#kept-counted"));
        var (counted, people) = await app.WithDbAsync(db => db.KnowledgeCells.Where(c => c.Grouping == KeptGrouping.None).Select(c => ValueTuple.Create(c.Answered, c.People)).SingleAsync());
        Assert.Contains($"de {people} personas", first.QuerySelector("#kept-overall")!.TextContent, StringComparison.Ordinal);

        // New answers: still the counted figures while they are fresh…
        var added = await SeedAnswersAsync(app, seed: 1);
        await hr.GetPageAsync("/hr/knowledge");
        Assert.Equal(counted, await app.WithDbAsync(db => db.KnowledgeCells.Where(c => c.Grouping == KeptGrouping.None).Select(c => c.Answered).SingleAsync()));

        // …and counted again once they are older than the setting.
        await app.WithDbAsync(db => db.KnowledgeCells.ExecuteUpdateAsync(s => s.SetProperty(c => c.CountedAt, c => c.CountedAt.AddHours(-3))));
        await hr.GetPageAsync("/hr/knowledge");
        Assert.Equal(counted + added - 1, await app.WithDbAsync(db => db.KnowledgeCells.Where(c => c.Grouping == KeptGrouping.None).Select(c => c.Answered).SingleAsync()));
    }

    [Theory]
    [InlineData("/hr/knowledge?department=999999")]
    [InlineData("/hr/knowledge?site=999999")]
    [InlineData("/hr/knowledge?pillar=no-such-pillar")]
    public async Task A_drill_down_to_a_group_that_does_not_exist_is_not_found(string url)
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task With_no_answers_the_page_says_so_once_instead_of_empty_tables()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync("/hr/knowledge");
        Assert.Empty(page.QuerySelectorAll("table"));
        Assert.Single(page.QuerySelectorAll("p.empty"));
        Assert.NotNull(page.QuerySelector("#kept-counted"));
    }
}
