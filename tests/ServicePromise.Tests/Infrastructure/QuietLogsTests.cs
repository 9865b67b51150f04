using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Evidence;
using ServicePromise.Web.Mail;
using ServicePromise.Web.Reminders;

namespace ServicePromise.Tests.Infrastructure;

/// <summary>
/// What several instances meet every minute — a claim another instance won, a stale antiforgery cookie — is not an
/// error; a real failure still is.
/// </summary>
public class QuietLogsTests
{
    static string Dump(LoggedAppFactory app) => string.Join("\n", app.Logs.Errors);

    [Fact]
    public async Task A_reminder_claim_lost_to_another_instance_logs_no_error()
    {
        using var app = new LoggedAppFactory();
        var assignment = await app.WithDbAsync(db => db.Assignments.Select(a => a.Id).FirstAsync());
        var step = new ReminderStep(ReminderKind.Assigned, 0);
        var to = new MailRecipient("alguien@example.com", "Alguien", "es");
        async Task<ReminderSend?> ClaimAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ReminderSender>().ClaimAsync(assignment, step, to, CancellationToken.None);
        }

        var first = await ClaimAsync();
        var second = await ClaimAsync(); // the other instance, a moment later
        Assert.NotNull(first);
        Assert.True(first.Id > 0);
        Assert.Null(second);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReminderSends.CountAsync(s => s.AssignmentId == assignment && s.Step == step.Key)));
        Assert.True(app.Logs.Errors.Count == 0, Dump(app));
    }

    [Fact]
    public async Task The_reminder_claim_is_an_insert_if_absent_on_PostgreSQL_too()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        var assignment = await app.WithDbAsync(db => db.Assignments.Select(a => a.Id).FirstAsync());
        var step = new ReminderStep(ReminderKind.Overdue, 7);
        var claims = new List<ReminderSend?>();
        for (var i = 0; i < 2; i++)
        {
            using var scope = app.Services.CreateScope();
            claims.Add(await scope.ServiceProvider.GetRequiredService<ReminderSender>().ClaimAsync(assignment, step, new MailRecipient("a@example.com", "A", "es"), CancellationToken.None));
        }
        Assert.True(claims[0] is { Id: > 0 });
        Assert.Null(claims[1]);
        Assert.Equal(new { Recipient = "a@example.com", Step = step.Key }, await app.WithDbAsync(db => db.ReminderSends.Where(s => s.Id == claims[0]!.Id).Select(s => new { s.Recipient, s.Step }).SingleAsync()));
    }

    [Fact]
    public async Task An_evidence_pack_taken_over_by_another_worker_logs_no_warning()
    {
        using var app = new LoggedAppFactory();
        app.Settings["Evidence:WorkerEnabled"] = "false";
        var id = await app.WithDbAsync(async db =>
        {
            var pack = new EvidencePack { RequestedAt = DateTime.UtcNow, RequestedByName = "Auditoría", Status = EvidencePackStatus.Requested };
            db.EvidencePacks.Add(pack);
            await db.SaveChangesAsync();
            return pack.Id;
        });
        using var scope = app.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>();
        Assert.Equal(id, await builder.ClaimNextAsync("slow"));
        // Meanwhile another worker took it over (this one had gone quiet too long).
        await app.WithDbAsync(db => db.EvidencePacks.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ClaimedBy, "fast")));
        await builder.BuildAsync(id, "slow");

        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("another worker took it over"));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("ServicePromise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_antiforgery_cookie_is_replaced_without_an_error()
    {
        using var app = new LoggedAppFactory();
        using var other = new AppFactory(); // another key ring: its cookie cannot be decrypted here, as after a restore
        var fromOther = await other.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).GetAsync("/account/login");
        var cookies = string.Join("; ", fromOther.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookies);

        var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sp.af=", StringComparison.Ordinal));
        Assert.True(app.Logs.Errors.Count == 0, Dump(app));
    }

    [Fact]
    public async Task A_real_failure_is_still_logged_as_an_error_with_its_exception()
    {
        using var app = new LoggedAppFactory();
        // The evidence folder cannot be created: a file is in the way.
        var blocker = Path.Combine(app.Folder, "blocked");
        File.WriteAllText(blocker, "");
        app.Settings["Evidence:Path"] = Path.Combine(blocker, "evidence");
        app.Settings["Evidence:WorkerEnabled"] = "false";
        var id = await app.WithDbAsync(async db =>
        {
            var pack = new EvidencePack { RequestedAt = DateTime.UtcNow, RequestedByName = "Auditoría", Status = EvidencePackStatus.Requested };
            db.EvidencePacks.Add(pack);
            await db.SaveChangesAsync();
            return pack.Id;
        });
        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>().RunOnceAsync("w"));
        Assert.Contains(app.Logs.Errors, e => e.Message.Contains($"Evidence pack {id} failed") && e.Exception is not null);
    }
}
