using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Mail;

namespace ServicePromise.Web.CheckIns;

/// <summary>
/// Emails each due check-in once to its person, where they have an email, with a direct link. The row is claimed
/// (a conditional update of <see cref="CommitmentCheckIn.MailClaimedAt"/>) before sending, so neither a restart nor a
/// second instance sends it twice; a failed send is logged and not retried — the card on the home page still asks.
/// </summary>
public sealed class CheckInMailer(AppDbContext db, LocalizedMail mail, OrganisationClock clock, IOptions<AppOptions> app,
    IStringLocalizer<SharedResource> L, ILogger<CheckInMailer> logger)
{
    const int Batch = 200;

    /// <returns>How many emails were sent.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var due = await db.CommitmentCheckIns.AsNoTracking()
            .Where(c => c.DueOn <= today && c.MailClaimedAt == null && c.AnsweredAt == null && c.CancelledAt == null && c.Employee!.IsActive)
            .OrderBy(c => c.Id).Take(Batch)
            .Select(c => new
            {
                c.Id, c.EmployeeId, c.ReflectionVersion!.Action,
                c.ReflectionVersion.Reflection!.AssignmentPillar!.Pillar!.Edition!.DefaultLanguage,
                Titles = c.ReflectionVersion.Reflection.AssignmentPillar.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
            })
            .ToListAsync(ct);
        await using var batch = mail.OpenBatch();
        var sent = 0;
        foreach (var item in due)
        {
            var now = clock.UtcNow;
            var claimed = await db.CommitmentCheckIns.Where(c => c.Id == item.Id && c.MailClaimedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.MailClaimedAt, now), ct);
            if (claimed == 0) continue; // another instance has it
            if (await mail.RecipientAsync(item.EmployeeId, ct) is not { } to) continue; // no email: the home card is the channel
            var title = item.Titles.InLanguage(t => t.Language, to.Language, item.DefaultLanguage).Title;
            var link = app.Value.Link($"/checkins/{item.Id}?culture={to.Language}");
            var result = await mail.SendAsync(batch, to, () => (
                L["¿Qué tal con tu acción de «{0}»?", title].Value,
                L["Hola, {0}:\n\nEn tu reflexión sobre «{1}» te comprometiste a esto:\n\n{2}\n\n¿Lo has hecho? Cuéntalo en un minuto aquí:\n{3}", to.Name, title, item.Action, link].Value), ct);
            if (result.IsSent)
            {
                await db.CommitmentCheckIns.Where(c => c.Id == item.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.MailSentAt, clock.UtcNow), ct);
                sent++;
            }
            else logger.LogWarning("Check-in {CheckIn} email failed ({Failure}); not retried, the home page still asks", item.Id, result.Failure);
        }
        return sent;
    }
}

/// <summary>Looks for due check-ins every few minutes on each app instance; the claims keep them from repeating each other.</summary>
public sealed class CheckInMailJob(IServiceScopeFactory scopes, IOptions<CheckInOptions> options, ILogger<CheckInMailJob> logger) : PollingJob(scopes, logger)
{
    protected override bool Enabled => options.Value.MailEnabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.IntervalMinutes);
    protected override string Work => "Sending check-in emails";

    protected override async Task<bool> RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<CheckInMailer>().RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} check-in emails", sent);
        return false;
    }
}
