using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePromise.Web.Content;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Every kind of page the site has, in Spanish and in English, as the people who use it reach them. Each
/// document shown is checked with axe-core against WCAG 2.1 A/AA (see <see cref="Accessibility"/>); this test
/// makes sure none is left out, in either language. Steps are driven by markup, not by words, so the same
/// walk serves both languages.
/// </summary>
public class AccessibilityTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    const string Password = "Promesa-2026";
    const string Completed = "manuel.ortiz@demo.mercadosolivo.es";
    const string Hr = "marta.jimenez@demo.mercadosolivo.es";
    const string Admin = "pablo.serrano@demo.mercadosolivo.es";

    /// <summary>An employee who has not started, one per language, so each walk sees every step of a pillar.</summary>
    static string NewEmployee(string language) =>
        language == "es" ? "lucia.romero@demo.mercadosolivo.es" : "alberto.garrido@demo.mercadosolivo.es";

    static readonly Lazy<ContentSet> Content = new(() => ContentLoader.Load(Path.Combine(SiteFixture.RepoRoot(), "content"), "es"));

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

    /// <summary>The public pages: sign-in (and its error), forgotten password and its reset link, certificate verification, errors.</summary>
    async Task SignedOutAsync(string language, string code)
    {
        var page = await site.NewPageAsync(375, 740);
        await GoAsync(page, "/account/login");
        await SwitchToAsync(page, language);
        await ShownAsync(page, language);

        await page.Locator("#Input_Email").FillAsync(Completed);
        await page.Locator("#Input_Password").FillAsync("not-the-password");
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await ShownAsync(page, language);

        await page.Locator("main a[href='/account/forgot-password']").ClickAsync();
        await page.WaitForURLAsync("**/account/forgot-password");
        await ShownAsync(page, language);
        await page.Locator("#Input_Email").FillAsync(Completed);
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator("main [role=status]")).ToBeVisibleAsync();
        await ShownAsync(page, language);

        // The link in the mail (in the language of the person's profile), and two passwords that differ.
        await GoAsync(page, ResetLink(language), language);
        await page.Locator("#Input_Password").FillAsync("una-clave-nueva-1");
        await page.Locator("#Input_ConfirmPassword").FillAsync("otra-clave-nueva-2");
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator("#confirm-error .field-validation-error")).ToBeVisibleAsync();
        await ShownAsync(page, language);

        await GoAsync(page, "/verify", language);
        await page.Locator("#Code").FillAsync(code);
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator(".certificate-result")).ToBeVisibleAsync();
        await ShownAsync(page, language);
        await GoAsync(page, "/verify/" + code, language);
        await GoAsync(page, "/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", language);
        await Assertions.Expect(page.Locator("main [role=alert]")).ToBeVisibleAsync();
        await GoAsync(page, "/status/404", language);
        await GoAsync(page, "/error", language);

        // ?culture= picks the language for someone who has not chosen one.
        var stranger = await site.NewPageAsync();
        await GoAsync(stranger, $"/verify/{code}?culture={language}", language);
    }

    /// <summary>Someone who completed the promise: the finished home, certificates, a pillar that can no longer change.</summary>
    async Task<string> CompletedEmployeeAsync(string language)
    {
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, Completed, language);
        await Assertions.Expect(page.Locator("a[href$='/pdf']")).ToBeVisibleAsync();
        await GoAsync(page, "/certificates", language);
        var code = (await page.Locator("code").First.InnerTextAsync()).Trim();
        await GoAsync(page, "/pillars/" + Content.Value.Default.Pillars[0].Key, language);
        await Assertions.Expect(page.Locator("#part-meaning[readonly]")).ToBeVisibleAsync();
        // The reflection's own page (where the form posts, and comes back when a post is refused).
        await GoAsync(page, "/pillars/" + Content.Value.Default.Pillars[0].Key + "/reflection", language);
        await Assertions.Expect(page.Locator("#part-meaning[readonly]")).ToBeVisibleAsync();
        // Mi historial, with one assignment and one pillar unfolded.
        await GoAsync(page, "/me/record", language);
        await page.Locator("details.record-pillar > summary").First.ClickAsync();
        await Assertions.Expect(page.Locator("details.record-pillar[open] .record-parts").First).ToBeVisibleAsync();
        return code;
    }

    /// <summary>A new employee through every state of a pillar, then what they may and may not open.</summary>
    async Task NewEmployeeAsync(string language)
    {
        var page = await site.NewPageAsync(375, 740);
        await SignInAsync(page, NewEmployee(language), language);
        var pillar = Content.Value.Default.Pillars[0];
        var check = pillar.Check ?? throw new InvalidOperationException($"Pillar {pillar.Key} has no check");

        // The lesson, unread.
        await page.Locator($"main a.button[href='/pillars/{pillar.Key}']").ClickAsync();
        await page.WaitForURLAsync($"**/pillars/{pillar.Key}");
        await Assertions.Expect(page.Locator("form[action*='handler=Read']")).ToBeVisibleAsync();
        await ShownAsync(page, language);

        // The knowledge check, then answered incompletely, then wrongly: the failed result.
        await SubmitAsync(page, page.Locator("form[action*='handler=Read'] button"));
        await Assertions.Expect(page.Locator("fieldset.question").First).ToBeVisibleAsync();
        await ShownAsync(page, language);
        await SubmitAsync(page, page.Locator("form[action*='handler=Check'] button[type=submit]"));
        await Assertions.Expect(page.Locator("#check [role=alert]")).ToBeVisibleAsync();
        await ShownAsync(page, language);
        for (var q = 0; q < check.Questions.Count; q++)
            await page.Locator($"input[name=q{q}][value='{check.Questions[q].Options.ToList().FindIndex(o => !o.Correct)}']").CheckAsync();
        await SubmitAsync(page, page.Locator("form[action*='handler=Check'] button[type=submit]"));
        await Assertions.Expect(page.Locator(".check-results")).ToBeVisibleAsync();
        await ShownAsync(page, language);

        // Again, right this time: the reflection form; then a reflection too short to send.
        await SubmitAsync(page, page.Locator("form[action*='handler=Retry'] button"));
        await Assertions.Expect(page.Locator("fieldset.question").First).ToBeVisibleAsync();
        await ShownAsync(page, language);
        for (var q = 0; q < check.Questions.Count; q++)
            for (var o = 0; o < check.Questions[q].Options.Count; o++)
                if (check.Questions[q].Options[o].Correct) await page.Locator($"input[name=q{q}][value='{o}']").CheckAsync();
        await SubmitAsync(page, page.Locator("form[action*='handler=Check'] button[type=submit]"));
        await Assertions.Expect(ReflectionForm.Meaning(page)).ToBeVisibleAsync();
        await ShownAsync(page, language);
        await ReflectionForm.Meaning(page).FillAsync("Demasiado corta.");
        await SubmitAsync(page, page.Locator("form[action*='handler=Submit'] button[type=submit]:not([formaction])"));
        // Refused: back on the reflection's own page, the text kept and the reason next to the box.
        await page.WaitForURLAsync($"**/pillars/{pillar.Key}/reflection?handler=Submit**");
        await Assertions.Expect(page.Locator("#part-meaning[aria-invalid=true]")).ToBeVisibleAsync();
        await ShownAsync(page, language);

        await GoAsync(page, "/certificates", language);
        await GoAsync(page, "/hr/completion", language);
        await page.WaitForURLAsync("**/account/access-denied**");
        await GoAsync(page, "/no-such-page", language);
        await GoAsync(page, "/pillars/no-such-pillar", language);
    }

    /// <summary>HR: the completion list, filtered, and one person's page with their check attempts.</summary>
    async Task HrAsync(string language)
    {
        var page = await site.NewPageAsync();
        await SignInAsync(page, Hr, language);
        await GoAsync(page, "/hr/completion", language);
        await page.Locator("#q").FillAsync(NewEmployee(language).Split('.')[0]);
        await SubmitAsync(page, page.Locator("main form.filters button[type=submit]"));
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await ShownAsync(page, language);
        await page.Locator("tbody th a").ClickAsync();
        await page.WaitForURLAsync("**/hr/people/*");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await ShownAsync(page, language);
        // The dashboard and one full breakdown, the staff import (its upload form) and the reminders sent so far.
        foreach (var path in new[] { "/hr/dashboard", "/hr/dashboard/manager", "/hr/import", "/hr/reminders" })
        {
            await GoAsync(page, path, language);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await ShownAsync(page, language);
        }

        // A person with a certificate: the revoke and reissue forms.
        await GoAsync(page, "/hr/completion?q=" + Completed.Split('.')[0], language);
        await page.Locator("tbody th a").ClickAsync();
        await page.WaitForURLAsync("**/hr/people/*");
        await Assertions.Expect(page.Locator("form.reissue")).ToHaveCountAsync(1);
        await ShownAsync(page, language);
        // The bulk certificate download for a list with no certificate in it: a message instead of a ZIP.
        await GoAsync(page, "/hr/completion?status=NotStarted", language);
        await SubmitAsync(page, page.Locator("main button[aria-describedby=certificates-hint]"));
        await Assertions.Expect(page.Locator("main .notice")).ToBeVisibleAsync();
        await ShownAsync(page, language);

        // The evidence pack: requested, prepared in the background (the page follows it), then ready to download.
        await GoAsync(page, "/hr/evidence", language);
        await SubmitAsync(page, page.Locator("main form[action*='handler=Request'] button[type=submit]"));
        await ShownAsync(page, language);
        await Assertions.Expect(page.Locator("main tbody tr").First.Locator("a[href*='handler=Download']"))
            .ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        await ShownAsync(page, language);
    }

    /// <summary>The content admin: editions, the preview, the differences and one published edition; the audit log.</summary>
    async Task AdminAsync(string language)
    {
        var page = await site.NewPageAsync();
        await SignInAsync(page, Admin, language);
        await GoAsync(page, "/admin/content", language);
        await GoAsync(page, "/admin/content/preview", language);
        await GoAsync(page, "/admin/content/preview?lang=en", language);
        await GoAsync(page, "/admin/content/diff?from=1", language);
        await GoAsync(page, "/admin/content/editions/1", language);
        await GoAsync(page, "/admin/content/editions/1?lang=en", language);
        await GoAsync(page, "/admin/audit", language);
        await GoAsync(page, "/admin/audit?action=unknown&q=x", language); // the error state
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
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await SubmitAsync(page, page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator("header nav a[href='/certificates']")).ToBeVisibleAsync();
        await SwitchToAsync(page, language);
        await ShownAsync(page, language);
    }

    /// <summary>Switches with the language button in the footer, as a person would, unless the page is in it already.</summary>
    static async Task SwitchToAsync(IPage page, string language)
    {
        if (await page.Locator("html").GetAttributeAsync("lang") == language) return;
        await SubmitAsync(page, page.Locator($"form.language-form button[value={language}]"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    /// <summary>Clicks a submit button and waits until the document the post answers with (after any redirect) has loaded.</summary>
    static async Task SubmitAsync(IPage page, ILocator button)
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
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        _shown.Add(WithoutFragment(page.Url));
    }

    static string WithoutFragment(string url) => url.Split('#')[0];
}
