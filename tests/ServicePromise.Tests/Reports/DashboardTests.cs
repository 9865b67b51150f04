using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Reports;

/// <summary>The HR dashboard: each number is the count of the list it links to, and the rules are the plain ones.</summary>
public partial class DashboardTests
{
    [GeneratedRegex(@"\d[\d.,]*")]
    private static partial Regex Number();

    static int FirstNumber(string text) =>
        int.Parse(Number().Match(text).Value.Replace(".", "").Replace(",", ""), CultureInfo.InvariantCulture);

    static async Task<HttpClient> HrAsync(AppFactory app)
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Hr);
        return client;
    }

    /// <summary>How many people the completion list behind a link holds ("33 personas").</summary>
    static async Task<int> ListCountAsync(HttpClient client, string link) =>
        FirstNumber((await client.GetPageAsync(link)).QuerySelector("p[role=status]")!.TextContent);

    /// <summary>
    /// The demo organisation plus the cases it lacks: someone without a department or job title, someone who has
    /// left, someone with nothing assigned.
    /// </summary>
    static async Task<AppFactory> VariedAsync()
    {
        var app = new AppFactory();
        await app.WithDbAsync(async db =>
        {
            await db.Employees.Where(e => e.EmployeeNumber == "MO-0303").ExecuteUpdateAsync(u => u.SetProperty(e => e.DepartmentId, (int?)null).SetProperty(e => e.JobTitle, ""));
            await db.Employees.Where(e => e.EmployeeNumber == "MO-0404").ExecuteUpdateAsync(u => u.SetProperty(e => e.IsActive, false));
            await db.Employees.Where(e => e.EmployeeNumber == "MO-0102").ExecuteUpdateAsync(u => u.SetProperty(e => e.CurrentAssignmentId, (int?)null));
            return await EmployeeProgress.SyncAllAsync(db);
        });
        return app;
    }

    [Fact]
    public async Task Every_figure_drills_down_to_a_list_of_exactly_that_many_people()
    {
        using var app = await VariedAsync();
        var client = await HrAsync(app);
        var page = await client.GetPageAsync("/hr/dashboard");

        var checkedLinks = 0;
        // The summary and onboarding figures: the number shown is the list's count.
        foreach (var stat in page.QuerySelectorAll(".stat a"))
        {
            Assert.Equal(FirstNumber(stat.QuerySelector(".stat-value")!.TextContent), await ListCountAsync(client, stat.GetAttribute("href")!));
            checkedLinks++;
        }
        // The trend's data table: each week's completions.
        foreach (var week in page.QuerySelectorAll("figure.chart td a"))
        {
            Assert.Equal(FirstNumber(week.TextContent), await ListCountAsync(client, week.GetAttribute("href")!));
            checkedLinks++;
        }
        // Each breakdown row: its people, its completed ("12 de 26" beside the rate) and its overdue.
        foreach (var row in page.QuerySelectorAll("table.groups tbody tr"))
        {
            var links = row.QuerySelectorAll("a").ToList();
            Assert.Equal(FirstNumber(links[0].TextContent), await ListCountAsync(client, links[0].GetAttribute("href")!));
            Assert.Equal(FirstNumber(row.QuerySelector(".completed-count")!.TextContent), await ListCountAsync(client, links[1].GetAttribute("href")!));
            Assert.Equal(FirstNumber(links[2].TextContent), await ListCountAsync(client, links[2].GetAttribute("href")!));
            checkedLinks += 3;
        }
        Assert.True(checkedLinks > 40, $"only {checkedLinks} links were checked");
        // The people without a department or job title are a group of their own, with their own list.
        Assert.Contains("Sin departamento", page.Text());
        Assert.Contains("Sin puesto", page.Text());
    }

    [Fact]
    public async Task The_summary_agrees_with_the_plain_status_rule_for_every_active_person()
    {
        using var app = await VariedAsync();
        var today = app.Services.GetRequiredService<ServicePromise.Web.Infrastructure.OrganisationClock>().Today;
        var byRule = await app.WithDbAsync(async db => (await db.Employees.AsNoTracking().Where(e => e.IsActive)
                .Select(e => new { e.CurrentAssignment!.CompletedAt, e.CurrentAssignment.StartedAt, DueOn = (DateOnly?)e.CurrentAssignment.DueOn }).ToListAsync())
            .GroupBy(a => a.DueOn is { } due ? CompletionRules.StatusOf(a.CompletedAt, a.StartedAt, due, today) : AssignmentStatus.NotStarted)
            .ToDictionary(g => g.Key, g => g.Count()));
        var client = await HrAsync(app);
        var stats = (await client.GetPageAsync("/hr/dashboard")).QuerySelectorAll("section[aria-labelledby=summary-heading] .stat").ToList();

        int Shown(AssignmentStatus status) =>
            FirstNumber(stats.Single(s => s.ClassList.Contains("status-" + status.ToString().ToLowerInvariant())).QuerySelector(".stat-value")!.TextContent);
        // Re-contextualising people are counted with the completed (their certificate stands); their count has its own section.
        foreach (var status in Enum.GetValues<AssignmentStatus>().Where(s => s != AssignmentStatus.Recontextualising))
            Assert.Equal(byRule.GetValueOrDefault(status), Shown(status));
        Assert.Equal(byRule.Values.Sum(), FirstNumber(stats[0].TextContent));
        Assert.True(byRule.Count >= 3, "the demo organisation should have people in at least three states");
    }

    [Fact]
    public async Task Someone_who_completes_today_appears_in_this_weeks_column_and_its_list()
    {
        using var app = new AppFactory();
        var hr = await HrAsync(app);
        int ThisWeek(IDocument dashboard) => FirstNumber(dashboard.QuerySelectorAll("figure.chart td a")[^1].TextContent);
        var before = ThisWeek(await hr.GetPageAsync("/hr/dashboard"));

        var employee = app.Browser();
        await employee.SignedInAsync("irene.bravo@demo.mercadosolivo.es");
        var home = await employee.GetPageAsync("/");
        foreach (var link in home.QuerySelectorAll(".pillar-item a").Select(a => a.GetAttribute("href")!).ToList())
            await UserStories.CompletePillarAsync(employee, link, "En la frutería atiendo a clientes y a compañeros de reposición. Voy a preguntar qué necesitan antes de recomendar nada, desde el próximo turno de mañana.");

        var after = await hr.GetPageAsync("/hr/dashboard");
        Assert.Equal(before + 1, ThisWeek(after));
        var list = await hr.GetPageAsync(after.QuerySelectorAll("figure.chart td a")[^1].GetAttribute("href")!);
        Assert.Contains("Irene Bravo Rivas", list.Text());
        Assert.Contains("Completada entre el", list.Text()); // the filter is named, with a link to remove it
    }

    [Fact]
    public async Task A_full_breakdown_lists_every_group_and_names_managers()
    {
        using var app = new AppFactory();
        var client = await HrAsync(app);
        var managers = await client.GetPageAsync("/hr/dashboard/manager");
        var expected = await app.WithDbAsync(db => db.Employees.Where(e => e.IsActive).Select(e => e.ManagerId).Distinct().CountAsync());
        Assert.Equal(expected, managers.QuerySelectorAll("table.groups tbody tr").Length);
        Assert.Contains("Carmen Ruiz", managers.Text());
        Assert.Contains("Sin responsable", managers.Text());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hr/dashboard/nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hr/dashboard/site?p=999")).StatusCode);
    }

    [Fact]
    public async Task Hostile_drill_down_values_answer_a_page_not_an_error()
    {
        using var app = new AppFactory();
        var client = await HrAsync(app);
        foreach (var url in new[]
                 {
                     "/hr/completion?from=not-a-date&status=Completed", "/hr/completion?onboarding=Whenever",
                     "/hr/completion?manager=abc&job=%3Cscript%3E", "/hr/completion?before=9999-12-31&from=0001-01-01",
                     "/hr/completion?handler=Csv&job=%3Dcmd()&site=-1", "/hr/completion?before=0001-01-01",
                     "/hr/completion?without=Everything",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        }
    }
}
