using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reminders;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>Mail over a real SMTP server (maildev, started by tests/run-all.sh), read back from it.</summary>
public class InvitationSmtpTests
{
    [Fact]
    public async Task An_imported_person_sets_a_password_from_the_invitation_read_back_from_the_smtp_server()
    {
        var email = $"rosa.{Guid.NewGuid():N}@olivo.test";
        using var app = new AppFactory();
        TestSmtp.Use(app);
        using (var scope = app.Services.CreateScope())
        {
            var file = Encoding.UTF8.GetBytes($"Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta;Idioma\nR-1;Rosa Vidal;{email};2026-12-01;es\n");
            var result = await scope.ServiceProvider.GetRequiredService<StaffImporter>().ApplyAsync(file, fullImport: false);
            Assert.Equal(1, result.Invited);
        }
        Assert.Equal(1, await app.SendInvitationsAsync());

        var invitation = Assert.Single(await TestSmtp.ForAsync(email));
        Assert.Equal("Te damos la bienvenida a la promesa de servicio", invitation.Subject);
        var link = Regex.Match(invitation.Text, @"https://promesa\.test(/account/set-password\?\S+)").Groups[1].Value;
        Assert.NotEmpty(link);

        var client = app.Browser();
        var page = await client.GetPageAsync(link);
        var set = await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "Naranjos-en-flor-2027", ["Input.ConfirmPassword"] = "Naranjos-en-flor-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await app.Browser().SignedInAsync(email, "Naranjos-en-flor-2027");
    }

    [Fact]
    public async Task A_reminder_reaches_the_smtp_server_in_the_persons_language_with_a_direct_link()
    {
        var email = $"tom.{Guid.NewGuid():N}@olivo.test";
        using var app = new AppFactory();
        TestSmtp.Use(app);
        using (var scope = app.Services.CreateScope())
        {
            var file = Encoding.UTF8.GetBytes($"employee number,full name,email,hire date,language\nT-1,Tom Hart,{email},2026-12-01,en\n");
            await scope.ServiceProvider.GetRequiredService<StaffImporter>().ApplyAsync(file, fullImport: false);
            await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunOnceAsync();
        }
        var messages = await TestSmtp.ForAsync(email);
        var reminder = Assert.Single(messages, m => m.Subject == "Your service promise is waiting for you");
        Assert.Contains("https://promesa.test/?culture=en", reminder.Text);
        Assert.Contains("5 pillars", reminder.Text);
    }
}
