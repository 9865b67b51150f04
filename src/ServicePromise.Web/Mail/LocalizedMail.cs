using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Mail;

/// <summary>Someone an email goes to, with the language they read the app in.</summary>
public sealed record MailRecipient(string Email, string Name, string Language);

/// <summary>
/// The emails sent to people (an invitation, a reminder, a returned reflection, a nudge): each written in its reader's
/// language, with links on <see cref="AppOptions.PublicBaseUrl"/> that open the page in that language.
/// </summary>
public sealed class LocalizedMail(AppDbContext db, MailSender mail, IOptions<AppOptions> app)
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

    /// <summary>A batch for <see cref="SendAsync(MailBatch, MailRecipient, Func{ValueTuple{string, string}}, CancellationToken)"/>: one connection for many messages.</summary>
    public MailBatch OpenBatch() => mail.OpenBatch();

    /// <summary>
    /// Writes the message in the recipient's language (<paramref name="compose"/> runs in it) and sends it on its own
    /// connection. False when it could not be sent; the failure is logged, never thrown at the person who caused the email.
    /// </summary>
    public async Task<bool> SendAsync(MailRecipient to, Func<(string Subject, string Body)> compose, CancellationToken ct)
    {
        await using var batch = mail.OpenBatch();
        return (await SendAsync(batch, to, compose, ct)).IsSent;
    }

    /// <summary>As the other overload, on <paramref name="batch"/>'s connection, telling a temporary failure from a permanent one.</summary>
    public async Task<MailResult> SendAsync(MailBatch batch, MailRecipient to, Func<(string Subject, string Body)> compose, CancellationToken ct)
    {
        var (subject, body) = Languages.In(to.Language, compose);
        return await batch.SendAsync(new MailMessageContent(to.Email, to.Name, subject, body), ct);
    }
}
