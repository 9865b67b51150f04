using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Mail;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Coaching;

/// <summary>What became of a reminder.</summary>
public abstract record NudgeOutcome
{
    public sealed record Sent(string Name, DateTime NextAllowedAt) : NudgeOutcome;
    /// <summary>Someone reminded this person less than <see cref="LearningOptions.NudgeIntervalHours"/> ago; nothing was sent.</summary>
    public sealed record TooSoon(string Name, DateTime LastSentAt, DateTime NextAllowedAt) : NudgeOutcome;
    /// <summary>The person has nothing left to do (completed, or nothing assigned).</summary>
    public sealed record NothingToDo(string Name) : NudgeOutcome;
    /// <summary>The mail could not be sent; the nudge was not counted.</summary>
    public sealed record NotSent(string Name) : NudgeOutcome;
    /// <summary>Not one of the sender's active direct reports.</summary>
    public sealed record NotFound : NudgeOutcome;
}

/// <summary>
/// A manager's reminder email to one of their direct reports, with a link straight to what is next. Limited to one
/// per person every <see cref="LearningOptions.NudgeIntervalHours"/> (see <see cref="NudgeRules"/>), recorded in
/// <see cref="Nudge"/>s; the check and the record are made holding the person's row, so two clicks send one email.
/// </summary>
public sealed class Nudger(AppDbContext db, LocalizedMail mail, TimeProvider clock, IOptions<LearningOptions> options, IStringLocalizer<SharedResource> L)
{
    public async Task<NudgeOutcome> NudgeAsync(int employeeId, int managerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hours = options.Value.NudgeIntervalHours;
        Nudge nudge;
        Reminder reminder;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // A no-op update locks the person's row (PostgreSQL; SQLite holds its write lock): a second nudge waits here.
            var mine = await db.Employees.Where(e => e.Id == employeeId && e.ManagerId == managerId && e.IsActive)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, e => e.IsActive), ct);
            if (mine == 0) return new NudgeOutcome.NotFound();
            reminder = await ReminderAsync(employeeId, ct);
            if (reminder.Completed) return new NudgeOutcome.NothingToDo(reminder.Name);
            var last = await db.Nudges.Where(n => n.EmployeeId == employeeId).MaxAsync(n => (DateTime?)n.SentAt, ct);
            if (NudgeRules.NextAllowedAt(last, now, hours) is { } next) return new NudgeOutcome.TooSoon(reminder.Name, last!.Value, next);

            nudge = new Nudge { EmployeeId = employeeId, SentById = managerId, SentAt = now };
            db.Nudges.Add(nudge);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Sent after the commit, so no lock is held while talking to the mail server. The row above only reserves the
        // slot (a second click waits for it and is told "too soon"); it stands as a sent reminder only once the mail
        // server has accepted the message — on any failure, thrown or not, it is taken back.
        var sent = false;
        try
        {
            sent = await SendAsync(employeeId, managerId, reminder, ct);
        }
        finally
        {
            if (!sent) await db.Nudges.Where(n => n.Id == nudge.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
        return sent ? new NudgeOutcome.Sent(reminder.Name, now.AddHours(hours)) : new NudgeOutcome.NotSent(reminder.Name);
    }

    /// <summary>The person's current assignment as a reminder tells it; nothing assigned counts as completed.</summary>
    sealed record Reminder(string Name, bool Completed, int Done, int Assigned, DateOnly? DueOn, string? NextPillarKey);

    async Task<Reminder> ReminderAsync(int employeeId, CancellationToken ct)
    {
        var person = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => new
        {
            e.FullName,
            Assignment = e.CurrentAssignment == null ? null : new
            {
                e.CurrentAssignment.CompletedAt,
                e.CurrentAssignment.DueOn,
                Pillars = e.CurrentAssignment.Pillars.OrderBy(p => p.Pillar!.Order)
                    .Select(p => new { p.Pillar!.Key, p.ReadAt, p.ReflectedAt, p.Pillar.HasCheck, p.CheckPassedAt }).ToList(),
            },
        }).SingleAsync(ct);
        var pillars = person.Assignment?.Pillars ?? [];
        var open = pillars.Where(p => !CompletionRules.IsPillarDone(p.ReadAt, p.ReflectedAt, p.HasCheck, p.CheckPassedAt)).ToList();
        return new Reminder(person.FullName, person.Assignment?.CompletedAt is not null || person.Assignment is null,
            pillars.Count - open.Count, pillars.Count, person.Assignment?.DueOn, open.FirstOrDefault()?.Key);
    }

    async Task<bool> SendAsync(int employeeId, int managerId, Reminder reminder, CancellationToken ct)
    {
        if (await mail.RecipientAsync(employeeId, ct) is not { } to) return false;
        var sender = DisplayText.Clean(await db.Employees.AsNoTracking().Where(e => e.Id == managerId).Select(e => e.FullName).SingleAsync(ct));
        // Straight to the next pillar to do (a returned reflection included); the home page if none is left to open.
        var link = reminder.NextPillarKey is { } key ? mail.PillarLink(key, to.Language) : mail.HomeLink(to.Language);
        return await mail.SendAsync(to, () => (
            L["{0} te recuerda tu promesa de servicio", sender],
            L["Hola, {0}:\n\n{1} te recuerda que tienes pendiente la promesa de servicio: llevas {2} de {3} pilares y la fecha límite es el {4}.\n\nSigue donde lo dejaste:\n{5}",
                to.Name, sender, reminder.Done, reminder.Assigned, reminder.DueOn?.ToString("D", CultureInfo.CurrentCulture) ?? "—", link]), ct);
    }
}
