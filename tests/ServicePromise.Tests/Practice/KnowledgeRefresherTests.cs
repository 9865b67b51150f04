using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Practice;

namespace ServicePromise.Tests.Practice;

/// <summary>
/// The optional knowledge refresher: Manuel (certified) keeps getting "listen" wrong in his weekly questions; with
/// Practice:RefresherBelow set he is given a refresher of that pillar only, once, and what he answered before it no longer counts.
/// </summary>
public class KnowledgeRefresherTests
{
    const string Manuel = "MO-0102";

    static CheckInAppFactory App(int? below = 60)
    {
        var app = new CheckInAppFactory();
        if (below is int b) app.Settings["Practice:RefresherBelow"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return app;
    }

    static async Task<int> AssignAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KnowledgeRefreshers>().AssignDueAsync();
    }

    /// <summary>Manuel's answers on a pillar, one a week going back from <paramref name="firstWeeksAgo"/> (or all in that week), as the weekly card would have made them.</summary>
    static Task AnsweredAsync(CheckInAppFactory app, string pillar, int right, int wrong, int firstWeeksAgo = 0, bool oneWeek = false) => app.WithDbAsync(async db =>
    {
        var clock = app.Services.GetRequiredService<OrganisationClock>();
        var manuel = await db.Employees.Where(e => e.EmployeeNumber == Manuel).Select(e => e.Id).SingleAsync();
        var edition = await db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).FirstAsync();
        var slot = await db.PracticeAnswers.CountAsync(a => a.EmployeeId == manuel);
        var results = Enumerable.Repeat(true, right).Concat(Enumerable.Repeat(false, wrong)).ToList();
        for (var i = 0; i < results.Count; i++)
        {
            var weeksAgo = firstWeeksAgo + (oneWeek ? 0 : i);
            db.PracticeAnswers.Add(new PracticeAnswer
            {
                EmployeeId = manuel, Week = PracticeSchedule.WeekOf(clock.Today).AddDays(-7 * weeksAgo), Slot = slot + i, PillarKey = pillar, Question = i % 3,
                EditionId = edition, AnsweredAt = clock.UtcNow.AddDays(-7 * weeksAgo).AddMinutes(-1 - i), Right = results[i], Chosen = "0",
            });
        }
        return await db.SaveChangesAsync();
    });

    static Task<Assignment> CurrentOfManuelAsync(AppFactory app) => app.WithDbAsync(db =>
        db.Assignments.AsNoTracking().Include(a => a.Pillars).ThenInclude(p => p.Pillar)
            .SingleAsync(a => db.Employees.Any(e => e.CurrentAssignmentId == a.Id && e.EmployeeNumber == Manuel)));

    [Fact]
    public async Task Off_by_default_nobody_gets_one()
    {
        using var app = App(below: null);
        await AnsweredAsync(app, "listen", right: 0, wrong: 4);
        Assert.Equal(0, await AssignAsync(app));
        Assert.NotEqual(AssignmentReason.KnowledgeRefresher, (await CurrentOfManuelAsync(app)).Reason);
    }

    [Fact]
    public async Task A_pillar_slipping_below_the_threshold_brings_a_refresher_of_that_pillar_only_shown_on_the_home()
    {
        using var app = App();
        await AnsweredAsync(app, "listen", right: 1, wrong: 3);     // 25 %
        await AnsweredAsync(app, "own-it", right: 3, wrong: 1, 4);  // 75 %: kept

        Assert.Equal(1, await AssignAsync(app));

        var refresher = await CurrentOfManuelAsync(app);
        Assert.Equal(AssignmentReason.KnowledgeRefresher, refresher.Reason);
        Assert.Equal(["listen"], refresher.Pillars.Select(p => p.Pillar!.Key));
        Assert.Equal(app.Today.AddDays(30), refresher.DueOn);
        Assert.Null(refresher.CompletedAt);
        Assert.Equal(0, await AssignAsync(app)); // open work: nothing more on top

        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        var home = await manuel.GetPageAsync("/");
        Assert.Contains("Tus respuestas a las preguntas de la semana dicen que «Escucha", home.Body!.TextContent);
    }

    [Fact]
    public async Task Answers_from_before_the_last_refresher_no_longer_count_new_misses_do()
    {
        using var app = App();
        await AnsweredAsync(app, "listen", right: 0, wrong: 3, firstWeeksAgo: 1);
        Assert.Equal(1, await AssignAsync(app));
        // He does the refresher.
        await app.WithDbAsync(db => db.Assignments.Where(a => a.Reason == AssignmentReason.KnowledgeRefresher).ExecuteUpdateAsync(u => u.SetProperty(a => a.CompletedAt, DateTime.UtcNow)));

        app.MoveTo(app.Today.AddDays(7));
        Assert.Equal(0, await AssignAsync(app)); // the three old misses are still in the 90 days, but they came before the refresher

        await AnsweredAsync(app, "listen", right: 1, wrong: 2, oneWeek: true);
        Assert.Equal(1, await AssignAsync(app));
        Assert.Equal(2, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.Reason == AssignmentReason.KnowledgeRefresher)));
    }
}
