using Microsoft.Playwright;
using ServicePromise.Web.Content;

namespace ServicePromise.BrowserTests;

/// <summary>
/// The three parts of the reflection form, found by their labels: the pillar's own questions (or the product's
/// default wording), for the pillar in the page's address, in Spanish unless another language is given.
/// </summary>
public static class ReflectionForm
{
    public static ILocator Meaning(IPage page, string language = "es") =>
        Part(page, language, pillar => pillar.ReflectionPrompt);

    public static ILocator Customers(IPage page, string language = "es") =>
        Part(page, language, pillar => pillar.CustomersPrompt ?? Words.In(language,
            "¿Quiénes son tus clientes en tu puesto? Piensa en los de fuera y en los compañeros a los que sirves: cliente es todo aquel que no soy yo."));

    public static ILocator Action(IPage page, string language = "es") =>
        Part(page, language, pillar => pillar.ActionPrompt ?? Words.In(language, "¿Qué acción concreta harás para aplicar este pilar, y cuándo?"));

    /// <summary>Fills all three parts with text of the person's own, different for each pillar.</summary>
    public static async Task FillAsync(IPage page, string about, string job = "cajera en Sevilla Centro")
    {
        await Meaning(page).FillAsync($"Como {job}, «{about}» me toca con cada cliente de la cola y con mis compañeras del turno.");
        await Customers(page).FillAsync($"Para «{about}»: quienes compran en mi caja y mis compañeras de reposición.");
        await Action(page).FillAsync($"Desde mañana aplico «{about}» en el primer cambio de turno y lo reviso el viernes.");
    }

    /// <summary>The text box labelled with one of the pillar's questions; the pillar is the one in /pillars/{key}[/reflection].</summary>
    static ILocator Part(IPage page, string language, Func<PillarContent, string> prompt)
    {
        var path = new Uri(page.Url).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.Length < 2 || path[0] != "pillars")
            throw new InvalidOperationException($"{page.Url} is not a pillar's page: no reflection form to find");
        var pillar = ShippedContent.Pillars(language).Single(p => p.Key == path[1]);
        return page.GetByRole(AriaRole.Textbox, new() { Name = prompt(pillar), Exact = true });
    }
}
