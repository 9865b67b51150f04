using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Mail;

namespace ServicePromise.Web.Reminders;

/// <summary>
/// Sends what <see cref="ReminderSchedule"/> says is due. Each message is claimed in the database (a unique
/// assignment + step row) before it is sent, so it goes out at most once even with several app instances running
/// at the same time; a failed send is retried with backoff; every send and failure stays visible to HR.
/// </summary>
public sealed class ReminderSender(
    AppDbContext db, LocalizedMail mail, OrganisationClock clock, IOptions<ReminderSenderOptions> options,
    IStringLocalizer<SharedResource> L, ILogger<ReminderSender> logger)
{
    sealed record Open(int AssignmentId, DateTime AssignedAt, DateOnly DueOn, int EmployeeId, string Name, string Email, string Language,
        int? ManagerId, int Done, int Total);

    /// <returns>How many messages were sent.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var schedule = settings.Schedule;
        var today = clock.Today;
        var open = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && e.CurrentAssignment != null && e.CurrentAssignment.CompletedAt == null)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new Open(
                e.CurrentAssignmentId!.Value, e.CurrentAssignment!.AssignedAt, e.CurrentAssignment.DueOn, e.Id, e.FullName, u.Email ?? "", e.Language,
                e.ManagerId, e.CurrentAssignment.Pillars.AsQueryable().Count(CompletionRules.PillarDone),
                e.CurrentAssignment.Pillars.Count()))
            .ToListAsync(ct);
        var ids = open.Select(o => o.AssignmentId).ToList();
        var sent = (await db.ReminderSends.AsNoTracking().Where(s => ids.Contains(s.AssignmentId)).Select(s => new { s.AssignmentId, s.Step }).ToListAsync(ct))
            .GroupBy(s => s.AssignmentId).ToDictionary(g => g.Key, g => g.Select(s => s.Step).ToHashSet());

        // One SMTP connection for the whole run, however many messages are due.
        await using var batch = mail.OpenBatch();
        var count = 0;
        foreach (var item in open)
        {
            foreach (var step in ReminderSchedule.Due(clock.LocalDate(item.AssignedAt), item.DueOn, today, completed: false, active: true,
                         sent.GetValueOrDefault(item.AssignmentId) ?? [], schedule))
            {
                var to = step.Kind == ReminderKind.Escalation ? await EscalationRecipientAsync(item, ct) : new MailRecipient(item.Email, item.Name, item.Language);
                if (to is null || to.Email.Length == 0) continue;
                if (await ClaimAsync(item.AssignmentId, step, to, ct) is not { } claim) continue;
                if (await SendAsync(batch, claim, item, step, to, ct)) count++;
            }
        }
        count += await RetryAsync(batch, open.ToDictionary(o => o.AssignmentId), ct);
        return count;
    }

    /// <summary>
    /// The claim: inserting the (assignment, step) row. Whoever inserts it first sends; everyone else skips. Losing it
    /// is the normal outcome with several instances, so it is an insert-if-absent, not a failed insert: a failed
    /// SaveChanges is logged by EF Core as an error with its stack trace, hundreds a minute with two instances.
    /// </summary>
    internal async Task<ReminderSend?> ClaimAsync(int assignmentId, ReminderStep step, MailRecipient to, CancellationToken ct)
    {
        var claim = new ReminderSend
        {
            AssignmentId = assignmentId, Step = step.Key, Kind = step.Kind, Recipient = to.Email, Status = SendStatus.Claimed,
            Attempts = 1, ClaimedAt = clock.UtcNow,
        };
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (await db.BulkInsertAsync([claim], skipConflicts: true, ct) == 0)
            {
                logger.LogDebug("Reminder {Step} for assignment {Assignment} was claimed by another instance", step.Key, assignmentId);
                return null;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        claim.Id = await db.ReminderSends.Where(s => s.AssignmentId == assignmentId && s.Step == step.Key).Select(s => s.Id).SingleAsync(ct);
        return claim;
    }

    /// <summary>Sends a claimed message and records the outcome: a temporary failure waits for its retry, a permanent one is never retried.</summary>
    async Task<bool> SendAsync(MailBatch batch, ReminderSend claim, Open item, ReminderStep step, MailRecipient to, CancellationToken ct)
    {
        var result = await mail.SendAsync(batch, to, () => Compose(item, step, to), ct);
        var ok = result.IsSent;
        var retry = result.Failure == MailFailure.Temporary;
        if (!ok)
            logger.LogWarning("Reminder {Step} for assignment {Assignment} failed (attempt {Attempt}, {Failure}); {Next}", claim.Step, claim.AssignmentId, claim.Attempts,
                result.Failure, retry ? "will retry" : "not retried");
        var now = clock.UtcNow;
        var error = MailFailures.Describe(result);
        await db.ReminderSends.Where(s => s.Id == claim.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Status, ok ? SendStatus.Sent : SendStatus.Failed)
            .SetProperty(s => s.SentAt, ok ? now : null)
            .SetProperty(s => s.NextAttemptAt, retry ? now + ReminderSenderOptions.Backoff(claim.Attempts) : null)
            .SetProperty(s => s.LastError, error), ct);
        return ok;
    }

    /// <summary>Failed sends whose wait is over, each re-claimed by a conditional update so only one sender retries it.</summary>
    async Task<int> RetryAsync(MailBatch batch, IReadOnlyDictionary<int, Open> open, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var due = await db.ReminderSends.AsNoTracking()
            .Where(s => s.Status == SendStatus.Failed && s.NextAttemptAt <= now && s.Attempts < options.Value.MaxAttempts)
            .ToListAsync(ct);
        var count = 0;
        foreach (var failed in due)
        {
            if (!open.TryGetValue(failed.AssignmentId, out var item)) continue; // completed or left since: nothing to chase
            var claimed = await db.ReminderSends.Where(s => s.Id == failed.Id && s.Status == SendStatus.Failed && s.Attempts == failed.Attempts)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SendStatus.Claimed).SetProperty(s => s.Attempts, failed.Attempts + 1), ct);
            if (claimed == 0) continue;
            var step = new ReminderStep(failed.Kind, int.TryParse(failed.Step.Split('-')[^1], out var days) ? days : 0);
            var to = failed.Kind == ReminderKind.Escalation ? await EscalationRecipientAsync(item, ct) : new MailRecipient(item.Email, item.Name, item.Language);
            if (to is null) continue;
            failed.Attempts++;
            if (await SendAsync(batch, failed, item, step, to, ct)) count++;
        }
        return count;
    }

    /// <summary>The person's manager; with none (or an inactive one), the first HR person.</summary>
    async Task<MailRecipient?> EscalationRecipientAsync(Open item, CancellationToken ct)
    {
        var manager = item.ManagerId is int id
            ? await db.Employees.AsNoTracking().Where(e => e.Id == id && e.IsActive).Select(e => (int?)e.Id).SingleOrDefaultAsync(ct)
            : null;
        if (manager is int m) return await mail.RecipientAsync(m, ct);
        var hr = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && db.UserRoles.Any(r => r.UserId == e.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.HR)))
            .OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        return hr is int h ? await mail.RecipientAsync(h, ct) : null;
    }

    (string Subject, string Body) Compose(Open item, ReminderStep step, MailRecipient to)
    {
        var due = item.DueOn.ToString("D", System.Globalization.CultureInfo.CurrentCulture);
        var link = mail.HomeLink(to.Language);
        return step.Kind switch
        {
            ReminderKind.Assigned => (L["Tienes pendiente la promesa de servicio"].Value,
                L["Hola, {0}:\n\nTienes pendiente la promesa de servicio: {1} pilares para leer y aplicar a tu puesto. La fecha límite es el {2}.\n\nEmpieza aquí:\n{3}", item.Name, item.Total, due, link].Value),
            ReminderKind.BeforeDue => (L["Quedan {0} días para tu promesa de servicio", step.Days].Value,
                L["Hola, {0}:\n\nLlevas {1} de {2} pilares y la fecha límite es el {3}.\n\nSigue donde lo dejaste:\n{4}", item.Name, item.Done, item.Total, due, link].Value),
            ReminderKind.Overdue => (L["Tu promesa de servicio está fuera de plazo"].Value,
                L["Hola, {0}:\n\nLa fecha límite de tu promesa de servicio era el {1} y llevas {2} de {3} pilares. Termínala en cuanto puedas:\n{4}", item.Name, due, item.Done, item.Total, link].Value),
            _ => (L["{0} tiene la promesa de servicio fuera de plazo", item.Name].Value,
                L["Hola, {0}:\n\n{1} tenía que completar la promesa de servicio el {2} y lleva {3} de {4} pilares. Quizá puedas ayudarle a encontrar un momento.\n\n{5}", to.Name, item.Name, due, item.Done, item.Total, mail.TeamLink(to.Language)].Value),
        };
    }
}

/// <summary>Runs the reminder sender every few minutes on each app instance; the claims keep them from repeating each other.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IOptions<ReminderSenderOptions> options, ILogger<ReminderJob> logger) : PollingJob(scopes, logger)
{
    protected override bool Enabled => options.Value.Enabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);
    protected override string Work => "Sending reminders";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<ReminderSender>().RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} reminders", sent);
        return false;
    }
}

public static class ReminderExtensions
{
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderSenderOptions>().BindConfiguration(ReminderSenderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReminderSender>();
        builder.Services.AddHostedService<ReminderJob>();
        return builder;
    }
}
