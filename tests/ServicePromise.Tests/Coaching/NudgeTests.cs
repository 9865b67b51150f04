using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Coaching;

/// <summary>A manager's reminder: an email with a direct link, at most once per person every Learning:NudgeIntervalHours.</summary>
public class NudgeTests(AppFactory app) : IClassFixture<AppFactory>
{
    static async Task<HttpResponseMessage> NudgeAsync(HttpClient manager, string name)
    {
        var page = await manager.GetPageAsync("/team");
        var row = page.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains(name));
        var id = row.QuerySelector("input[name=employeeId]")!.GetAttribute("value")!;
        return await manager.SubmitAsync(page, $"#nudge-{id}", new Dictionary<string, string>());
    }

    [Fact]
    public async Task A_nudge_emails_a_direct_link_and_another_waits_for_the_interval()
    {
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var sent = await NudgeAsync(carmen, "Raúl Domínguez");
        Assert.Contains("Recordatorio enviado a Raúl Domínguez León.", await carmen.FollowAsync(sent));

        var mail = Assert.Single(app.Mails(), m => m.Contains("raul.dominguez@"));
        Assert.Contains("Carmen Ruiz Delgado te recuerda que tienes pendiente la promesa de servicio: llevas 0 de 5 pilares", mail);
        // Raúl has not started: the link opens his first pillar, in his language.
        Assert.Contains("https://promesa.test/pillars/listen?culture=es", mail);

        var refused = await NudgeAsync(carmen, "Raúl Domínguez");
        var text = await carmen.FollowAsync(refused);
        Assert.Contains("Raúl Domínguez León ya recibió un recordatorio el", text);
        Assert.Contains("Podrás enviarle otro a partir del", text);
        Assert.Single(app.Mails(), m => m.Contains("raul.dominguez@"));
        var raul = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0106").Select(e => e.Id).SingleAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Nudges.CountAsync(n => n.EmployeeId == raul)));
        Assert.Contains("Último:", (await carmen.GetPageAsync("/team")).QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Raúl")).TextContent);

        // A day later it is allowed again.
        await app.WithDbAsync(db => db.Nudges.Where(n => n.EmployeeId == raul)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.SentAt, DateTime.UtcNow.AddHours(-25))));
        Assert.Contains("Recordatorio enviado a Raúl", await carmen.FollowAsync(await NudgeAsync(carmen, "Raúl Domínguez")));
        Assert.Equal(2, app.Mails().Count(m => m.Contains("raul.dominguez@")));
    }

    [Fact]
    public async Task Two_nudges_at_once_send_one_email()
    {
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var page = await carmen.GetPageAsync("/team");
        var row = page.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Lucía Romero"));
        var id = row.QuerySelector("input[name=employeeId]")!.GetAttribute("value")!;
        var form = $"#nudge-{id}";
        var both = await Task.WhenAll(carmen.SubmitAsync(page, form, new Dictionary<string, string>()), carmen.SubmitAsync(page, form, new Dictionary<string, string>()));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(app.Mails(), m => m.Contains("lucia.romero@"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Nudges.CountAsync(n => n.EmployeeId == int.Parse(id, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task A_nudge_is_written_in_the_persons_language()
    {
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0105").ExecuteUpdateAsync(u => u.SetProperty(e => e.Language, "en")));
        var carmen = await app.SignedInAsync(Coach.Carmen);
        await carmen.FollowAsync(await NudgeAsync(carmen, "Elena Prieto"));
        var mail = Assert.Single(app.Mails(), m => m.Contains("elena.prieto@"));
        Assert.Contains("Carmen Ruiz Delgado is reminding you that your service promise is still to finish: you have done 1 of 5 pillars", mail);
        // Her next pillar, opened in English.
        Assert.Contains("https://promesa.test/pillars/tell-the-truth?culture=en", mail);
    }

    [Fact]
    public async Task Someone_who_has_completed_is_not_reminded()
    {
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var page = await carmen.GetPageAsync("/team");
        var manuel = page.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Manuel Ortiz"));
        Assert.Null(manuel.QuerySelector("form"));
        var id = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0102").Select(e => e.Id).SingleAsync());
        var response = await carmen.PostAsync("/team?handler=Nudge", await carmen.TokenAsync("/team"), new() { ["employeeId"] = id.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("Manuel Ortiz Campos no tiene nada pendiente", await carmen.FollowAsync(response));
        Assert.DoesNotContain(app.Mails(), m => m.Contains("manuel.ortiz@"));
    }
}
