using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Mail;

public sealed record MailMessageContent(string ToAddress, string ToName, string Subject, string TextBody);

/// <summary>Why a message was not sent, which decides whether it is tried again.</summary>
public enum MailFailure
{
    /// <summary>Worth trying again later: a 4xx reply, a connection that failed or timed out, TLS or sign-in trouble, an unwritable pickup folder.</summary>
    Temporary,
    /// <summary>Will fail the same way every time: a 5xx reply to the recipient or the message (an unknown mailbox), an address that cannot be written.</summary>
    Permanent,
}

/// <summary>What became of one message: sent, or not and why (<see cref="Reason"/> is for the log and HR's send list).</summary>
public sealed record MailResult(MailFailure? Failure, string? Reason)
{
    public static readonly MailResult Sent = new(null, null);
    public bool IsSent => Failure is null;
}

/// <summary>
/// Sends plain-text mail over SMTP (MailKit), or drops .eml files in a pickup folder when no host is configured. Names and
/// subjects are made of stored text (a person's name): they are put on one line and stripped of direction overrides
/// (<see cref="DisplayText"/>) so no stored value can add a header or reverse what the reader sees.
/// A <see cref="MailBatch"/> keeps one SMTP connection for many messages; <see cref="SendAsync"/> is a batch of one.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<MailSender> logger)
{
    internal MailOptions Options => options.Value;
    internal ILogger Logger => logger;

    /// <summary>A batch: its first message opens the connection, the rest reuse it; dispose it to say QUIT.</summary>
    public MailBatch OpenBatch() => new(this);

    /// <summary>One message on a connection of its own (a password reset, a nudge). Never throws for a send that failed.</summary>
    public async Task<MailResult> SendAsync(MailMessageContent content, CancellationToken ct = default)
    {
        await using var batch = OpenBatch();
        return await batch.SendAsync(content, ct);
    }

    /// <summary>Temporary or permanent (see <see cref="MailFailure"/>); null for an exception that is not a failed send but a bug.</summary>
    public static MailFailure? Classify(Exception ex) => ex switch
    {
        // A 5xx to the recipient or to the message is the server's final word on it. A 5xx to our own sender address
        // is a settings problem shared by every message: temporary, so they all go out once it is put right.
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } c when (int)c.StatusCode >= 500 => MailFailure.Permanent,
        SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException
            or UnauthorizedAccessException
            // MailKit's answer when Mail:Security asks for STARTTLS (or an AUTH) the server does not offer: fix the settings, then it goes.
            or NotSupportedException => MailFailure.Temporary,
        // The stored address or name cannot be made into a message: it will not be any better next time.
        ParseException or FormatException or ArgumentException => MailFailure.Permanent,
        _ => null,
    };

    internal MimeMessage Build(MailMessageContent content)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(DisplayText.Clean(o.FromName), o.From));
        message.To.Add(new MailboxAddress(DisplayText.Clean(content.ToName), content.ToAddress));
        message.Subject = DisplayText.Clean(content.Subject);
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain)
        {
            Text = DisplayText.CleanLines(content.TextBody),
            // Quoted-printable keeps links readable in the raw message and in every mail client.
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        return message;
    }

    internal string PickupFolder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}

/// <summary>
/// Several messages over one SMTP connection: opened by the first message, reused by the next ones, opened again when the
/// server has dropped it (an idle timeout, a restart), closed with QUIT on dispose. Not thread-safe: one sender, one batch.
/// </summary>
public sealed class MailBatch(MailSender sender) : IAsyncDisposable
{
    static readonly FormatOptions EmlFormat = CreateEmlFormat();
    SmtpClient? _client;

    /// <summary>How many SMTP connections this batch has opened.</summary>
    public int Connections { get; private set; }

    public async Task<MailResult> SendAsync(MailMessageContent content, CancellationToken ct = default)
    {
        try
        {
            using var message = sender.Build(content);
            if (string.IsNullOrWhiteSpace(sender.Options.Host)) await WriteToPickupAsync(message, ct);
            else await SendOverSmtpAsync(message, ct);
            sender.Logger.LogInformation("Sent mail '{Subject}' to {To}", content.Subject, content.ToAddress);
            return MailResult.Sent;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && MailSender.Classify(ex) is { } failure)
        {
            sender.Logger.LogError(ex, "Could not send '{Subject}' to {Name} ({Failure} failure)", content.Subject, DisplayText.Clean(content.ToName), failure);
            // A refusal (a reply) leaves the connection usable; anything else starts the next message on a fresh one.
            if (ex is not SmtpCommandException && _client is not null) await DropAsync();
            return new MailResult(failure, Reason(ex));
        }
    }

    async Task SendOverSmtpAsync(MimeMessage message, CancellationToken ct)
    {
        var reused = _client is { IsConnected: true };
        try
        {
            await ConnectAsync(ct);
            await _client!.SendAsync(message, ct);
        }
        // A connection kept open between messages may have been closed by the server meanwhile (MailKit only finds out
        // when it writes): once, on a new connection. A fresh connection that fails is a failure.
        catch (Exception ex) when (reused && !ct.IsCancellationRequested && IsDropped(ex))
        {
            sender.Logger.LogInformation("The mail server closed the connection; opening a new one");
            await DropAsync();
            await ConnectAsync(ct);
            await _client!.SendAsync(message, ct);
        }
    }

    static bool IsDropped(Exception ex) =>
        ex is ServiceNotConnectedException or IOException or SmtpProtocolException
        || ex is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    async Task ConnectAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true }) return;
        var o = sender.Options;
        _client?.Dispose();
        _client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        Connections++;
        await _client.ConnectAsync(o.Host!, o.Port, o.EffectiveSecurity switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        }, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await _client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
    }

    async Task DropAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: false);
        }
        catch (Exception ex) when (MailSender.Classify(ex) is not null) { /* it is being thrown away */ }
        _client.Dispose();
        _client = null;
    }

    async Task WriteToPickupAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = sender.PickupFolder;
        var name = Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(folder, name + ".tmp");
        // Written aside and renamed: whoever reads the folder never sees half a message.
        await using (var file = File.Create(temporary)) await message.WriteToAsync(EmlFormat, file, ct);
        File.Move(temporary, Path.Combine(folder, name + ".eml"));
    }

    static FormatOptions CreateEmlFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos; // as on the wire, whatever the platform
        return format;
    }

    static string Reason(Exception ex)
    {
        var reason = ex is SmtpCommandException c ? $"{(int)c.StatusCode} {c.Message}" : ex.Message;
        return reason.Length > 500 ? reason[..500] : reason;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is null) return;
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (MailSender.Classify(ex) is not null) { /* everything was sent; a QUIT that fails changes nothing */ }
        _client.Dispose();
        _client = null;
    }
}

public static class MailExtensions
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddScoped<LocalizedMail>();
        return builder;
    }
}

/// <summary>The text a failed send leaves on its row (reminder or invitation) for HR's lists.</summary>
public static class MailFailures
{
    /// <summary>Null for a sent message; otherwise what happened and whether it will be tried again.</summary>
    public static string? Describe(MailResult result) => result.Failure switch
    {
        null => null,
        MailFailure.Permanent => Limit($"The mail server refused the message for good; it will not be retried: {result.Reason}"),
        _ => Limit($"The mail server did not accept the message; it will be retried: {result.Reason}"),
    };

    static string Limit(string text) => text.Length > 1000 ? text[..1000] : text;
}
