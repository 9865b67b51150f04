using AngleSharp.Dom;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Letters;

/// <summary>Where HR and managers find letter printing: HR in the main navigation, a manager on Mi equipo, which is in theirs.</summary>
public class LetterNavigationTests(AppFactory app) : IClassFixture<AppFactory>
{
    static IElement? NavLink(AngleSharp.Html.Dom.IHtmlDocument page, string href) =>
        page.QuerySelectorAll("nav#site-nav a").FirstOrDefault(a => a.GetAttribute("href") == href);

    [Fact]
    public async Task Hr_finds_the_letters_in_the_main_navigation_marked_current_on_the_letters_page()
    {
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var link = NavLink(await hr.GetPageAsync("/hr/completion"), "/hr/letters");
        Assert.NotNull(link);
        Assert.Equal("Cartas", link.TextContent.Trim());
        Assert.Equal("false", link.GetAttribute("aria-current"));
        Assert.Equal("page", NavLink(await hr.GetPageAsync("/hr/letters"), "/hr/letters")?.GetAttribute("aria-current"));
        // Plantilla still leads there too.
        Assert.NotNull((await hr.GetPageAsync("/hr/import")).QuerySelector("main a[href='/hr/letters']"));
    }

    [Fact]
    public async Task A_manager_finds_mi_equipo_in_the_navigation_and_there_the_letters_and_what_a_new_one_is_for()
    {
        var manager = app.Browser();
        await manager.SignedInAsync("carmen.ruiz@" + ServicePromise.Web.Staff.DemoOrganisation.EmailDomain);
        var home = await manager.GetPageAsync("/");
        Assert.NotNull(NavLink(home, "/team"));
        Assert.Null(NavLink(home, "/hr/letters"));

        var team = await manager.GetPageAsync("/team");
        Assert.NotNull(team.QuerySelector("#team-letters button"));
        Assert.Contains(team.QuerySelectorAll("form[action='/team/letters'] button"), b => b.GetAttribute("aria-label") == "Imprimir carta de Rosa Jiménez Bermúdez");
        Assert.Contains("¿Alguien ha olvidado su contraseña? Imprímele una carta nueva", team.Text());
    }

    [Fact]
    public async Task An_employee_sees_no_letters_link()
    {
        var employee = app.Browser();
        await employee.SignedInAsync(Pages.Employee);
        var home = await employee.GetPageAsync("/");
        Assert.Null(NavLink(home, "/hr/letters"));
        Assert.Null(NavLink(home, "/team"));
    }
}
