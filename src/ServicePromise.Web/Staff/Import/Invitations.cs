using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Mail;

namespace ServicePromise.Web.Staff.Import;

public enum InvitationStatus
{
    /// <summary>Queued by an import, waiting for the sender.</summary>
    Queued = 0,
    /// <summary>Claimed by a sender and being sent. If the sender died here, it is never sent again (at most once) and HR sees it.</summary>
    Claimed = 1,
    Sent = 2,
    /// <summary>Failed; retried with backoff until <see cref="InvitationOptions.MaxAttempts"/>.</summary>
    Failed = 3,
    /// <summary>Not sent: the person was deactivated before their turn came.</summary>
    Cancelled = 4,
}

/// <summary>What a queued account mail is.</summary>
public enum AccountMailKind
{
    /// <summary>A new person's set-password invitation.</summary>
    Invitation = 0,
    /// <summary>
    /// A security notice to the person's <b>old</b> address: their sign-in email was changed (by an import or an admin),
    /// so the real owner hears of a change they did not ask for. Sent whether or not the person is still active.
    /// </summary>
    EmailChanged = 1,
}

/// <summary>
/// A set-password invitation for one new person, queued by the import in its transaction (so an import that is
/// rolled back invites nobody) and sent afterwards by <see cref="InvitationSender"/>, out of the import's request:
/// 100,000 emails cannot hold a browser waiting. Every send and failure stays recorded, as reminders are.
/// </summary>
public class Invitation
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public AccountMailKind Kind { get; set; }
    /// <summary>The address the recipient's one was changed to (an <see cref="AccountMailKind.EmailChanged"/> notice).</summary>
    public string? NewEmail { get; set; }
    public string Recipient { get; set; } = "";
    public InvitationStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}

public class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>Off: queued invitations wait (the import command still sends its own).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the sender looks for due retries even when no import has queued anything.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 5;
    [System.ComponentModel.DataAnnotations.Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;
}

/// <summary>Wakes the background sender as soon as an import has committed invitations.</summary>
public sealed class InvitationSignal : JobSignal;

/// <summary>
/// Sends queued invitations. Each is claimed by a conditional update before it is sent, so it goes out at most once
/// even with several app instances (and an <c>import-staff</c> run) sending at the same time; a failed send is
/// retried with backoff.
/// </summary>
public sealed class InvitationSender(
    AppDbContext db, AccountLinks links, LocalizedMail mail, OrganisationClock clock, IOptions<InvitationOptions> options,
    IStringLocalizer<SharedResource> L, ILogger<InvitationSender> logger)
{
    const int Batch = 200;

    /// <returns>How many invitations were sent.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var sent = 0;
        var after = 0;
        // One SMTP connection for the whole run (100,000 invitations after a first import), reopened if the server drops it.
        await using var batch = mail.OpenBatch();
        while (true)
        {
            var now = clock.UtcNow;
            var max = options.Value.MaxAttempts;
            var due = await db.Invitations.AsNoTracking()
                .Where(i => i.Id > after)
                .Where(i => i.Status == InvitationStatus.Queued || (i.Status == InvitationStatus.Failed && i.NextAttemptAt <= now && i.Attempts < max))
                .OrderBy(i => i.Id).Take(Batch)
                .Select(i => new { Invitation = i, i.Employee!.FullName, i.Employee.Language, i.Employee.IsActive, i.Employee.UserId })
                .ToListAsync(ct);
            if (due.Count == 0) return sent;
            after = due[^1].Invitation.Id;
            var userIds = due.Select(d => d.UserId).ToList();
            var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            foreach (var item in due)
            {
                var invitation = item.Invitation;
                var claimed = await db.Invitations
                    .Where(i => i.Id == invitation.Id && i.Status == invitation.Status && i.Attempts == invitation.Attempts)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvitationStatus.Claimed).SetProperty(i => i.Attempts, invitation.Attempts + 1), ct);
                if (claimed == 0) continue; // another sender has it
                // An invitation goes to the account's address now, not the one it was queued for: HR may have corrected a
                // mistyped address since (by import or on the person page), and whoever owns the wrong one must not get a
                // working link. The notice of a change is the one mail meant for the old address (it carries no link).
                var recipient = invitation.Kind == AccountMailKind.Invitation
                    ? accounts.TryGetValue(item.UserId, out var current) ? current.Email ?? "" : ""
                    : invitation.Recipient;
                if ((invitation.Kind == AccountMailKind.Invitation && (!item.IsActive || recipient.Length == 0)) || !accounts.TryGetValue(item.UserId, out var user))
                {
                    await db.Invitations.Where(i => i.Id == invitation.Id)
                        .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvitationStatus.Cancelled), ct);
                    continue;
                }
                var result = invitation.Kind == AccountMailKind.EmailChanged
                    ? await SendEmailChangedAsync(batch, invitation.Recipient, invitation.NewEmail ?? user.Email ?? "", item.FullName, item.Language, ct)
                    : await SendAsync(batch, user, recipient, item.FullName, item.Language, ct);
                var ok = result.IsSent;
                // A temporary failure waits for its retry; a permanent one (an unknown mailbox) is recorded and left alone.
                var retry = result.Failure == MailFailure.Temporary;
                var at = clock.UtcNow;
                var attempts = invitation.Attempts + 1;
                var error = MailFailures.Describe(result);
                await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(i => i.Status, ok ? InvitationStatus.Sent : InvitationStatus.Failed)
                    .SetProperty(i => i.Recipient, recipient)
                    .SetProperty(i => i.SentAt, ok ? at : null)
                    .SetProperty(i => i.NextAttemptAt, retry ? at + Reminders.ReminderSenderOptions.Backoff(attempts) : null)
                    .SetProperty(i => i.LastError, error), ct);
                if (ok) sent++;
                else logger.LogWarning("Invitation {Id} failed (attempt {Attempt}, {Failure}); {Next}", invitation.Id, attempts, result.Failure, retry ? "will retry" : "not retried");
            }
        }
    }

    async Task<MailResult> SendAsync(MailBatch batch, AppUser user, string email, string name, string language, CancellationToken ct)
    {
        var link = await links.InvitationAsync(user, language);
        return await mail.SendAsync(batch, new MailRecipient(email, name, language), () => (
            L["Te damos la bienvenida a la promesa de servicio"].Value,
            L["Hola, {0}:\n\nYa tienes acceso a la promesa de servicio de tu empresa. Crea tu contraseña con este enlace (caduca en 7 días):\n\n{1}\n\nSi no esperabas este mensaje, ignóralo.", name, link].Value), ct);
    }

    /// <summary>Goes to the old address, in the person's language; carries no link, so it is no use to whoever changed it.</summary>
    async Task<MailResult> SendEmailChangedAsync(MailBatch batch, string oldEmail, string newEmail, string name, string language, CancellationToken ct) =>
        await mail.SendAsync(batch, new MailRecipient(oldEmail, name, language), () => (
            L["Ha cambiado el correo con el que entras en la promesa de servicio"].Value,
            L["Hola, {0}:\n\nEl correo con el que entras en la promesa de servicio de tu empresa ha cambiado de {1} a {2}. Desde ahora entras con el nuevo y tus sesiones abiertas se han cerrado.\n\nSi no lo esperabas, avisa cuanto antes a Personas (RR. HH.) o al administrador de la aplicación.", name, oldEmail, newEmail].Value), ct);
}

/// <summary>Queues the notice to a person's old address after their sign-in email changed (see <see cref="AccountMailKind.EmailChanged"/>).</summary>
public static class EmailChangeNotice
{
    /// <summary>The queued notice, for the caller to add in the same transaction as the change itself.</summary>
    public static Invitation For(int employeeId, string oldEmail, string newEmail, DateTime now) => new()
    {
        EmployeeId = employeeId,
        Kind = AccountMailKind.EmailChanged,
        Recipient = oldEmail,
        NewEmail = newEmail,
        Status = InvitationStatus.Queued,
        QueuedAt = now,
    };
}

/// <summary>Sends queued invitations in the background: at once when an import signals, and every few minutes for retries.</summary>
public sealed class InvitationJob(IServiceScopeFactory scopes, InvitationSignal signal, IOptions<InvitationOptions> options, ILogger<InvitationJob> logger)
    : PollingJob(scopes, logger, signal)
{
    protected override bool Enabled => options.Value.Enabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);
    protected override string Work => "Sending invitations";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<InvitationSender>().RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} invitations", sent);
        return false;
    }
}

public static class InvitationExtensions
{
    public static IHostApplicationBuilder AddInvitations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<InvitationSignal>();
        builder.Services.AddScoped<InvitationSender>();
        builder.Services.AddScoped<SignInEmailChange>();
        builder.Services.AddHostedService<InvitationJob>();
        return builder;
    }
}
