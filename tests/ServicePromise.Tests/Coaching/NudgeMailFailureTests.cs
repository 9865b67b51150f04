using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Coaching;

/// <summary>A reminder whose mail cannot go out never answers 500 and is never counted as sent.</summary>
public class NudgeMailFailureTests
{
    static async Task<HttpResponseMessage> NudgeAsync(HttpClient manager, string name)
    {
        var page = await manager.GetPageAsync("/team");
        var row = page.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains(name));
        var id = row.QuerySelector("input[name=employeeId]")!.GetAttribute("value")!;
        return await manager.SubmitAsync(page, $"#nudge-{id}", new Dictionary<string, string>());
    }

    static Task<int> NudgesForAsync(AppFactory app, string employeeNumber) =>
        app.WithDbAsync(db => db.Nudges.CountAsync(n => n.Employee!.EmployeeNumber == employeeNumber));

    [Fact]
    public async Task A_manager_whose_stored_name_holds_a_line_break_can_nudge_and_the_mail_header_stays_one_line()
    {
        using var app = new AppFactory();
        // Stored before the forms refused it (or by any other way in): CR/LF, a header after it, a direction override.
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0002")
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.FullName, "Javier Morales\r\nBcc: todos@mercadosolivo.es \u202EPeña")));
        var javier = await app.SignedInAsync(Coach.Javier);

        var response = await NudgeAsync(javier, "Alberto Garrido");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Recordatorio enviado a Alberto Garrido Pastor.", await javier.FollowAsync(response));
        Assert.Equal(1, await NudgesForAsync(app, "MO-0204"));

        var mail = Assert.Single(app.Mails(), m => m.Contains("alberto.garrido@"));
        var headers = mail[..mail.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\nBcc:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\nBcc:", mail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u202E", mail, StringComparison.Ordinal); // ordinal: a culture comparison ignores it
        // One Subject header, its non-ASCII word encoded (MimeKit encodes word by word), no line of its own for "Bcc".
        Assert.Contains("\r\nSubject: Javier Morales Bcc: todos@mercadosolivo.es =?utf-8?", mail, StringComparison.Ordinal);
        Assert.Contains("Javier Morales Bcc: todos@mercadosolivo.es Peña te recuerda que tienes pendiente la promesa", mail);
    }

    [Fact]
    public async Task A_nudge_whose_mail_the_server_refuses_shows_a_clear_message_and_is_not_counted()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more: every send fails
        using var app = new AppFactory { Settings = { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = port.ToString(CultureInfo.InvariantCulture) } };
        var javier = await app.SignedInAsync(Coach.Javier);

        var response = await NudgeAsync(javier, "Alberto Garrido");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("No hemos podido enviar el recordatorio a Alberto Garrido Pastor. Inténtalo más tarde.", await javier.FollowAsync(response));
        Assert.Equal(0, await NudgesForAsync(app, "MO-0204"));
        Assert.DoesNotContain("Último:", (await javier.GetPageAsync("/team")).QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Alberto")).TextContent);
    }

    [Fact]
    public async Task A_nudge_whose_mail_cannot_even_be_written_shows_a_clear_message_and_is_not_counted()
    {
        using var app = new AppFactory();
        // An address the mail library refuses to parse (stored by an older import, say): the message is never built.
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == Coach.Email("alberto.garrido"))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, "alberto garrido <sin arroba>")));
        var javier = await app.SignedInAsync(Coach.Javier);

        var response = await NudgeAsync(javier, "Alberto Garrido");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("No hemos podido enviar el recordatorio a Alberto Garrido Pastor. Inténtalo más tarde.", await javier.FollowAsync(response));
        Assert.Equal(0, await NudgesForAsync(app, "MO-0204"));
    }
}
