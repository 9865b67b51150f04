using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Practice;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Practice;

/// <summary>Knowledge kept on Mi historial (the person's own) and on Mi equipo (the manager's direct reports only).</summary>
public class KnowledgeKeptPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Manager = "carmen.ruiz@" + DemoOrganisation.EmailDomain;

    /// <summary>Gives a person <paramref name="right"/> right answers out of <paramref name="answers"/> in past weeks, inside the window.</summary>
    async Task<string> AnswersAsync(Func<Employee, bool> who, int answers, int right, string pillar = "listen")
    {
        return await app.WithDbAsync(async db =>
        {
            var person = (await db.Employees.Where(e => e.IsActive).ToListAsync()).First(who);
            var edition = await db.Editions.OrderByDescending(e => e.Number).Select(e => e.Id).FirstAsync();
            var now = DateTime.UtcNow;
            var monday = PracticeSchedule.WeekOf(DateOnly.FromDateTime(now));
            for (var i = 0; i < answers; i++)
                db.PracticeAnswers.Add(new PracticeAnswer
                {
                    EmployeeId = person.Id, Week = monday.AddDays(-7 * (i + 1)), Slot = 0, PillarKey = pillar, Question = i % 3, EditionId = edition,
                    AnsweredAt = now.AddDays(-7 * (i + 1)), Right = i < right, Chosen = "[0]",
                });
            await db.SaveChangesAsync();
            return person.FullName;
        });
    }

    [Fact]
    public async Task The_manager_sees_the_kept_knowledge_of_their_own_people_only_and_each_person_their_own_on_the_record()
    {
        var carmen = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0001").Select(e => e.Id).SingleAsync());
        var mine = await AnswersAsync(e => e.EmployeeNumber == "MO-0102" && e.ManagerId == carmen, answers: 4, right: 3); // Manuel, one of Carmen's
        var stranger = await AnswersAsync(e => e.ManagerId is not null && e.ManagerId != carmen && e.Id != carmen, answers: 2, right: 1);

        var manager = app.Browser();
        await manager.SignedInAsync(Manager);
        var team = (await manager.GetPageAsync("/team")).QuerySelector("#team-knowledge");
        Assert.NotNull(team);
        var row = Assert.Single(team.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(mine, StringComparison.Ordinal));
        Assert.Contains("75 %", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger, team.TextContent, StringComparison.Ordinal);

        var manuel = app.Browser();
        await manuel.SignedInAsync(Pages.OtherEmployee);
        var record = (await manuel.GetPageAsync("/me/record")).QuerySelector("#record-knowledge");
        Assert.NotNull(record);
        Assert.Contains("75 %", record.TextContent, StringComparison.Ordinal);
        Assert.Contains("4", record.TextContent, StringComparison.Ordinal);
        // Its PDF keeps the same figure.
        var pdf = Tools.PdfText(await manuel.GetByteArrayAsync("/me/record/pdf"));
        Assert.Contains("Conocimiento conservado: 75 % de aciertos", string.Join(' ', pdf.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        // Someone who never answered has no such section: nothing to show is not "0 %".
        var lucia = app.Browser();
        await lucia.SignedInAsync(Pages.Employee);
        Assert.Null((await lucia.GetPageAsync("/me/record")).QuerySelector("#record-knowledge"));
        Assert.DoesNotContain("Conocimiento conservado", Tools.PdfText(await lucia.GetByteArrayAsync("/me/record/pdf")), StringComparison.Ordinal);
    }
}
