using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Accounts;

/// <summary>People without email sign in with their employee number; everyone may. Emails that are set stay unique.</summary>
public class EmployeeNumberSignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Refused = "No hemos podido iniciar tu sesión: el número de empleado, el correo o la contraseña no son correctos.";

    [Fact]
    public async Task A_person_without_email_signs_in_with_their_employee_number_in_any_case()
    {
        foreach (var typed in new[] { DemoOrganisation.WarehouseWorkerWithoutEmail, " mo-0405 " })
        {
            var client = app.Browser();
            await client.SignedInAsync(typed);
            Assert.NotNull((await client.GetPageAsync("/")).QuerySelector("progress"));
        }
    }

    [Fact]
    public async Task A_person_with_email_may_use_either()
    {
        await app.Browser().SignedInAsync(Pages.Employee);
        await app.Browser().SignedInAsync("MO-0101");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_number_get_the_same_plain_answer()
    {
        foreach (var (login, password) in new[] { (DemoOrganisation.WarehouseWorkerWithoutEmail, "not-his-password"), ("MO-9999", Pages.Password) })
        {
            var response = await app.Browser().SignInAsync(login, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Refused, Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
        }
    }

    [Fact]
    public async Task The_sign_in_page_says_in_plain_words_that_the_employee_number_works()
    {
        var page = await app.Browser().GetPageAsync("/account/login");
        // The field is named for what it takes, a number or an email, and stays the browser's username for password managers.
        var field = page.QuerySelector("input[name='Input.Login']");
        Assert.NotNull(field);
        Assert.Null(page.QuerySelector("input[name='Input.Email']"));
        Assert.Equal("Número de empleado o correo electrónico", page.QuerySelector($"label[for={field.Id}]")?.TextContent.Trim());
        Assert.Equal("text", field.GetAttribute("type"));
        Assert.Equal("username", field.GetAttribute("autocomplete"));
        Assert.Contains("¿No tienes correo de la empresa? Entra con tu número de empleado", page.Text());
    }

    [Fact]
    public async Task A_refused_sign_in_tells_a_person_without_email_to_ask_for_a_new_letter_not_to_reset_by_mail()
    {
        var response = await app.Browser().SignInAsync(DemoOrganisation.WarehouseWorkerWithoutEmail, "not-his-password");
        Assert.Contains("sin correo, pide una carta nueva a tu responsable o a Personas (RR. HH.)", Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task An_empty_sign_in_field_is_explained_next_to_it()
    {
        var response = await app.Browser().SignInAsync("", Pages.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Escribe tu número de empleado o tu correo electrónico.", page.QuerySelector("#login-error")?.TextContent.Trim());
    }

    [Fact]
    public async Task Five_failures_lock_an_account_without_email_too()
    {
        // Counting a failure saves the account: with Identity's own user checks, an account without email cannot be saved.
        var number = await app.WithDbAsync(async db =>
        {
            var jorge = await db.Employees.Where(e => e.EmployeeNumber == "MO-0404").Select(e => e.UserId).SingleAsync();
            await db.Users.Where(u => u.Id == jorge).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null).SetProperty(x => x.NormalizedEmail, (string?)null));
            return "MO-0404";
        });
        for (var i = 0; i < 5; i++) await app.Browser().SignInAsync(number, "wrong-password-" + i);
        var locked = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.LockoutEnd).SingleAsync());
        Assert.True(locked > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Emails_stay_unique_for_people_who_have_one()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Data.AppDbContext>();
        var userId = await db.Employees.Where(e => e.EmployeeNumber == DemoOrganisation.CashierWithoutEmail).Select(e => e.UserId).SingleAsync();
        var rosa = (await users.FindByIdAsync(userId))!;
        Assert.Null(rosa.Email);
        Assert.True((await users.UpdateAsync(rosa)).Succeeded);

        var taken = await users.SetEmailAsync(rosa, Pages.OtherEmployee);
        Assert.Contains(taken.Errors, e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail));
        var invalid = await users.SetEmailAsync(rosa, "no-es-un-correo");
        Assert.Contains(invalid.Errors, e => e.Code == nameof(IdentityErrorDescriber.InvalidEmail));
    }

    [Fact]
    public async Task Hr_gives_a_person_without_email_an_address_on_their_page_and_nobody_elses()
    {
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var id = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0107").Select(e => e.Id).SingleAsync());
        var page = await hr.GetPageAsync($"/hr/people/{id}");
        Assert.Contains("Sin correo: entra con su número de empleado, MO-0107", page.Text());

        var taken = await hr.SubmitAsync(page, "#email-change", new Dictionary<string, string> { ["newEmail"] = Pages.OtherEmployee });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("Ese correo ya lo usa otra persona.", Pages.Parse(await taken.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task A_person_without_email_finds_their_reminder_on_their_home_page_and_their_manager_on_mi_equipo()
    {
        // Ismael was hired 9 days ago with 14 to finish: 5 days left, inside the 7-day reminder.
        var ismael = app.Browser();
        await ismael.SignedInAsync(DemoOrganisation.WarehouseWorkerWithoutEmail);
        var home = await ismael.GetPageAsync("/");
        Assert.Equal("Recordatorio: te quedan 5 días para completar tu promesa de servicio.", System.Text.RegularExpressions.Regex.Replace(home.QuerySelector("#reminder")?.TextContent ?? "", @"\s+", " ").Trim());

        var lucia = app.Browser();
        await lucia.SignedInAsync(Pages.Employee);
        Assert.Null((await lucia.GetPageAsync("/")).QuerySelector("#reminder"));

        var rocio = app.Browser();
        await rocio.SignedInAsync("rocio.navarro@" + DemoOrganisation.EmailDomain);
        var team = (await rocio.GetPageAsync("/team")).Text();
        Assert.Contains("Recuérdaselo en persona: le quedan 5 días.", team);
        Assert.Contains("1 persona de tu equipo no tiene correo", team);
    }
}
