using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Letters;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Letters;

/// <summary>
/// Printed welcome letters for people without email: printed by HR or the person's manager, read back with pdftotext and
/// zbarimg, and used — once, before they expire, only the newest — to choose a password.
/// </summary>
public partial class LetterTests
{
    const string NewPassword = "Cajas-de-madera-junto-al-rio-7";
    const string Hr = Pages.Hr;
    const string Carmen = "carmen.ruiz@" + DemoOrganisation.EmailDomain;
    const string Rocio = "rocio.navarro@" + DemoOrganisation.EmailDomain;

    [GeneratedRegex("[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")]
    private static partial Regex CodePattern();

    static Task<int> IdOfAsync(AppFactory app, string number) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Id).SingleAsync());

    static async Task<HttpClient> SignedInAsync(AppFactory app, string login, string password = Pages.Password)
    {
        var client = app.Browser();
        await client.SignedInAsync(login, password);
        return client;
    }

    /// <summary>HR prints from the person's page: the letter PDF.</summary>
    static async Task<byte[]> HrPrintsAsync(AppFactory app, HttpClient hr, string number)
    {
        var page = await hr.GetPageAsync($"/hr/people/{await IdOfAsync(app, number)}");
        var response = await hr.SubmitAsync(page, "#person-letter", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    static string CodeIn(byte[] pdf) => CodePattern().Match(Tools.PdfText(pdf)).Value;

    /// <summary>Opens the letter's page with the code, as the QR code does, and chooses the password there.</summary>
    static Task<HttpResponseMessage> ChoosePasswordAsync(HttpClient client, string code, string password = NewPassword) =>
        LetterSteps.ChoosePasswordAsync(client, code, password);

    static Task AssertRefusedAsync(HttpClient client, string code) => LetterSteps.AssertRefusedAsync(client, code);

    [Fact]
    public async Task Hr_prints_a_letter_whose_qr_code_opens_the_set_password_page_and_the_person_then_signs_in_with_their_number()
    {
        using var app = new AppFactory();
        var pdf = await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail);

        var (check, output) = Tools.QpdfCheck(pdf);
        Assert.True(check == 0, "qpdf --check: " + output);
        var text = Tools.PdfText(pdf);
        Assert.Contains("Rosa Jiménez Bermúdez", text);
        Assert.Contains(DemoOrganisation.CashierWithoutEmail, text);
        Assert.Contains("https://promesa.test/account/letter", text);
        var code = CodeIn(pdf);
        Assert.NotEmpty(code);
        Assert.Equal($"https://promesa.test/account/letter?culture=es#{code}", Tools.QrText(pdf));
        // Only a hash is kept.
        Assert.False(await app.WithDbAsync(db => db.Letters.AnyAsync(l => l.CodeHash.Contains(code.Replace("-", "")))));

        var rosa = app.Browser();
        var set = await ChoosePasswordAsync(rosa, code);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/", set.Headers.Location?.OriginalString);
        Assert.Contains("Desde ahora entras con tu número de empleado, MO-0107, y esa contraseña.", (await rosa.GetPageAsync("/")).Text());

        // From then on she signs in with her employee number, in any case, and the code is spent.
        await app.Browser().SignedInAsync(DemoOrganisation.CashierWithoutEmail.ToLowerInvariant(), NewPassword);
        await AssertRefusedAsync(app.Browser(), code);
    }

    [Fact]
    public async Task A_typed_code_works_like_the_qr_code_in_any_case_and_without_hyphens()
    {
        using var app = new AppFactory();
        var code = CodeIn(await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail));
        var client = app.Browser();
        var start = await client.GetPageAsync("/account/letter");
        var typed = await client.SubmitAsync(start, "form", new Dictionary<string, string> { ["Code"] = code.Replace("-", " ").ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        var page = Pages.Parse(await typed.Content.ReadAsStringAsync());
        Assert.Contains("Hola, Rosa Jiménez Bermúdez", page.Text());
        Assert.Equal(code, page.QuerySelector("input[name=Code]")?.GetAttribute("value"));
        // The password form it shows sends the password, not the code again.
        Assert.Equal("/account/letter", page.QuerySelector("form")?.GetAttribute("action"));
    }

    [Fact]
    public async Task Printing_a_new_letter_ends_the_previous_one_which_is_how_a_forgotten_password_is_replaced()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Hr);
        // Ismael already has a password; he forgot it.
        var first = CodeIn(await HrPrintsAsync(app, hr, DemoOrganisation.WarehouseWorkerWithoutEmail));
        var second = CodeIn(await HrPrintsAsync(app, hr, DemoOrganisation.WarehouseWorkerWithoutEmail));
        Assert.NotEqual(first, second);

        await AssertRefusedAsync(app.Browser(), first);
        Assert.Equal(HttpStatusCode.Redirect, (await ChoosePasswordAsync(app.Browser(), second)).StatusCode);
        await app.Browser().SignedInAsync(DemoOrganisation.WarehouseWorkerWithoutEmail, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().SignInAsync(DemoOrganisation.WarehouseWorkerWithoutEmail)).StatusCode); // the old password is gone
    }

    [Fact]
    public async Task A_letter_expires_after_the_configured_days()
    {
        using var app = new AppFactory { Settings = { ["Letters:ExpiryDays"] = "3" } };
        var code = CodeIn(await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail));
        var letter = await app.WithDbAsync(db => db.Letters.AsNoTracking().SingleAsync());
        Assert.Equal(TimeSpan.FromDays(3), letter.ExpiresAt - letter.PrintedAt);

        // Three days later:
        await app.WithDbAsync(db => db.Letters.ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        await AssertRefusedAsync(app.Browser(), code);
    }

    [Fact]
    public async Task Letters_expire_after_14_days_unless_configured()
    {
        using var app = new AppFactory();
        await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail);
        var letter = await app.WithDbAsync(db => db.Letters.AsNoTracking().SingleAsync());
        Assert.Equal(TimeSpan.FromDays(14), letter.ExpiresAt - letter.PrintedAt);
    }

    [Fact]
    public async Task A_manager_prints_letters_for_their_own_team_only()
    {
        using var app = new AppFactory();
        var rosa = await IdOfAsync(app, DemoOrganisation.CashierWithoutEmail);
        var ismael = await IdOfAsync(app, DemoOrganisation.WarehouseWorkerWithoutEmail);

        var carmen = await SignedInAsync(app, Carmen);
        var team = await carmen.GetPageAsync("/team");
        Assert.Contains("Sin correo", team.Text());
        var own = await carmen.SubmitAsync(team, $"#letter-{rosa}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Rosa Jiménez Bermúdez", Tools.PdfText(await own.Content.ReadAsByteArrayAsync()));

        // Ismael reports to Rocío: Carmen's form with his id (a forged one) is refused and prints nothing.
        var letters = await app.WithDbAsync(db => db.Letters.CountAsync());
        var forged = await carmen.SubmitAsync(team, $"#letter-{rosa}", new Dictionary<string, string> { ["Input.EmployeeId"] = ismael.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(letters, await app.WithDbAsync(db => db.Letters.CountAsync()));

        // A report without email who is HR is no letter's (their account is an admin's to change): no button that would answer 404.
        var carmenId = await IdOfAsync(app, "MO-0001");
        var hrReport = await app.WithDbAsync(db => db.Employees.Where(e => e.ManagerId == carmenId && e.Id != rosa && e.IsActive)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.UserId }).FirstAsync());
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ServicePromise.Web.Accounts.AppUser>>();
            var user = await users.FindByIdAsync(hrReport.UserId);
            Assert.True((await users.AddToRoleAsync(user!, ServicePromise.Web.Accounts.Roles.HR)).Succeeded);
        }
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == hrReport.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null).SetProperty(x => x.NormalizedEmail, (string?)null)));
        var withHr = await carmen.GetPageAsync("/team");
        Assert.NotNull(withHr.QuerySelector($"#letter-{rosa}"));
        Assert.Null(withHr.QuerySelector($"#letter-{hrReport.Id}"));

        // Rocío's whole-team print holds only her own person without email — once he has no password yet: Ismael already
        // signs in, so the cards leave him out (his letter is printed from his row when he forgets his password).
        var rocio = await SignedInAsync(app, Rocio);
        Assert.Null((await rocio.GetPageAsync("/team")).QuerySelector("#team-letters button"));
        await app.WithDbAsync(db => db.Users.Where(u => db.Employees.Any(e => e.Id == ismael && e.UserId == u.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, (string?)null)));
        var hers = await rocio.SubmitAsync(await rocio.GetPageAsync("/team"), "#team-letters", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, hers.StatusCode);
        var text = Tools.PdfText(await hers.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ismael Torres Ruiz", text);
        Assert.DoesNotContain("Rosa", text);
    }

    [Fact]
    public async Task Nobody_with_an_hr_role_and_nobody_who_has_left_gets_a_letter()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Hr);
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == DemoOrganisation.CashierWithoutEmail).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false)));
        foreach (var number in new[] { "MO-0006", DemoOrganisation.CashierWithoutEmail }) // Marta is HR; Rosa has left
        {
            var page = await hr.GetPageAsync($"/hr/letters?employeeId={await IdOfAsync(app, number)}");
            var response = await hr.SubmitAsync(page, "#letters-form", new Dictionary<string, string> { ["Input.Layout"] = "Page" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("A esta persona no se le imprime carta", Pages.Parse(await response.Content.ReadAsStringAsync()).Text());
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Letters.CountAsync()));
    }

    [Fact]
    public async Task A_person_with_an_email_she_cannot_use_gets_a_letter_from_hr_on_her_page_and_chooses_her_password_with_it()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Hr);
        var page = await hr.GetPageAsync($"/hr/people/{await IdOfAsync(app, "MO-0101")}");
        Assert.Contains("Si no puede usarlo, imprímele una carta", page.Text());
        var code = CodeIn(await HrPrintsAsync(app, hr, "MO-0101"));
        Assert.NotEmpty(code);

        await ChoosePasswordAsync(app.Browser(), code);
        await app.Browser().SignedInAsync(Pages.Employee, NewPassword);
    }

    [Fact]
    public async Task A_batch_of_letters_leaves_out_people_with_an_email_who_get_their_invitation_by_mail()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Hr);
        // A batch is for people with no password yet (LetterBatchTests): Ismael's is cleared, as for a new starter.
        await app.WithDbAsync(db => db.Users.Where(u => db.Employees.Any(e => e.UserId == u.Id && e.EmployeeNumber == DemoOrganisation.WarehouseWorkerWithoutEmail))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, (string?)null)));
        var page = await hr.GetPageAsync("/hr/letters");
        var team = page.QuerySelectorAll("#letters-manager option").Single(o => o.TextContent == "Rocío Navarro Gil").GetAttribute("value")!;
        var response = await hr.SubmitAsync(page, "#letters-form", new Dictionary<string, string> { ["Input.ManagerId"] = team, ["Input.Layout"] = "Page" });
        var text = Tools.PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ismael Torres Ruiz", text);
        Assert.DoesNotContain("Jorge Peña", text);
        Assert.Equal(1, await app.WithDbAsync(db => db.Letters.CountAsync()));
    }

    [Fact]
    public async Task A_letter_stops_working_when_its_person_leaves()
    {
        using var app = new AppFactory();
        var code = CodeIn(await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail));
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == DemoOrganisation.CashierWithoutEmail).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false)));
        await AssertRefusedAsync(app.Browser(), code);
        // Nor can the password form be sent with it.
        var client = app.Browser();
        var start = await client.GetPageAsync("/account/letter");
        var sent = await client.SubmitAsync(start, "form", new Dictionary<string, string> { ["Code"] = code, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }, "/account/letter");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Letters.Select(l => l.UsedAt).SingleAsync()));
        // The leaver was set inactive behind the app's back, so her letter was never ended as a deactivation ends it
        // (StaffImporter): the code check refused it regardless. End it now, as the invariants expect.
        await app.WithDbAsync(db => db.Letters.ExecuteUpdateAsync(u => u.SetProperty(l => l.ReplacedAt, DateTime.UtcNow)));
    }

    [Fact]
    public async Task An_expired_letter_says_what_to_do_in_plain_words()
    {
        using var app = new AppFactory();
        var code = CodeIn(await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail));
        await app.WithDbAsync(db => db.Letters.ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));
        var response = await LetterSteps.SendCodeAsync(app.Browser(), code);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("ha caducado", page.Text());
        Assert.Contains("pide una carta nueva a tu responsable o a Personas (RR. HH.)", page.Text());
        Assert.NotNull(page.QuerySelector("input[name=Code]"));
    }

    [Fact]
    public async Task A_name_written_as_pdf_syntax_is_printed_as_text_and_breaks_nothing()
    {
        using var app = new AppFactory();
        // Each piece would end or start a text object, a string or a dictionary if it were written into the page as it is.
        const string name = @"Rosa) Tj ET (\ <</JS 1>> endobj";
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == DemoOrganisation.CashierWithoutEmail).ExecuteUpdateAsync(u => u.SetProperty(e => e.FullName, name)));
        var pdf = await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail);

        var (check, output) = Tools.QpdfCheck(pdf);
        Assert.True(check == 0, "qpdf --check: " + output);
        var text = Tools.PdfText(pdf);
        Assert.Contains("Hola, " + name + ":", text);
        Assert.Contains("Nº de empleado " + DemoOrganisation.CashierWithoutEmail, text);
        Assert.NotEmpty(CodeIn(pdf));
        // Written as one string, its parentheses and backslash escaped, not as page operators.
        Assert.Contains(@"(Hola, Rosa\) Tj ET \(\\ <</JS 1>> endobj:) Tj", System.Text.Encoding.Latin1.GetString(pdf));
    }

    [Fact]
    public async Task Codes_are_stored_keyed_with_the_secret_setting_and_a_new_secret_ends_the_letters_printed_before()
    {
        const string secret = "a-secret-kept-outside-the-database-0123456789";
        using var app = new AppFactory { Settings = { ["Letters:CodeKey"] = secret } };
        var code = CodeIn(await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail));
        var stored = await app.WithDbAsync(db => db.Letters.Select(l => l.CodeHash).SingleAsync());
        var ascii = System.Text.Encoding.ASCII.GetBytes(code);
        // Not the plain SHA-256 a copy of the database could test guesses against; the HMAC under the secret.
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ascii)), stored);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), ascii)), stored);

        using (var scope = app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            LetterPrinting With(string key) => new(services.GetRequiredService<ServicePromise.Web.Data.AppDbContext>(), services.GetRequiredService<ServicePromise.Web.Infrastructure.OrganisationClock>(),
                Options.Create(new LetterOptions { CodeKey = key }), services.GetRequiredService<ServicePromise.Web.Audit.AuditLog>());
            Assert.NotNull(await With(secret).FindAsync(code, default));
            Assert.Null(await With("another-secret-kept-elsewhere-9876543210").FindAsync(code, default));
        }
        await ChoosePasswordAsync(app.Browser(), code.ToLowerInvariant().Replace("-", " "));
    }

    [Fact]
    public async Task Hr_prints_a_sites_letters_as_cut_out_cards_each_with_its_own_qr_code()
    {
        using var app = new AppFactory();
        var hr = await SignedInAsync(app, Hr);
        var page = await hr.GetPageAsync("/hr/letters");
        var site = page.QuerySelectorAll("#letters-site option").Single(o => o.TextContent == "Sevilla Centro").GetAttribute("value")!;
        var response = await hr.SubmitAsync(page, "#letters-form", new Dictionary<string, string> { ["Input.SiteId"] = site, ["Input.Layout"] = "Cards" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Tools.PdfText(pdf);
        Assert.Contains("Rosa Jiménez Bermúdez", text);
        Assert.DoesNotContain("Ismael Torres", text); // another site
        Assert.Equal("https://promesa.test/account/letter?culture=es#" + CodeIn(pdf), Tools.QrText(pdf));
    }

    [Fact]
    public async Task A_letter_prints_in_the_persons_language()
    {
        using var app = new AppFactory();
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == DemoOrganisation.CashierWithoutEmail).ExecuteUpdateAsync(u => u.SetProperty(e => e.Language, "en")));
        var pdf = await HrPrintsAsync(app, await SignedInAsync(app, Hr), DemoOrganisation.CashierWithoutEmail);
        Assert.Contains("Scan the QR code", Tools.PdfText(pdf));
        Assert.StartsWith("https://promesa.test/account/letter?culture=en#", Tools.QrText(pdf));
    }
}
