using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

/// <summary>
/// Each employee carries a copy of their current assignment's state, which HR's lists and dashboard read. Every
/// kind of write must keep it in step (AppFactory also checks this after every test that starts the site).
/// </summary>
public class EmployeeProgressTests
{
    const string Reflection = "En caja atiendo a decenas de clientes cada día y también a mis compañeras de turno. Voy a mirar a la persona, dejar que termine de hablar y repetir lo que necesita antes de responder, empezando mañana.";

    [Fact]
    public async Task Reading_a_first_lesson_marks_the_person_started_and_finishing_marks_them_completed()
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync("irene.bravo@demo.mercadosolivo.es");
        Task<(DateTime? Started, DateTime? Completed)> State() => app.WithDbAsync(db => db.Employees.AsNoTracking()
            .Where(e => e.EmployeeNumber == "MO-0303").Select(e => ValueTuple.Create(e.CurrentStartedAt, e.CurrentCompletedAt)).SingleAsync());
        var before = await State();
        Assert.Null(before.Started);

        var home = await client.GetPageAsync("/");
        var links = home.QuerySelectorAll(".pillar-item a").Select(a => a.GetAttribute("href")!).ToList();
        await UserStories.ReadLessonAsync(client, links[0]);
        var started = await State();
        Assert.NotNull(started.Started);
        Assert.Null(started.Completed);

        foreach (var link in links) await UserStories.CompletePillarAsync(client, link, Reflection);
        var finished = await State();
        Assert.NotNull(finished.Completed);
        Assert.Empty(await app.WithDbAsync(db => EmployeeProgress.DriftAsync(db)));
    }

    [Fact]
    public async Task Drift_is_found_and_repaired()
    {
        using var app = new AppFactory();
        var someone = await app.WithDbAsync(db => db.Employees.Where(e => e.CurrentAssignmentId != null).Select(e => e.Id).FirstAsync());
        await app.WithDbAsync(db => db.Employees.Where(e => e.Id == someone)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CurrentDueOn, new DateOnly(2001, 1, 1))));

        Assert.Equal([someone], await app.WithDbAsync(db => EmployeeProgress.DriftAsync(db)));
        await app.WithDbAsync(db => EmployeeProgress.SyncAllAsync(db));
        Assert.Empty(await app.WithDbAsync(db => EmployeeProgress.DriftAsync(db)));
    }
}
