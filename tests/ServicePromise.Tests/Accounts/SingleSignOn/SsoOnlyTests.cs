using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Accounts.SingleSignOn;

/// <summary>
/// "SSO only": once a person has signed in through the company's provider (their account is linked to it), no password
/// of theirs works here — not at sign-in, not through a forgotten-password mail, a reset link, an invitation link or a
/// welcome letter's code — and each refusal names the button they sign in with. HR and admin accounts keep theirs;
/// people who never signed in through a provider keep theirs.
/// </summary>
public class SsoOnlyTests(SsoOnlyAppFactory app) : IClassFixture<SsoOnlyAppFactory>
{
    const string Linked = "lucia";

    async Task LinkAsync(string provider, string login) =>
        Assert.Equal(HttpStatusCode.Redirect, (await TestOidc.SignInAsync(app.Browser(), provider, login)).StatusCode);

    [Fact]
    public async Task The_right_password_of_a_person_who_signs_in_through_the_provider_is_refused_with_the_way_in()
    {
        await LinkAsync("empresa", Linked);

        var client = app.Browser();
        var response = await client.SignInAsync(Pages.Employee);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Pages.Parse(await response.Content.ReadAsStringAsync()).Text();
        Assert.Contains("Entras con la cuenta de tu empresa, no con una contraseña de aquí: usa el botón «Entrar con Empresa», debajo.", text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        // A wrong password is told nothing more than anyone else's.
        var wrong = await app.Browser().SignInAsync(Pages.Employee, "not-the-password-1");
        Assert.DoesNotContain("Entras con la cuenta de tu empresa", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_who_never_signed_in_through_the_provider_keeps_the_password()
    {
        await app.Browser().SignedInAsync(Pages.OtherEmployee);
    }

    [Fact]
    public async Task Hr_keeps_the_password_as_the_way_in_when_the_provider_is_down()
    {
        // HR never signs in through the provider (SingleSignOnTests); an account linked to it before it had the role
        // still keeps its password.
        Assert.Equal(HttpStatusCode.Forbidden, (await TestOidc.SignInAsync(app.Browser(), "empresa", "marta")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddLoginAsync((await users.FindByEmailAsync(Pages.Hr))!, new UserLoginInfo("oidc-empresa", "marta", "Empresa"))).Succeeded);
        }
        await app.Browser().SignedInAsync(Pages.Hr);
    }

    [Fact]
    public async Task An_admin_keeps_the_password_too()
    {
        // Refused through the provider like HR; linked before the role was given, the password still works.
        await TestOidc.RegisterAsync("admin-sso", new { email = Pages.Admin, email_verified = true, name = "Pablo" });
        Assert.Equal(HttpStatusCode.Forbidden, (await TestOidc.SignInAsync(app.Browser(), "empresa", "admin-sso")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddLoginAsync((await users.FindByEmailAsync(Pages.Admin))!, new UserLoginInfo("oidc-empresa", "admin-sso", "Empresa"))).Succeeded);
        }
        await app.Browser().SignedInAsync(Pages.Admin);
    }

    [Fact]
    public async Task A_person_without_email_who_signs_in_through_the_provider_gets_no_password_from_a_letter_or_their_number()
    {
        // Ismael, a warehouse worker without email, matched by his employee number; he chose a password from a letter before.
        await TestOidc.RegisterAsync("warehouse-sso", new { name = "Ismael Torres Ruiz", employee_number = DemoOrganisation.WarehouseWorkerWithoutEmail });
        await LinkAsync("numero", "warehouse-sso");
        var code = await LetterSteps.PrintAsync(app, await LetterSteps.IdOfAsync(app, DemoOrganisation.WarehouseWorkerWithoutEmail));
        var hash = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == DemoOrganisation.WarehouseWorkerWithoutEmail)
            .Select(e => db.Users.Single(u => u.Id == e.UserId).PasswordHash).SingleAsync());

        var client = app.Browser();
        var letter = await LetterSteps.SendCodeAsync(client, code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, letter.StatusCode);
        var page = Pages.Parse(await letter.Content.ReadAsStringAsync());
        Assert.Contains("usa el botón «Entrar con Empresa (número)» de la página de inicio de sesión", page.Text());
        Assert.Null(page.QuerySelector("input[type=password]"));
        // Posting a password with the code anyway changes nothing.
        var posted = await client.PostAsync("/account/letter", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "",
            ["Code"] = code, ["Input.Password"] = "Olivo verde junto al río 77", ["Input.ConfirmPassword"] = "Olivo verde junto al río 77",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Equal(hash, await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == DemoOrganisation.WarehouseWorkerWithoutEmail)
            .Select(e => db.Users.Single(u => u.Id == e.UserId).PasswordHash).SingleAsync()));

        var signIn = await app.Browser().SignInAsync(DemoOrganisation.WarehouseWorkerWithoutEmail);
        Assert.Contains("usa el botón «Entrar con Empresa (número)», debajo", Pages.Parse(await signIn.Content.ReadAsStringAsync()).Text());
    }

    [Fact]
    public async Task A_forgotten_password_mail_says_how_to_sign_in_and_carries_no_reset_link()
    {
        const string email = "jorge.pena@demo.mercadosolivo.es";
        await TestOidc.RegisterAsync("forgot-sso", new { email, email_verified = true, name = "Jorge" });
        await LinkAsync("empresa", "forgot-sso");

        var client = app.Browser();
        var form = await client.GetPageAsync("/account/forgot-password");
        await client.SubmitAsync(form, "form", new Dictionary<string, string> { ["Input.Email"] = email });

        var mail = app.Mails().Single(m => m.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("entras con la cuenta de tu empresa", mail);
        Assert.Contains("Entrar con Empresa", mail);
        Assert.DoesNotContain("reset-password", mail);
    }

    [Fact]
    public async Task A_reset_link_from_before_is_refused_and_the_password_stays()
    {
        const string email = "irene.bravo@demo.mercadosolivo.es";
        await TestOidc.RegisterAsync("reset-sso", new { email, email_verified = true, name = "Irene" });
        string link;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            link = new Uri(await scope.ServiceProvider.GetRequiredService<AccountLinks>().PasswordResetAsync((await users.FindByEmailAsync(email))!, "es")).PathAndQuery;
        }
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
        await LinkAsync("empresa", "reset-sso");

        var client = app.Browser();
        var page = await client.GetPageAsync(link);
        var response = await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Password"] = "Olivo verde junto al río 77",
            ["Input.ConfirmPassword"] = "Olivo verde junto al río 77",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("usa el botón «Entrar con Empresa» de la página de inicio de sesión", Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
        Assert.Equal(hash, await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task An_invitation_link_chooses_no_password_for_a_person_created_by_the_provider()
    {
        const string id = "invited-sso";
        await TestOidc.RegisterAsync(id, new { email = "invitada@empresa.example", email_verified = true, name = "Persona Invitada", employee_number = "SSO-0101" });
        await LinkAsync("nuevos", id);
        string link;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            link = new Uri(await scope.ServiceProvider.GetRequiredService<AccountLinks>().InvitationAsync((await users.FindByEmailAsync("invitada@empresa.example"))!, "es")).PathAndQuery;
        }

        var page = await app.Browser().GetPageAsync(link);

        Assert.Contains("usa el botón «Entrar con Empresa (altas)» de la página de inicio de sesión", page.Text());
        Assert.Null(page.QuerySelector("input[type=password]"));
        Assert.Contains("Volver a la página de inicio de sesión", page.Text());
    }
}
