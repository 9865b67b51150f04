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
    public async Task The_longest_menu_reads_as_a_labelled_list_behind_a_button_and_every_link_is_reached_on_the_screen()
    {
        // The admin, also HR's pages, a manager and an employee: every link there is.
        var page = await site.NewPageAsync(375, 740);
        await JourneyTests.SignInAsync(page, "pablo.serrano@demo.mercadosolivo.es");
        var banner = page.GetByRole(AriaRole.Banner);

        // What a screen reader is given, folded: the brand and a collapsed "Menú" button, no links.
        await Assertions.Expect(banner).ToMatchAriaSnapshotAsync("""
            - banner:
              - link "ServicePromise"
              - button "Menú" [expanded=false]
            """);
        await MenuButton(page).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // Open: the button says so, and the labelled navigation follows it with every link in one list.
        await Assertions.Expect(banner).ToMatchAriaSnapshotAsync("""
            - banner:
              - link "ServicePromise"
              - button "Menú" [expanded]
              - navigation "Principal":
                - list:
                  - listitem:
                    - link "Mi promesa"
                  - listitem:
                    - link "Mis certificados"
                  - listitem:
                    - link "Mi historial"
                  - listitem:
                    - link "Mi equipo"
                  - listitem:
                    - link "Panel"
                  - listitem:
                    - link "Cumplimiento"
                  - listitem:
                    - link "Revisiones"
                  - listitem:
                    - link "Plantilla"
                  - listitem:
                    - link "Recordatorios"
                  - listitem:
                    - link "Evidencias"
                  - listitem:
                    - link "Aprovisionamiento"
                  - listitem:
                    - link "Contenido"
                  - listitem:
                    - link "Auditoría"
                  - listitem:
                    - link "Tokens SCIM"
                  - listitem:
                    - button "Cerrar sesión"
            """);
        // The whole page by keyboard with the menu open: each link on the screen when it has the focus, with a ring.
        await KeyboardWalk.AssertAsync(page);
        await Screenshots.TakeAsync(page, "menu-open-admin");

        // From the last entry, far down the open menu, Escape folds it and the focus goes back to the button.
        await Navigation(page).GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(MenuButton(page)).ToBeFocusedAsync();
        await Assertions.Expect(MenuButton(page)).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(MenuButton(page)).ToBeInViewportAsync();
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
