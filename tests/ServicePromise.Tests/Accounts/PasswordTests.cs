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

    const string TooEasy = "Esta contraseña es demasiado fácil de adivinar:";

    [Theory]
    [InlineData("password12", "es una de las contraseñas más usadas")]
    [InlineData("iloveyou123", "es una de las contraseñas más usadas")]
    [InlineData("qwerty12345", "es una de las contraseñas más usadas")]
    [InlineData("abcdefgh1234", "sigue una secuencia")]
    [InlineData("aaaaaaaaaa11", "repite caracteres")]
    [InlineData("debil.persona2026", "contiene tu nombre o tu correo")]
    public async Task A_common_or_guessable_password_is_refused_at_set_password_saying_why(string password, string why)
    {
        // The composition rules (a lowercase letter and a digit) are met; what is refused is how guessable it is.
        var link = await InviteAsync("debil.persona@" + Guid.NewGuid().ToString("N")[..8] + ".test");
        var client = app.Browser();
        var response = await client.SubmitAsync(await client.GetPageAsync(link), "form", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Pages.Parse(await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains(TooEasy, text);
        Assert.Contains(why, text);
        // Nothing was set: the link still offers the form.
        Assert.NotNull((await app.Browser().GetPageAsync(link)).QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task A_reset_refuses_a_weak_password_in_the_persons_language_and_takes_a_passphrase()
    {
        const string email = "laura.gallego@demo.mercadosolivo.es";
        string link;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            link = new Uri(await scope.ServiceProvider.GetRequiredService<AccountLinks>().PasswordResetAsync((await users.FindByEmailAsync(email))!, "en")).PathAndQuery;
        }
        var client = app.Browser();
        var page = await client.GetPageAsync(link);
        var weak = await client.SubmitAsync(page, "form", new Dictionary<string, string> { ["Input.Password"] = "password12", ["Input.ConfirmPassword"] = "password12" });
        Assert.Contains("This password is too easy to guess: it is one of the most used passwords", Pages.Parse(await weak.Content.ReadAsStringAsync()).Text());

        var strong = await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "tortuga lámpara invierno 7",
            ["Input.ConfirmPassword"] = "tortuga lámpara invierno 7",
        });
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
        await app.Browser().SignedInAsync(email, "tortuga lámpara invierno 7");
    }

    [Fact]
    public async Task A_password_change_is_held_to_the_same_rule_and_the_demo_password_passes_it()
    {
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync("alejandro.vidal@demo.mercadosolivo.es"))!;
        var refused = await users.ChangePasswordAsync(user, Pages.Password, "password12");
        Assert.Contains(refused.Errors, e => e.Code == StrongPasswordValidator.ErrorCode);
        foreach (var validator in users.PasswordValidators)
            Assert.True((await validator.ValidateAsync(users, user, DemoOrganisation.Password)).Succeeded, $"{validator.GetType().Name} refuses the demo password");
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
