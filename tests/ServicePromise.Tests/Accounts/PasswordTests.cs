using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Accounts;

public class PasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly Dictionary<string, string> NewPassword = new()
    {
        ["Input.Password"] = "mi-clave-nueva-1",
        ["Input.ConfirmPassword"] = "mi-clave-nueva-1",
    };

    [Fact]
    public async Task An_invited_person_sets_a_password_once_and_signs_in()
    {
        var link = await InviteAsync("nueva.persona@demo.mercadosolivo.es");
        var client = app.Browser();
        var page = await client.GetPageAsync(link);
        var response = await client.SubmitAsync(page, "form", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The same link again: refused, with a way forward.
        var reused = await app.Browser().GetPageAsync(link);
        Assert.Contains("no es válido, ya se ha usado o ha caducado", reused.Text());
        Assert.Null(reused.QuerySelector("input[type=password]"));

        var fresh = app.Browser();
        await fresh.SignedInAsync("nueva.persona@demo.mercadosolivo.es", "mi-clave-nueva-1");
    }

    [Fact]
    public async Task An_invitation_opens_in_the_persons_language_with_labelled_fields()
    {
        var link = await InviteAsync("english.speaker@demo.mercadosolivo.es", "en");
        var page = await app.Browser().GetPageAsync(link);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Choose your password", page.Text());
        foreach (var input in page.QuerySelectorAll("input[type=password]"))
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
    }

    [Fact]
    public async Task A_forged_invitation_token_is_refused()
    {
        var link = await InviteAsync("otra.persona@demo.mercadosolivo.es");
        var forged = Regex.Replace(link, "token=[^&]+", "token=Zm9yZ2Vk");
        var page = await app.Browser().GetPageAsync(forged);
        Assert.Contains("no es válido", page.Text());
    }

    [Fact]
    public async Task Mismatched_passwords_are_refused_and_nothing_is_set()
    {
        var link = await InviteAsync("tercera.persona@demo.mercadosolivo.es");
        var client = app.Browser();
        var page = await client.GetPageAsync(link);
        var response = await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "mi-clave-nueva-1",
            ["Input.ConfirmPassword"] = "otra-clave-2",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Las dos contraseñas no coinciden.", await response.Content.ReadAsStringAsync());
        Assert.Contains("Elige tu contraseña", (await app.Browser().GetPageAsync(link)).Text());
    }

    [Fact]
    public async Task Forgot_password_mails_a_link_that_resets_it()
    {
        var client = app.Browser();
        var form = await client.GetPageAsync("/account/forgot-password");
        var response = await client.SubmitAsync(form, "form", new Dictionary<string, string> { ["Input.Email"] = "beatriz.santos@demo.mercadosolivo.es" });
        Assert.Contains("te hemos enviado un enlace", await response.Content.ReadAsStringAsync());

        var mail = Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains("beatriz.santos@"));
        var decoded = Mail.Decode(mail);
        var link = Regex.Match(decoded, @"https://promesa\.test(/account/reset-password\?[^\s]+)").Groups[1].Value;
        Assert.NotEmpty(link);

        var reset = await client.GetPageAsync(link);
        var done = await client.SubmitAsync(reset, "form", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        // The same link a second time: refused, nothing changed.
        var second = app.Browser();
        var again = await second.GetPageAsync(link);
        var reused = await second.SubmitAsync(again, "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "otra-clave-mas-3",
            ["Input.ConfirmPassword"] = "otra-clave-mas-3",
        });
        Assert.Contains("El enlace no es válido o ha caducado.", await reused.Content.ReadAsStringAsync());
        await app.Browser().SignedInAsync("beatriz.santos@demo.mercadosolivo.es", "mi-clave-nueva-1");
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address()
    {
        var client = app.Browser();
        var form = await client.GetPageAsync("/account/forgot-password");
        var response = await client.SubmitAsync(form, "form", new Dictionary<string, string> { ["Input.Email"] = "nadie@example.com" });
        Assert.Contains("te hemos enviado un enlace", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder).Select(File.ReadAllText) : [], m => m.Contains("nadie@example.com"));
    }

    async Task<string> InviteAsync(string email, string language = "es")
    {
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        db.Employees.Add(new Employee { UserId = user.Id, EmployeeNumber = "T-" + user.Id[..8], FullName = "Persona Nueva", JobTitle = "Cajera", HireDate = new DateOnly(2026, 11, 20) });
        await db.SaveChangesAsync();
        var link = await scope.ServiceProvider.GetRequiredService<AccountLinks>().InvitationAsync(user, language);
        return new Uri(link).PathAndQuery;
    }
}
