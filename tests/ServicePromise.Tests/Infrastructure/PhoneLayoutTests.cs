using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Infrastructure;

/// <summary>
/// What the server sends for a phone: tables that can stack, each value labelled with its column and still a table
/// for a screen reader; the menu button of the navigation; a footer link with a name. (How it looks at 375 px, and
/// the menu at work, are proven in the browser tests.)
/// </summary>
public class PhoneLayoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every table on the page, except a chart's data (two short columns, inside its figure).</summary>
    static List<IElement> Tables(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main table").Where(t => t.Closest("figure") is null).ToList();

    static void AssertStacked(IElement table, string url)
    {
        Assert.True(table.ClassList.Contains("stacked"), $"A table on {url} does not stack on a phone: {table.OuterHtml[..Math.Min(200, table.OuterHtml.Length)]}");
        Assert.Null(table.GetAttribute("sp-stacked"));
        Assert.Equal("table", table.GetAttribute("role"));
        var headers = table.QuerySelectorAll("thead th").ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.Equal("columnheader", h.GetAttribute("role")));
        var names = headers.Select(h => string.Join(" ", h.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Equal("row", row.GetAttribute("role"));
            var cells = row.Children.ToList();
            Assert.Equal(names.Count, cells.Count);
            for (var i = 0; i < cells.Count; i++)
            {
                Assert.Equal(names[i], cells[i].GetAttribute("data-label"));
                Assert.Equal(cells[i].LocalName == "th" ? "rowheader" : "cell", cells[i].GetAttribute("role"));
            }
        }
    }

    [Fact]
    public async Task Every_table_hr_and_managers_see_stacks_with_each_value_under_its_column_name()
    {
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var person = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0104").Select(e => e.Id).SingleAsync());
        var evidence = await hr.GetPageAsync("/hr/evidence");
        await hr.SubmitAsync(evidence, "form[action*='handler=Request']", new Dictionary<string, string>());
        foreach (var url in new[] { "/hr/completion", $"/hr/people/{person}", "/hr/dashboard", "/hr/dashboard/manager", "/hr/reviews", "/hr/reminders", "/hr/evidence" })
        {
            var page = await hr.GetPageAsync(url);
            var tables = Tables(page);
            if (url is not ("/hr/reviews" or "/hr/reminders")) Assert.True(tables.Count > 0, $"No table on {url}");
            foreach (var table in tables.Where(t => t.QuerySelector("tbody tr") is not null)) AssertStacked(table, url);
        }

        var manager = app.Browser();
        await manager.SignedInAsync("carmen.ruiz@demo.mercadosolivo.es");
        var team = await manager.GetPageAsync("/team");
        var members = Tables(team);
        Assert.NotEmpty(members);
        foreach (var table in members) AssertStacked(table, "/team");
        // The Recordar button sits in a cell labelled with its column, so on a phone it is in reach and says what it is for.
        Assert.Contains(team.QuerySelectorAll("td[data-label='Recordatorio'] button"), b => b.TextContent.Trim() == "Recordar");
    }

    [Fact]
    public async Task A_table_outside_the_stacked_pattern_is_left_as_it_was()
    {
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var trend = (await hr.GetPageAsync("/hr/dashboard")).QuerySelector("figure table")!;
        Assert.Null(trend.GetAttribute("role"));
        Assert.Empty(trend.QuerySelectorAll("[role], [data-label]"));
    }

    [Fact]
    public async Task The_navigation_has_a_menu_button_for_phones_and_the_footer_names_its_verification_link()
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        var page = await client.GetPageAsync("/");
        var button = page.QuerySelector("header button.nav-toggle")!;
        Assert.Equal("false", button.GetAttribute("aria-expanded"));
        Assert.Equal("site-nav", button.GetAttribute("aria-controls"));
        Assert.True(button.HasAttribute("hidden"), "Without JavaScript the button must stay hidden and the links show");
        Assert.Equal("Menú", button.TextContent.Replace("☰", "").Trim());
        Assert.Equal("nav", page.GetElementById("site-nav")!.LocalName);

        var signedOut = await app.Browser().GetPageAsync("/account/login");
        var verify = signedOut.QuerySelector("footer a[href='/verify']")!;
        Assert.Equal("Verificar un certificado", verify.TextContent.Trim());
    }
}
