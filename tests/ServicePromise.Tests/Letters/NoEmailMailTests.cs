using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reminders;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Letters;

/// <summary>Nothing tries to mail a person without email (over the real SMTP server, maildev): no invitation, no reminder.</summary>
public class NoEmailMailTests
{
    [Fact]
    public async Task The_invitation_and_reminder_jobs_skip_people_without_email_and_still_mail_everyone_else()
    {
        var email = $"ana.{Guid.NewGuid():N}@olivo.test";
        using var app = new AppFactory();
        TestSmtp.Use(app);
        using (var scope = app.Services.CreateScope())
        {
            var file = Encoding.UTF8.GetBytes($"Nº de empleado;Nombre completo;Correo electrónico;Fecha de alta;Móvil\nNE-1;Ana Vidal;{email};2026-12-01;\nNE-2;Bruno Sanz;;2026-12-01;+34 600 11 22 33\n");
            var result = await scope.ServiceProvider.GetRequiredService<StaffImporter>().ApplyAsync(file, fullImport: false);
            Assert.Equal((2, 1), (result.Plan!.Creates, result.Invited));
        }
        Assert.Equal(1, await app.SendInvitationsAsync());
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunOnceAsync();

        Assert.Contains(await TestSmtp.ForAsync(email), m => m.Subject == "Te damos la bienvenida a la promesa de servicio");
        Assert.Contains(await TestSmtp.ForAsync(email), m => m.Subject == "Tienes pendiente la promesa de servicio");
        var bruno = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "NE-2")
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.CurrentAssignmentId, e.MobilePhone, u.Email, u.UserName, UserId = u.Id }).SingleAsync());
        Assert.Equal((null, bruno.UserId, "+34 600 11 22 33"), (bruno.Email, bruno.UserName, bruno.MobilePhone));
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.EmployeeId == bruno.Id)));
        Assert.False(await app.WithDbAsync(db => db.ReminderSends.AnyAsync(s => s.AssignmentId == bruno.CurrentAssignmentId)));

        // His way in is a letter, which HR can print for him straight away.
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{bruno.Id}");
        Assert.Equal(HttpStatusCode.OK, (await hr.SubmitAsync(page, "#person-letter", new Dictionary<string, string>())).StatusCode);
    }
}
