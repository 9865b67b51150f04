using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Mail;

// Not "ServicePromise.Tests.Mail": that would hide Support's Mail.Decode from every other test namespace.
namespace ServicePromise.Tests.Mailing;

/// <summary>
/// The SMTP sender against real servers: maildev for mail that is accepted, <see cref="ScriptedSmtp"/> for the replies
/// maildev never gives (4xx, 5xx, a dropped connection) and to count connections.
/// </summary>
public class MailSenderTests
{
    static MailSender Sender(int port, Action<MailOptions>? configure = null)
    {
        var options = new MailOptions { Host = "127.0.0.1", Port = port, TimeoutSeconds = 10 };
        configure?.Invoke(options);
        return new MailSender(Options.Create(options), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, NullLogger<MailSender>.Instance);
    }

    static MailMessageContent To(string address) => new(address, "Rosa Vidal", "Te damos la bienvenida", "Hola, Rosa:\n\nEmpieza aquí.\n");

    [Fact]
    public async Task A_batch_sends_every_message_over_one_connection()
    {
        using var smtp = new ScriptedSmtp();
        await using (var batch = Sender(smtp.Port).OpenBatch())
        {
            for (var i = 0; i < 25; i++)
                Assert.True((await batch.SendAsync(To($"persona{i}@olivo.test"))).IsSent);
            Assert.Equal(1, batch.Connections);
        }
        Assert.Equal(25, smtp.Delivered.Count);
        Assert.Equal(1, smtp.Connections);
    }

    [Fact]
    public async Task A_batch_reaches_maildev_on_one_connection()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using (var batch = Sender(TestSmtp.Port).OpenBatch())
        {
            for (var i = 0; i < 3; i++)
                Assert.True((await batch.SendAsync(To($"lote{i}.{tag}@olivo.test"))).IsSent);
            Assert.Equal(1, batch.Connections);
        }
        for (var i = 0; i < 3; i++)
            Assert.Equal("Te damos la bienvenida", Assert.Single(await TestSmtp.ForAsync($"lote{i}.{tag}@olivo.test")).Subject);
    }

    [Fact]
    public async Task A_connection_the_server_closes_is_opened_again_and_no_message_is_lost()
    {
        using var smtp = new ScriptedSmtp { CloseAfterMessages = 3 };
        await using (var batch = Sender(smtp.Port).OpenBatch())
        {
            for (var i = 0; i < 10; i++)
                Assert.True((await batch.SendAsync(To($"persona{i}@olivo.test"))).IsSent);
        }
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"persona{i}@olivo.test"), smtp.Delivered);
        Assert.Equal(4, smtp.Connections); // 3 + 3 + 3 + 1
    }

    [Fact]
    public async Task An_unknown_mailbox_is_a_permanent_failure_and_the_batch_goes_on_on_the_same_connection()
    {
        using var smtp = new ScriptedSmtp { RecipientReply = a => a.StartsWith("nadie", StringComparison.Ordinal) ? "550 5.1.1 <" + a + ">: user unknown" : "250 2.1.5 Ok" };
        await using var batch = Sender(smtp.Port).OpenBatch();

        Assert.True((await batch.SendAsync(To("rosa@olivo.test"))).IsSent);
        var refused = await batch.SendAsync(To("nadie@olivo.test"));
        Assert.True((await batch.SendAsync(To("tom@olivo.test"))).IsSent);

        Assert.Equal(MailFailure.Permanent, refused.Failure);
        Assert.Contains("550", refused.Reason);
        Assert.Contains("user unknown", refused.Reason);
        Assert.Equal(["rosa@olivo.test", "tom@olivo.test"], smtp.Delivered);
        Assert.Equal(1, smtp.Connections);
    }

    [Fact]
    public async Task A_4xx_reply_is_a_temporary_failure()
    {
        using var smtp = new ScriptedSmtp { RecipientReply = _ => "451 4.2.1 Mailbox busy, try again later" };
        var result = await Sender(smtp.Port).SendAsync(To("rosa@olivo.test"));
        Assert.Equal(MailFailure.Temporary, result.Failure);
        Assert.Contains("451", result.Reason);
        Assert.Empty(smtp.Delivered);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_a_temporary_failure()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        Assert.Equal(MailFailure.Temporary, (await Sender(port).SendAsync(To("rosa@olivo.test"))).Failure);
    }

    [Fact]
    public async Task An_address_that_cannot_be_written_is_a_permanent_failure_and_opens_no_connection()
    {
        using var smtp = new ScriptedSmtp();
        await using var batch = Sender(smtp.Port).OpenBatch();
        Assert.Equal(MailFailure.Permanent, (await batch.SendAsync(To("rosa vidal <sin arroba>"))).Failure);
        Assert.Equal(0, batch.Connections);
        Assert.Equal(0, smtp.Connections);
    }

    [Fact]
    public async Task StartTls_required_refuses_a_server_that_does_not_offer_it_rather_than_send_in_plain_text()
    {
        using var smtp = new ScriptedSmtp();
        var result = await Sender(smtp.Port, o => o.Security = MailSecurity.StartTls).SendAsync(To("rosa@olivo.test"));
        Assert.Equal(MailFailure.Temporary, result.Failure);
        Assert.Empty(smtp.Delivered);
    }

    static List<string> Problems(MailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }

    [Fact]
    public void Settings_that_cannot_work_are_named_at_start_up()
    {
        Assert.Empty(Problems(new MailOptions { Host = "smtp.olivo.test", UserName = "promesa", Password = "secreto" }));
        Assert.Contains(Problems(new MailOptions { Host = "smtp.olivo.test", Password = "secreto" }), m => m.StartsWith("Mail:Password is set but Mail:UserName is empty", StringComparison.Ordinal));
        Assert.Contains(Problems(new MailOptions { Host = "smtp.olivo.test", UserName = "promesa" }), m => m.StartsWith("Mail:UserName is set but Mail:Password is empty", StringComparison.Ordinal));
        Assert.Contains(Problems(new MailOptions { Host = "smtp.olivo.test", UserName = "promesa", Password = "secreto", Security = MailSecurity.None }), m => m.Contains("plain text", StringComparison.Ordinal));
        Assert.Contains(Problems(new MailOptions { Host = "smtp.olivo.test", EnableSsl = true, Security = MailSecurity.None }), m => m.StartsWith("Mail:EnableSsl", StringComparison.Ordinal));
        Assert.Contains(Problems(new MailOptions { Host = "smtp.olivo.test", Security = (MailSecurity)9 }), m => m.StartsWith("Mail:Security must be", StringComparison.Ordinal));
        Assert.Contains(Problems(new MailOptions { Host = "smtp.olivo.test", TimeoutSeconds = 0 }), m => m.StartsWith("Mail:TimeoutSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void The_old_EnableSsl_switch_still_means_StartTls()
    {
        Assert.Equal(MailSecurity.StartTls, new MailOptions { EnableSsl = true }.EffectiveSecurity);
        Assert.Equal(MailSecurity.SslOnConnect, new MailOptions { EnableSsl = true, Security = MailSecurity.SslOnConnect }.EffectiveSecurity);
        Assert.Equal(MailSecurity.Auto, new MailOptions().EffectiveSecurity);
    }
}
