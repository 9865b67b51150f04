using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePromise.Web.Content;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Every kind of page the site has, in Spanish and in English, as the people who use it reach them. Each
/// document shown is checked with axe-core against WCAG 2.1 A/AA (see <see cref="Accessibility"/>); this test
/// makes sure none is left out, in either language. Steps find controls by role and accessible name, in
/// the language of the walk (see <see cref="Words"/>), as a person or a screen reader would.
/// </summary>
public class AccessibilityTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    const string Password = "Promesa-2026";
    const string Completed = "manuel.ortiz@demo.mercadosolivo.es";
    const string Hr = "marta.jimenez@demo.mercadosolivo.es";
    const string Admin = "pablo.serrano@demo.mercadosolivo.es";
    const string Manager = "carmen.ruiz@demo.mercadosolivo.es";

    /// <summary>An employee who has not started, one per language, so each walk sees every step of a pillar.</summary>
    static string NewEmployee(string language) =>
        language == "es" ? "lucia.romero@demo.mercadosolivo.es" : "alberto.garrido@demo.mercadosolivo.es";

    readonly List<string> _shown = [];

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public async Task Every_kind_of_page_passes_axe(string language)
    {
        var code = await CompletedEmployeeAsync(language);
        await SignedOutAsync(language, code);
        await NewEmployeeAsync(language);
        await HrAsync(language);
        await ManagerAsync(language);
        await AdminAsync(language);

        // Every document this walk showed (each in the language asked for) must have been checked.
        await site.Accessibility.SettleAsync();
        var checkedUrls = site.Accessibility.Checked.Select(WithoutFragment).ToHashSet();
        var missed = _shown.Where(url => !checkedUrls.Contains(url)).ToList();
        Assert.True(missed.Count == 0, "Shown but not checked with axe:\n" + string.Join("\n", missed));
    }

    [Fact]
    public async Task The_check_fails_a_page_with_violations_naming_rule_impact_elements_and_address()
    {
        // A page of its own, watched by a checker of its own, so the fixture's stays clean.
        var checker = new Accessibility(Accessibility.FindScript(SiteFixture.RepoRoot()), site.BaseUrl);
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        await checker.WatchAsync(page);
        await page.RouteAsync("**/axe-self-test", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!DOCTYPE html><html><head><title>Self-test</title></head><body><main><h1>Self-test</h1>" +
                   "<img src=\"/none.png\"><a href=\"/\"></a>" +
                   "<p style=\"color:#bbb;background:#fff\">Faint</p></main></body></html>",
        }));
        await page.GotoAsync("/axe-self-test");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(checker.AssertNoViolationsAsync);
        Assert.Contains(site.BaseUrl + "/axe-self-test", failure.Message);
        Assert.Contains("html-has-lang (serious)", failure.Message);
        Assert.Contains("image-alt (critical)", failure.Message);
        Assert.Contains("\n    - img\n", failure.Message);
        Assert.Contains("link-name (serious)", failure.Message);
        Assert.Contains("color-contrast (serious)", failure.Message);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_check_fails_a_phone_page_with_elements_outside_the_viewport_naming_them()
    {
        var checker = new Accessibility(Accessibility.FindScript(SiteFixture.RepoRoot()), site.BaseUrl);
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, ViewportSize = new() { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        await checker.WatchAsync(page);
        await page.RouteAsync("**/overflow-self-test", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!DOCTYPE html><html lang=\"en\"><head><title>Self-test</title></head><body><main><h1>Self-test</h1>" +
                   "<p class=\"wide\" style=\"width:30rem\">Too wide</p>" +
                   "<div style=\"overflow-x:auto\" tabindex=\"0\" role=\"region\" aria-label=\"Scrolls\"><table><tr><th>Name</th><td style=\"min-width:40rem\">Scrolled off</td></tr></table></div>" +
                   "<div style=\"overflow:hidden\"><p style=\"width:60rem\">Clipped by its box</p></div>" +
                   "<p style=\"position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)\">Visually hidden</p>" +
                   "</main></body></html>",
        }));
        await page.GotoAsync("/overflow-self-test");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(checker.AssertNoViolationsAsync);
        var message = failure.Message;
        foreach (var expected in new[]
        {
            $"outside the viewport (375 px wide) on {site.BaseUrl}/overflow-self-test", "the page itself scrolls sideways",
            "- p.wide \"Too wide\" at ", "- table \"Name Scrolled off\" at ",
        })
            Assert.True(message.Contains(expected, StringComparison.Ordinal), $"Not found: {expected}\nin: {message}");
        Assert.DoesNotContain("Clipped by its box", message);
        Assert.DoesNotContain("Visually hidden", message);
        await context.CloseAsync();
    }

    /// <summary>The public pages: sign-in (and its error), forgotten password and its reset link, certificate verification, errors.</summary>
    async Task SignedOutAsync(string language, string code)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await site.NewPageAsync(375, 740);
        await GoAsync(page, "/account/login");
        await SwitchToAsync(page, language);
        await ShownAsync(page, language);

        await page.GetByLabel(W("Número de empleado o correo electrónico"), new() { Exact = true }).FillAsync(Completed);
        await page.GetByLabel(W("Contraseña"), new() { Exact = true }).FillAsync("not-the-password");
        await SubmitAsync(page, Button(page, W("Entrar")));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = W("No hemos podido iniciar tu sesión: el número de empleado, el correo o la contraseña no son correctos. Tras 5 intentos fallidos la cuenta se bloquea 15 minutos. Si sigues sin poder entrar: con correo, restablece tu contraseña; sin correo, pide una carta nueva a tu responsable o a Personas (RR. HH.).") }))
            .ToBeVisibleAsync();
        await ShownAsync(page, language);

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = W("¿Has olvidado tu contraseña?"), Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/forgot-password");
        await ShownAsync(page, language);
        await page.GetByLabel(W("Correo electrónico"), new() { Exact = true }).FillAsync(Completed);
        await SubmitAsync(page, Button(page, W("Enviar enlace")));
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)
            .Filter(new() { HasText = W("Si ese correo pertenece a una cuenta activa, te hemos enviado un enlace para elegir una contraseña nueva. Revisa tu bandeja de entrada.") }))
            .ToBeVisibleAsync();
        await ShownAsync(page, language);

        // The link in the mail (in the language of the person's profile), and two passwords that differ.
        await GoAsync(page, ResetLink(language), language);
        await page.GetByLabel(W("Nueva contraseña"), new() { Exact = true }).FillAsync("una-clave-nueva-1");
        var confirm = page.GetByLabel(W("Repite la contraseña"), new() { Exact = true });
        await confirm.FillAsync("otra-clave-nueva-2");
        await SubmitAsync(page, Button(page, W("Guardar contraseña")));
        await Assertions.Expect(confirm).ToHaveAccessibleDescriptionAsync(W("Las dos contraseñas no coinciden."));
        await ShownAsync(page, language);

        await GoAsync(page, "/verify", language);
        await page.GetByLabel(W("Código de verificación"), new() { Exact = true }).FillAsync(code);
        await SubmitAsync(page, Button(page, W("Verificar")));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = W("Certificado válido"), Exact = true })).ToBeVisibleAsync();
        await ShownAsync(page, language);
        await GoAsync(page, "/verify/" + code, language);
        await GoAsync(page, "/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", language);
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert)
            .Filter(new() { HasText = Words.StartIn(language, "No encontramos ningún certificado con el código «{0}». Revisa que lo hayas escrito tal como aparece en el certificado.") }))
            .ToBeVisibleAsync();
        await GoAsync(page, "/status/404", language);
        await GoAsync(page, "/error", language);

        // ?culture= picks the language for someone who has not chosen one.
        var stranger = await site.NewPageAsync();
        await GoAsync(stranger, $"/verify/{code}?culture={language}", language);
    }

    /// <summary>Someone who completed the promise: the finished home, certificates, a pillar that can no longer change.</summary>
    async Task<string> CompletedEmployeeAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, Completed, language);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = W("Descargar mi certificado (PDF)"), Exact = true })).ToBeVisibleAsync();
        await GoAsync(page, "/certificates", language);
        var code = (await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Code).First.InnerTextAsync()).Trim();
        var pillar = Pillars(language)[0];
        await GoAsync(page, "/pillars/" + pillar.Key, language);
        await Assertions.Expect(Meaning(page, pillar)).Not.ToBeEditableAsync();
        // The pillar's standards, in the walk's language, are part of what is checked on a phone.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = W("Cómo lo medimos"), Exact = true })).ToBeVisibleAsync();
        // The reflection's own page (where the form posts, and comes back when a post is refused).
        await GoAsync(page, "/pillars/" + pillar.Key + "/reflection", language);
        await Assertions.Expect(Meaning(page, pillar)).Not.ToBeEditableAsync();
        // Mi historial, with one assignment and one pillar unfolded: its reflection shows only once it is open.
        await GoAsync(page, "/me/record", language);
        var reflectionHeading = page.GetByRole(AriaRole.Heading, new() { Name = W("Tu reflexión"), Exact = true, IncludeHidden = true }).First;
        await Assertions.Expect(reflectionHeading).Not.ToBeVisibleAsync();
        await page.GetByText($"{pillar.Order}. {pillar.Title}").First.ClickAsync();
        await Assertions.Expect(reflectionHeading).ToBeVisibleAsync();
        return code;
    }

    /// <summary>A new employee through every state of a pillar, then what they may and may not open.</summary>
    async Task NewEmployeeAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, NewEmployee(language), language);
        var pillar = Pillars(language)[0];
        var check = pillar.Check ?? throw new InvalidOperationException($"Pillar {pillar.Key} has no check");
        var section = page.GetByRole(AriaRole.Region, new() { Name = W("Comprueba lo que has aprendido"), Exact = true });
        ILocator Question(int q) => section.GetByRole(AriaRole.Group, new() { Name = check.Questions[q].Text, Exact = true });
        ILocator Option(int q, int o) => Question(q).GetByLabel(check.Questions[q].Options[o].Text, new() { Exact = true });
        var checkAnswers = Button(page, W("Comprobar respuestas"));

        // The lesson, unread.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = $"{W("Empezar")}: {pillar.Title}", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/pillars/{pillar.Key}");
        var read = Button(page, W("He leído la lección"));
        await Assertions.Expect(read).ToBeVisibleAsync();
        await ShownAsync(page, language);

        // The knowledge check, then answered incompletely, then wrongly: the failed result.
        await SubmitAsync(page, read);
        await Assertions.Expect(Question(0)).ToBeVisibleAsync();
        await ShownAsync(page, language);
        await SubmitAsync(page, checkAnswers);
        await Assertions.Expect(section.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await ShownAsync(page, language);
        for (var q = 0; q < check.Questions.Count; q++)
            await Option(q, check.Questions[q].Options.ToList().FindIndex(o => !o.Correct)).CheckAsync();
        await SubmitAsync(page, checkAnswers);
        await Assertions.Expect(section.GetByRole(AriaRole.List)).ToBeVisibleAsync();
        await ShownAsync(page, language);

        // Again, right this time: the reflection form; then a reflection too short to send.
        await SubmitAsync(page, Button(page, W("Volver a intentarlo")));
        await Assertions.Expect(Question(0)).ToBeVisibleAsync();
        await ShownAsync(page, language);
        for (var q = 0; q < check.Questions.Count; q++)
            for (var o = 0; o < check.Questions[q].Options.Count; o++)
                if (check.Questions[q].Options[o].Correct) await Option(q, o).CheckAsync();
        await SubmitAsync(page, checkAnswers);
        await Assertions.Expect(Meaning(page, pillar)).ToBeVisibleAsync();
        await ShownAsync(page, language);
        await Meaning(page, pillar).FillAsync("Demasiado corta.");
        await SubmitAsync(page, Button(page, W("Enviar reflexión")));
        // Refused: back on the reflection's own page, the text kept and the reason next to the box.
        await page.WaitForURLAsync($"**/pillars/{pillar.Key}/reflection?handler=Submit**");
        await Assertions.Expect(Meaning(page, pillar)).ToHaveValueAsync("Demasiado corta.");
        await Assertions.Expect(Meaning(page, pillar)).ToHaveAttributeAsync("aria-invalid", "true");
        await ShownAsync(page, language);

        await GoAsync(page, "/certificates", language);
        await GoAsync(page, "/hr/completion", language);
        await page.WaitForURLAsync("**/account/access-denied**");
        await GoAsync(page, "/no-such-page", language);
        await GoAsync(page, "/pillars/no-such-pillar", language);
    }

    /// <summary>HR on a phone: the completion list, filtered, and one person's page with their check attempts.</summary>
    async Task HrAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, Hr, language);
        // The people listed: body rows, each headed by the person's name (the header row has column headers only).
        var people = page.GetByRole(AriaRole.Region, new() { Name = W("Lista de cumplimiento"), Exact = true })
            .GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader) });
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await GoAsync(page, "/hr/completion", language);
        var filters = page.GetByRole(AriaRole.Form, new() { Name = W("Filtros"), Exact = true });
        await filters.GetByLabel(W("Nombre o número"), new() { Exact = true }).FillAsync(NewEmployee(language).Split('.')[0]);
        await SubmitAsync(page, filters.GetByRole(AriaRole.Button, new() { Name = W("Filtrar"), Exact = true }));
        await Assertions.Expect(people).ToHaveCountAsync(1);
        await ShownAsync(page, language);
        await people.GetByRole(AriaRole.Rowheader).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/hr/people/*");
        await Assertions.Expect(heading).ToBeVisibleAsync();
        await ShownAsync(page, language);
        // The person's job and site form (a change asks for new reflections).
        await GoAsync(page, new Uri(page.Url).AbsolutePath + "/job", language);
        await Assertions.Expect(heading).ToBeVisibleAsync();
        await ShownAsync(page, language);
        // The dashboard and one full breakdown, the staff import (its upload form), the reminders sent so far, and the
        // follow-through of commitments and the knowledge kept.
        foreach (var path in new[] { "/hr/dashboard", "/hr/dashboard/manager", "/hr/reviews", "/hr/import", "/hr/reminders", "/hr/findings", "/hr/checkins", "/hr/knowledge" })
        {
            await GoAsync(page, path, language);
            await Assertions.Expect(heading).ToBeVisibleAsync();
            await ShownAsync(page, language);
        }

        // A person with a certificate: the revoke and reissue forms.
        await GoAsync(page, "/hr/completion?q=" + Completed.Split('.')[0], language);
        await people.GetByRole(AriaRole.Rowheader).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/hr/people/*");
        // The reissue form waits folded in a <details>, so its button is looked for among hidden elements too.
        await Assertions.Expect(page.GetByRole(AriaRole.Main)
            .GetByRole(AriaRole.Button, new() { Name = W("Reemitir"), Exact = true, IncludeHidden = true })).ToHaveCountAsync(1);
        await ShownAsync(page, language);
        // The bulk certificate download for a list with no certificate in it: a message instead of a ZIP.
        await GoAsync(page, "/hr/completion?status=NotStarted", language);
        await SubmitAsync(page, Button(page, W("Descargar certificados (ZIP)")));
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)
            .Filter(new() { HasText = W("Nadie de esta lista tiene un certificado vigente: no hay nada que descargar.") }))
            .ToBeVisibleAsync();
        await ShownAsync(page, language);

        // The evidence pack: requested, prepared in the background (the page follows it), then ready to download.
        await GoAsync(page, "/hr/evidence", language);
        await SubmitAsync(page, Button(page, W("Preparar un paquete de evidencias")));
        await ShownAsync(page, language);
        var packs = page.GetByRole(AriaRole.Region, new() { Name = W("Paquetes"), Exact = true })
            .GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader) });
        await Assertions.Expect(packs.First.GetByRole(AriaRole.Link, new() { Name = Words.StartIn(language, "Descargar el paquete del {0} (ZIP, {1})") }))
            .ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await ShownAsync(page, language);
    }

    /// <summary>A manager on a phone: Mi equipo, where the Recordar buttons must be in reach, not off to the side.</summary>
    async Task ManagerAsync(string language)
    {
        string W(string spanish) => Words.In(language, spanish);
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, Manager, language);
        await GoAsync(page, "/team", language);
        var remind = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^" + Regex.Escape(Words.StartIn(language, "Recordar a {0}"))) });
        Assert.True(await remind.CountAsync() > 0, "Mi equipo shows no Recordar button");
        // Within the screen's width (further down is fine: that is where a phone scrolls).
        var box = await remind.First.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 375, $"The first Recordar button lies at {box?.X}–{box?.X + box?.Width} px of 375");
        // Each value is still a cell of its row under its column, for a screen reader, though the row shows as a card.
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = W("Recordatorio"), Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader).First).ToBeVisibleAsync();
    }

    /// <summary>The content admin on a phone: editions, the preview, the differences, one published edition and a pillar's understanding; the audit log.</summary>
    async Task AdminAsync(string language)
    {
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, Admin, language);
        await GoAsync(page, "/admin/content", language);
        await GoAsync(page, "/admin/content/preview", language);
        await GoAsync(page, "/admin/content/preview?lang=en", language);
        await GoAsync(page, "/admin/content/diff?from=1", language);
        await GoAsync(page, "/admin/content/diff", language);
        await GoAsync(page, "/admin/content/editions/1", language);
        await GoAsync(page, "/admin/content/editions/1?lang=en", language);
        await GoAsync(page, "/admin/content/understanding/listen", language);
        await GoAsync(page, "/admin/content/understanding/listen?by=job", language);
        await GoAsync(page, "/admin/audit", language);
        await GoAsync(page, "/admin/audit?action=unknown&q=x", language); // the error state
        // SCIM tokens: the list, and the one answer that shows a new token; then what provisioning changed.
        string W(string spanish) => Words.In(language, spanish);
        await GoAsync(page, "/admin/scim", language);
        await page.GetByLabel(W("Nombre"), new() { Exact = true }).FillAsync("Entra ID " + language);
        await SubmitAsync(page, Button(page, W("Crear token")));
        await ShownAsync(page, language);
        await GoAsync(page, "/hr/provisioning", language);
    }

    /// <summary>The reset link mailed to the completed employee, whose profile is in <paramref name="language"/> by now.</summary>
    string ResetLink(string language)
    {
        var links = Directory.GetFiles(site.MailFolder, "*.eml")
            .Select(file => ServicePromise.Tests.Support.Mail.Decode(File.ReadAllText(file)))
            .Where(mail => mail.Contains(Completed, StringComparison.Ordinal))
            .Select(mail => Regex.Match(mail, @"/account/reset-password\?[^\s]+").Value)
            .Where(link => link.EndsWith("culture=" + language, StringComparison.Ordinal))
            .ToList();
        Assert.True(links.Count == 1, $"Expected one reset link in {language} for {Completed}, found {links.Count}");
        return links[0];
    }

    async Task SignInAsync(IPage page, string email, string language)
    {
        await GoAsync(page, "/account/login");
        // Before signing in the page is in the browser's language, after it in the person's: name things in the one shown.
        var shown = await ShownLanguageAsync(page);
        await page.GetByLabel(Words.In(shown, "Número de empleado o correo electrónico"), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(Words.In(shown, "Contraseña"), new() { Exact = true }).FillAsync(Password);
        await SubmitAsync(page, Button(page, Words.In(shown, "Entrar")));
        shown = await ShownLanguageAsync(page);
        // On a phone the navigation is folded behind its menu button: there, but hidden.
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = Words.In(shown, "Principal"), Exact = true, IncludeHidden = true })
            .GetByRole(AriaRole.Link, new() { Name = Words.In(shown, "Mis certificados"), Exact = true, IncludeHidden = true })).ToBeAttachedAsync();
        await SwitchToAsync(page, language);
        await ShownAsync(page, language);
    }

    /// <summary>Switches with the language button in the footer, as a person would, unless the page is in it already.</summary>
    internal static async Task SwitchToAsync(IPage page, string language)
    {
        if (await ShownLanguageAsync(page) == language) return;
        // Each language's button is named in its own language, whatever the page's.
        await SubmitAsync(page, page.GetByRole(AriaRole.Contentinfo)
            .GetByRole(AriaRole.Button, new() { Name = language == "en" ? "English" : "Español", Exact = true }));
        await Assertions.Expect(Document(page)).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>The page's main submit button (or any button) with this accessible name.</summary>
    static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The first part of the reflection form, found by its label: the pillar's own prompt in the page's language.</summary>
    static ILocator Meaning(IPage page, PillarContent pillar) => page.GetByLabel(pillar.ReflectionPrompt, new() { Exact = true });

    static IReadOnlyList<PillarContent> Pillars(string language) => ShippedContent.Pillars(language);

    static ILocator Document(IPage page) => Words.Document(page);

    static Task<string> ShownLanguageAsync(IPage page) => Words.LanguageOfAsync(page);

    /// <summary>Clicks a submit button and waits until the document the post answers with (after any redirect) has loaded.</summary>
    internal static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.__spLeaving = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => !window.__spLeaving && document.readyState === 'complete'");
    }

    async Task GoAsync(IPage page, string path, string? language = null)
    {
        await page.GotoAsync(path);
        if (language is not null) await ShownAsync(page, language);
    }

    async Task ShownAsync(IPage page, string language)
    {
        await Assertions.Expect(Document(page)).ToHaveAttributeAsync("lang", language);
        _shown.Add(WithoutFragment(page.Url));
        await Screenshots.TakeAsync(page, $"{new Uri(page.Url).AbsolutePath}-{language}");
    }

    static string WithoutFragment(string url) => url.Split('#')[0];
}
