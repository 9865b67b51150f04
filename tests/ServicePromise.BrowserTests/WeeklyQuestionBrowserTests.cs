using Microsoft.Playwright;
using ServicePromise.Web.Learning;

namespace ServicePromise.BrowserTests;

/// <summary>
/// The weekly question in a real browser on a phone: a certified person answers it wrong, reads why and the lesson part,
/// and a week later the same question is back (a wrong answer returns sooner). Every page is checked by axe and for
/// anything out of view at 375 px as it loads.
/// </summary>
public class WeeklyQuestionBrowserTests(ClockSiteFixture site) : BrowserTest, IClassFixture<ClockSiteFixture>
{
    protected override SiteFixture Site => site;

    const string Certified = "manuel.ortiz@demo.mercadosolivo.es";

    /// <summary>The question the card shows, as the shipped content words it (with which answers are right and why).</summary>
    static (string PillarTitle, CheckQuestion Question) Shipped(string text) =>
        ShippedContent.Pillars("es")
            .SelectMany(p => (p.Check?.Questions ?? []).Concat(p.Practice?.Questions ?? []).Select(q => (p.Title, q)))
            .First(x => x.q.Text == text);

    [Fact]
    public async Task A_wrong_answer_shows_its_explanation_and_lesson_part_and_the_question_comes_back_the_next_week()
    {
        await site.RunCommandAsync("make-weekly-questions"); // the site's own job also makes them at start; once a week either way
        var phone = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(phone, Certified);
        await phone.GotoAsync("/");
        var card = phone.Locator("#practice");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Pregunta de la semana" })).ToBeVisibleAsync();
        var text = (await card.Locator("legend").InnerTextAsync()).Trim();
        var (pillar, question) = Shipped(text);
        var wrong = question.Options.First(o => !o.Correct);

        // By keyboard: the option's control, then the button.
        await card.GetByLabel(wrong.Text, new() { Exact = true }).FocusAsync();
        await phone.Keyboard.PressAsync("Space");
        await Assertions.Expect(card.GetByLabel(wrong.Text, new() { Exact = true })).ToBeCheckedAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Responder" }).FocusAsync();
        await phone.Keyboard.PressAsync("Enter");

        // The result takes the focus (a screen reader reads it), with the explanation of the answer chosen.
        var result = phone.Locator("#practice-result");
        await Assertions.Expect(result).ToBeFocusedAsync();
        await Assertions.Expect(result).ToContainTextAsync("Incorrecta");
        await Assertions.Expect(result).ToContainTextAsync(wrong.Explanation);
        await Assertions.Expect(result).ToContainTextAsync("Esta pregunta volverá la semana que viene.");
        // A reload shows the result again but leaves the focus where a page starts.
        await phone.ReloadAsync();
        await Assertions.Expect(result).ToContainTextAsync("Incorrecta");
        await Assertions.Expect(result).Not.ToBeFocusedAsync();

        // The lesson part to re-read: the read-only lesson of that pillar, at the section the question names.
        var lesson = result.GetByRole(AriaRole.Link, new() { Name = "Vuelve a leer esta parte de la lección" });
        if (question.Section is { } section) Assert.EndsWith("#" + section, await lesson.GetAttributeAsync("href"));
        await lesson.ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(pillar);

        // A week on, the weekly job asks the same question again (a right one would wait longer).
        await site.MoveClockAsync(7);
        await site.RunCommandAsync("make-weekly-questions");
        await phone.Context.ClearCookiesAsync(); // the sign-in does not outlast days
        await JourneyTests.SignInAsync(phone, Certified);
        await phone.GotoAsync("/");
        await Assertions.Expect(card.Locator("legend")).ToHaveTextAsync(text);
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Responder" })).ToBeVisibleAsync();
    }
}
