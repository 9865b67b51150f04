using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// The site on a 375 px phone: the navigation folds behind a menu button that works by keyboard and tells a screen
/// reader whether it is open; on a wide screen the links show as they are. (Every page any browser test shows is
/// also checked for elements outside the viewport: see <see cref="Accessibility"/>.)
/// </summary>
public class PhoneTests(SiteFixture site) : BrowserTest, IClassFixture<SiteFixture>
{
    protected override SiteFixture Site => site;

    const string Hr = "marta.jimenez@demo.mercadosolivo.es";

    /// <summary>Opens the navigation when it is folded behind its menu button (a phone), as a person would; else nothing.</summary>
    internal static async Task OpenMenuAsync(IPage page)
    {
        var menu = MenuButton(page);
        if (await menu.IsVisibleAsync() && await menu.GetAttributeAsync("aria-expanded") == "false") await menu.ClickAsync();
    }

    static ILocator MenuButton(IPage page) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Menú", Exact = true });

    static ILocator Navigation(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Principal", Exact = true });

    [Fact]
    public async Task On_a_phone_the_navigation_folds_behind_a_menu_button_that_opens_and_closes_by_keyboard()
    {
        var page = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(page, Hr);
        var menu = MenuButton(page);
        var completion = Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Cumplimiento", Exact = true });

        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-controls", "site-nav");
        await Assertions.Expect(Navigation(page)).ToBeHiddenAsync();
        // Folded, the header is one row: the brand and the button, not 240 px of links.
        var header = await page.GetByRole(AriaRole.Banner).BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"The folded header is {header.Height} px high");

        // By keyboard: the skip link first, then the brand, then the button; Enter opens it and the links follow it.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(menu).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(completion).ToBeVisibleAsync();
        await Assertions.Expect(completion).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Mi promesa", Exact = true })).ToBeFocusedAsync();

        // Escape folds it again and gives the focus back to the button; Space opens it as Enter does.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(menu).ToBeFocusedAsync();
        await Assertions.Expect(Navigation(page)).ToBeHiddenAsync();
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");

        // A link in the open menu takes the person there.
        await completion.ClickAsync();
        await page.WaitForURLAsync("**/hr/completion");
        await Assertions.Expect(MenuButton(page)).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task On_a_wide_screen_the_links_show_without_a_menu_button()
    {
        var page = await site.NewPageAsync(1280, 900);
        await JourneyTests.SignInAsync(page, Hr);
        await Assertions.Expect(MenuButton(page)).ToBeHiddenAsync();
        await Assertions.Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Cumplimiento", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_javascript_every_link_of_the_navigation_is_reachable_on_a_phone()
    {
        var context = await site.Browser.NewContextAsync(new()
        {
            BaseURL = site.BaseUrl, JavaScriptEnabled = false, Locale = "es-ES",
            ViewportSize = new() { Width = 375, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await JourneyTests.SignInAsync(page, Hr);
        await Assertions.Expect(MenuButton(page)).ToBeHiddenAsync();
        foreach (var link in new[] { "Mi promesa", "Cumplimiento", "Revisiones", "Evidencias" })
            await Assertions.Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
