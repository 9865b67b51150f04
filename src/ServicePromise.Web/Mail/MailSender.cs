using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Mail;

public sealed record MailMessageContent(string ToAddress, string ToName, string Subject, string TextBody);

/// <summary>
/// Sends plain-text mail over SMTP, or drops .eml files in a pickup folder when no host is configured. Names and
/// subjects are made of stored text (a person's name): they are put on one line and stripped of direction overrides
/// (<see cref="DisplayText"/>) so no stored value can add a header or reverse what the reader sees.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<MailSender> logger)
{
    /// <summary>
    /// What a send can fail with that means "not sent" rather than a bug: the server refused or could not be reached,
    /// the pickup folder could not be written, or a stored address or name could not be made into a message.
    /// </summary>
    public static bool IsSendFailure(Exception ex) =>
        ex is SmtpException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException;

    public async Task SendAsync(MailMessageContent content, CancellationToken ct = default)
    {
        var o = options.Value;
        using var message = new MailMessage(new MailAddress(o.From, DisplayText.Clean(o.FromName)), new MailAddress(content.ToAddress, DisplayText.Clean(content.ToName)))
        {
            Subject = DisplayText.Clean(content.Subject),
            Body = DisplayText.CleanLines(content.TextBody),
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
            // Quoted-printable keeps links readable in the raw message and in every mail client.
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
        };
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.PickupDirectory));
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = o.Host;
            client.Port = o.Port;
            client.EnableSsl = o.EnableSsl;
            if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }
        await client.SendMailAsync(message, ct);
        logger.LogInformation("Sent mail '{Subject}' to {To}", content.Subject, content.ToAddress);
    }
}

public static class MailExtensions
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailSender>();
        return builder;
    }
}
