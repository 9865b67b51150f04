using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reminders;

namespace ServicePromise.Tests.Reminders;

/// <summary>The reminder sender on the demo organisation: each message at most once, in the person's language, retried on failure.</summary>
public class ReminderSenderTests
{
    sealed class ReminderFactory : AppFactory
    {
        public MovableTime Time { get; } = new();
        // The clock moves only after the start: the first start is the plain site's.
        protected override bool StartsLikeItsSettings => true;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }

        public async Task<int> RunAsync()
        {
            using var scope = Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunOnceAsync();
        }
    }

    [Fact]
    public async Task Each_message_goes_out_once_even_with_two_senders_at_the_same_moment()
    {
        using var app = new ReminderFactory();
        _ = app.Server;
        var counts = await Task.WhenAll(app.RunAsync(), app.RunAsync());
        var sends = await app.WithDbAsync(db => db.ReminderSends.AsNoTracking().ToListAsync());
        Assert.NotEmpty(sends);
        Assert.All(sends, s => Assert.Equal(SendStatus.Sent, s.Status));
        Assert.Equal(sends.Count, counts.Sum());
        Assert.Equal(sends.Count, app.Mails().Count);
        Assert.Equal(sends.Count, sends.Select(s => (s.AssignmentId, s.Step)).Distinct().Count());

        // A restart (another run) sends nothing new.
        Assert.Equal(0, await app.RunAsync());
        Assert.Equal(sends.Count, app.Mails().Count);

        // Lucía, just assigned, got the welcome with a direct link; nobody who completed got anything.
        Assert.Contains(app.Mails(), m => m.Contains("lucia.romero@") && m.Contains("Tienes pendiente la promesa de servicio") && m.Contains("https://promesa.test/?culture=es"));
        Assert.DoesNotContain(app.Mails(), m => m.Contains("To: \"Manuel Ortiz"));
    }

    [Fact]
    public async Task Two_weeks_late_the_manager_is_told_and_the_person_gets_one_overdue_notice()
    {
        using var app = new ReminderFactory();
        _ = app.Server;
        await app.RunAsync();
        var before = app.Mails().ToHashSet();
        app.Time.Offset = TimeSpan.FromDays(30);
        await app.RunAsync();
        var later = app.Mails().Where(m => !before.Contains(m)).ToList();
        // Lucía (due in 14 days at the start) is 16 days late now: one overdue notice, and her manager Carmen is told.
        Assert.Single(later, m => m.Contains("lucia.romero@") && m.Contains("Termínala en cuanto puedas"));
        Assert.Contains(later, m => m.Contains("carmen.ruiz@") && m.Contains("Lucía Romero Sánchez tenía que completar la promesa de servicio"));
        var steps = await app.WithDbAsync(db => db.ReminderSends.Where(s => s.Assignment!.Employee!.EmployeeNumber == "MO-0101").Select(s => s.Step).ToListAsync());
        Assert.Contains("escalation", steps);
        Assert.Single(steps, s => s.StartsWith("overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_send_is_recorded_and_retried_after_the_backoff_not_before()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more: every send fails
        using var app = new ReminderFactory { Settings = { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = port.ToString(CultureInfo.InvariantCulture) } };
        _ = app.Server;

        Assert.Equal(0, await app.RunAsync());
        var failed = await app.WithDbAsync(db => db.ReminderSends.AsNoTracking().ToListAsync());
        Assert.NotEmpty(failed);
        Assert.All(failed, s => Assert.Equal((SendStatus.Failed, 1), (s.Status, s.Attempts)));
        Assert.All(failed, s => Assert.NotNull(s.LastError));

        await app.RunAsync();
        Assert.All(await app.WithDbAsync(db => db.ReminderSends.AsNoTracking().ToListAsync()), s => Assert.Equal(1, s.Attempts));
        app.Time.Offset = TimeSpan.FromMinutes(6);
        await app.RunAsync();
        Assert.All(await app.WithDbAsync(db => db.ReminderSends.AsNoTracking().ToListAsync()), s => Assert.Equal((SendStatus.Failed, 2), (s.Status, s.Attempts)));
    }
}

public class ReminderPageTests
{
    [Fact]
    public async Task Hr_sees_every_send_and_failure_and_nobody_else_does()
    {
        using var app = new AppFactory();
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunOnceAsync();
        await app.WithDbAsync(async db =>
        {
            var one = await db.ReminderSends.OrderBy(s => s.Id).FirstAsync();
            one.Status = SendStatus.Failed;
            one.LastError = "The mail server did not accept the message; see the log.";
            one.NextAttemptAt = DateTime.UtcNow.AddMinutes(5);
            return await db.SaveChangesAsync();
        });

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync("/hr/reminders?status=Failed");
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Single(rows);
        Assert.Contains("Falló", rows[0].TextContent);
        Assert.Contains("did not accept", rows[0].TextContent);
        Assert.Contains("Lucía Romero Sánchez", (await hr.GetPageAsync("/hr/reminders")).Text());

        var employee = app.Browser();
        await employee.SignedInAsync(Pages.Employee);
        var denied = await employee.GetAsync("/hr/reminders");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.AbsolutePath);
    }
}

/// <summary>The reminder sender against <see cref="ScriptedSmtp"/>: one connection per run, permanent refusals never retried.</summary>
public class ReminderDeliveryTests
{
    sealed class TimedFactory : AppFactory
    {
        public MovableTime Time { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }

        public async Task<int> RunAsync()
        {
            using var scope = Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunOnceAsync();
        }
    }

    [Fact]
    public async Task A_run_sends_its_reminders_over_one_connection_and_a_refused_mailbox_is_not_retried()
    {
        using var smtp = new ScriptedSmtp { RecipientReply = a => a.StartsWith("lucia.romero@", StringComparison.Ordinal) ? "550 5.1.1 user unknown" : "250 2.1.5 Ok" };
        using var app = new TimedFactory { Settings = { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture) } };
        _ = app.Server;

        var sent = await app.RunAsync();
        Assert.True(sent > 1, $"the demo organisation has several reminders due; {sent} sent");
        Assert.Equal(sent, smtp.Delivered.Count);
        Assert.Equal(1, smtp.Connections);
        var lucia = await app.WithDbAsync(db => db.ReminderSends.AsNoTracking().Where(s => s.Recipient.StartsWith("lucia.romero@")).ToListAsync());
        Assert.NotEmpty(lucia);
        Assert.All(lucia, s => Assert.Equal((SendStatus.Failed, 1, null), (s.Status, s.Attempts, s.NextAttemptAt)));
        Assert.All(lucia, s => Assert.Contains("550", s.LastError));

        app.Time.Offset = TimeSpan.FromMinutes(6);
        await app.RunAsync();
        Assert.All(await app.WithDbAsync(db => db.ReminderSends.AsNoTracking().Where(s => s.Recipient.StartsWith("lucia.romero@")).ToListAsync()),
            s => Assert.Equal((SendStatus.Failed, 1), (s.Status, s.Attempts)));
    }
}
