using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>The reflection in a real browser: two tabs at once, and the whole journey by keyboard alone on a phone.</summary>
public class ReflectionBrowserTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    [Fact]
    public async Task A_reflection_edited_in_two_tabs_shows_both_versions_instead_of_losing_one()
    {
        var first = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(first, "alberto.garrido@demo.mercadosolivo.es");
        await first.GotoAsync("/pillars/listen");
        await JourneyTests.ReadAndPassCheckAsync(first, "listen");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/pillars/listen");

        // The first tab's text reaches the server by itself, a moment after typing stops.
        await ReflectionForm.Meaning(first).PressSequentiallyAsync("Escrito en la primera pestaña");
        await Assertions.Expect(first.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("^Borrador guardado\\.$") })).ToBeVisibleAsync();

        // The second tab was opened before that save: its own save is stale.
        await ReflectionForm.Meaning(second).PressSequentiallyAsync("Escrito en la segunda pestaña");
        var conflict = second.GetByRole(AriaRole.Alert, new() { Name = "Tu reflexión se ha guardado desde otra pestaña o dispositivo", Exact = true });
        await Assertions.Expect(conflict).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Assertions.Expect(conflict).ToContainTextAsync("Escrito en la primera pestaña");
        await Assertions.Expect(conflict).ToContainTextAsync("Escrito en la segunda pestaña");

        await second.GetByRole(AriaRole.Button, new() { Name = "Quedarme con la mía" }).ClickAsync();
        await Assertions.Expect(ReflectionForm.Meaning(second)).ToHaveValueAsync("Escrito en la segunda pestaña");
        await first.ReloadAsync();
        await Assertions.Expect(ReflectionForm.Meaning(first)).ToHaveValueAsync("Escrito en la segunda pestaña");
    }

    [Fact]
    public async Task The_whole_journey_works_by_keyboard_alone_on_a_phone()
    {
        var page = await site.NewPageAsync(375, 740);
        await page.GotoAsync("/account/login");
        await TabToAsync(page, page.GetByLabel("Correo electrónico"));
        await page.Keyboard.TypeAsync("sara.cortes@demo.mercadosolivo.es");
        await TabToAsync(page, page.GetByLabel("Contraseña", new() { Exact = true }));
        await page.Keyboard.TypeAsync("Promesa-2026");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        for (var step = 0; step < 10; step++)
        {
            await page.GotoAsync("/");
            var next = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Empezar|Continuar):") });
            if (await next.CountAsync() == 0) break;
            await TabToAsync(page, next);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pillars/"));
            var key = new Uri(page.Url).AbsolutePath.Split('/').Last();

            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "He leído la lección" }));
            await page.Keyboard.PressAsync("Enter");
            if (ShippedContent.Pillars("es").Single(p => p.Key == key).Check is { } check)
            {
                foreach (var question in check.Questions)
                    await AnswerByKeyboardAsync(page, question);
                await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Comprobar respuestas" }));
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.GetByText("¡Comprobación superada!")).ToBeVisibleAsync();
            }

            foreach (var (box, text) in new[]
            {
                (ReflectionForm.Meaning(page), $"Con «{key}», en la caja de Córdoba lo noto cuando hay cola y alguien pregunta algo que no es de mi sección."),
                (ReflectionForm.Customers(page), $"Para «{key}»: quienes pagan en mi caja y el equipo de reposición."),
                (ReflectionForm.Action(page), $"Desde mañana aplico «{key}» con la primera persona de la cola y lo comento el viernes."),
            })
            {
                await TabToAsync(page, box);
                await page.Keyboard.InsertTextAsync(text);
            }
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Enviar reflexión" }));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/pillars/" + Regex.Escape(key) + "$"));
        }

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("¡Has completado la promesa!")).ToBeVisibleAsync();
    }

    /// <summary>Checks the right options of one question with the keyboard: Space on checkboxes, arrow keys within a radio group.</summary>
    static async Task AnswerByKeyboardAsync(IPage page, ServicePromise.Web.Learning.CheckQuestion question)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = question.Text, Exact = true });
        if (question.IsMultipleChoice)
        {
            foreach (var option in question.Options.Where(o => o.Correct))
            {
                await TabToAsync(page, group.GetByLabel(option.Text, new() { Exact = true }));
                await page.Keyboard.PressAsync("Space");
            }
            return;
        }
        var target = group.GetByLabel(question.Options.Single(o => o.Correct).Text, new() { Exact = true });
        // Tab stops once in a radio group, on its first option; the arrow keys move (and check) within it.
        await TabToAsync(page, group.GetByRole(AriaRole.Radio).First);
        if (await IsFocusedAsync(target)) await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < question.Options.Count && !await IsFocusedAsync(target); i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(target).ToBeCheckedAsync();
    }

    static Task<bool> IsFocusedAsync(ILocator element) => element.EvaluateAsync<bool>("el => el === document.activeElement");

    /// <summary>Presses Tab until the element has the focus — proving it can be reached by keyboard — and checks the focus is visible.</summary>
    static async Task TabToAsync(IPage page, ILocator element)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await IsFocusedAsync(element))
            {
                var visible = await element.EvaluateAsync<bool>(
                    "el => { const s = getComputedStyle(el); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }");
                Assert.True(visible, $"The focus on {await element.EvaluateAsync<string>("el => el.outerHTML.slice(0, 120)")} is not visible.");
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Could not reach {element} with the Tab key on {page.Url}.");
    }
}
