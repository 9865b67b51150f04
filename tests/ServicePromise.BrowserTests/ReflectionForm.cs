using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>The three parts of the reflection form, found by the ids the page gives them.</summary>
public static class ReflectionForm
{
    public static ILocator Meaning(IPage page) => page.Locator("#part-meaning");
    public static ILocator Customers(IPage page) => page.Locator("#part-customers");
    public static ILocator Action(IPage page) => page.Locator("#part-action");

    /// <summary>Fills all three parts with text of the person's own, different for each pillar.</summary>
    public static async Task FillAsync(IPage page, string about, string job = "cajera en Sevilla Centro")
    {
        await Meaning(page).FillAsync($"Como {job}, «{about}» me toca con cada cliente de la cola y con mis compañeras del turno.");
        await Customers(page).FillAsync($"Para «{about}»: quienes compran en mi caja y mis compañeras de reposición.");
        await Action(page).FillAsync($"Desde mañana aplico «{about}» en el primer cambio de turno y lo reviso el viernes.");
    }
}
