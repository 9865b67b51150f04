using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// The invitation sender against <see cref="ScriptedSmtp"/>: one connection for the whole run, an unknown mailbox recorded
/// and never retried, a busy one retried after the backoff.
/// </summary>
public class InvitationDeliveryTests
{
    sealed class TimedFactory : AppFactory
    {
        public MovableTime Time { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }

    [Fact]
    public async Task Invitations_share_one_connection_and_an_unknown_mailbox_is_recorded_and_never_retried()
    {
        using var smtp = new ScriptedSmtp
        {
            RecipientReply = a => a.StartsWith("nadie", StringComparison.Ordinal) ? "550 5.1.1 user unknown"
                : a.StartsWith("ocupado", StringComparison.Ordinal) ? "451 4.2.1 mailbox busy" : "250 2.1.5 Ok",
        };
        using var app = new TimedFactory { Settings = { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture) } };
        using (var scope = app.Services.CreateScope())
        {
            var file = Encoding.UTF8.GetBytes("Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta;Idioma\n"
                + "D-1;Rosa Vidal;rosa@olivo.test;2026-12-01;es\nD-2;Nadie Nunca;nadie@olivo.test;2026-12-01;es\n"
                + "D-3;Tom Hart;tom@olivo.test;2026-12-01;en\nD-4;Olga Cupado;ocupado@olivo.test;2026-12-01;es\nD-5;Eva Sol;eva@olivo.test;2026-12-01;es\n");
            Assert.Equal(5, (await scope.ServiceProvider.GetRequiredService<StaffImporter>().ApplyAsync(file, fullImport: false)).Invited);
        }

        Assert.Equal(3, await app.SendInvitationsAsync());
        Assert.Equal(1, smtp.Connections); // five messages, one connection, refusals included
        Assert.Equal(["rosa@olivo.test", "tom@olivo.test", "eva@olivo.test"], smtp.Delivered);
        var rows = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.Employee!.EmployeeNumber.StartsWith("D-")).ToDictionaryAsync(i => i.Recipient));
        Assert.Equal((InvitationStatus.Failed, 1, null), (rows["nadie@olivo.test"].Status, rows["nadie@olivo.test"].Attempts, rows["nadie@olivo.test"].NextAttemptAt));
        Assert.Contains("550", rows["nadie@olivo.test"].LastError);
        Assert.Contains("will not be retried", rows["nadie@olivo.test"].LastError);
        Assert.Equal(InvitationStatus.Failed, rows["ocupado@olivo.test"].Status);
        Assert.NotNull(rows["ocupado@olivo.test"].NextAttemptAt);
        Assert.Contains("451", rows["ocupado@olivo.test"].LastError);

        // The busy mailbox has room again; after the backoff only its invitation is tried again.
        smtp.RecipientReply = _ => "250 2.1.5 Ok";
        app.Time.Offset = TimeSpan.FromMinutes(6);
        Assert.Equal(1, await app.SendInvitationsAsync());
        Assert.Equal("ocupado@olivo.test", smtp.Delivered[^1]);
        Assert.Equal(4, smtp.Delivered.Count);
        var nadie = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Recipient == "nadie@olivo.test"));
        Assert.Equal((InvitationStatus.Failed, 1), (nadie.Status, nadie.Attempts));
    }
}
