using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Mail;

namespace ServicePromise.Web.Coaching;

/// <summary>Someone a coaching email goes to, with the language they read the app in.</summary>
public sealed record MailRecipient(string Email, string Name, string Language);

/// <summary>
/// Sends the coaching emails (a returned reflection, a reminder): each written in its reader's language, with links
/// on <see cref="AppOptions.PublicBaseUrl"/> that open the page in that language.
/// </summary>
public sealed class CoachingMail(AppDbContext db, MailSender mail, IOptions<AppOptions> app, ILogger<CoachingMail> logger)
{
    public async Task<MailRecipient?> RecipientAsync(int employeeId, CancellationToken ct) =>
        await db.Employees.AsNoTracking().Where(e => e.Id == employeeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { Email = u.Email ?? "", e.FullName, e.Language })
            .SingleOrDefaultAsync(ct) is { Email.Length: > 0 } found
            ? new MailRecipient(found.Email, DisplayText.Clean(found.FullName), found.Language)
            : null;

    /// <summary>A pillar's page; <paramref name="language"/> opens it (and the sign-in before it) in the reader's language.</summary>
    public string PillarLink(string key, string language) => app.Value.Link($"/pillars/{Uri.EscapeDataString(key)}?culture={language}");

    public string HomeLink(string language) => app.Value.Link($"/?culture={language}");

    public string TeamLink(string language) => app.Value.Link($"/team?culture={language}");

    /// <summary>
    /// Writes the message in the recipient's language (<paramref name="compose"/> runs in it) and sends it.
    /// False when it could not be sent; the failure is logged, never thrown at the person who caused the email.
    /// </summary>
    public async Task<bool> SendAsync(MailRecipient to, Func<(string Subject, string Body)> compose, CancellationToken ct)
    {
        var (subject, body) = Languages.In(to.Language, compose);
        try
        {
            await mail.SendAsync(new MailMessageContent(to.Email, to.Name, subject, body), ct);
            return true;
        }
        // Whatever stops the message (the server, a malformed address or header): not sent, said so, never a 500.
        catch (Exception ex) when (MailSender.IsSendFailure(ex))
        {
            logger.LogError(ex, "Could not send '{Subject}' to employee {Name}", subject, to.Name);
            return false;
        }
    }
}
