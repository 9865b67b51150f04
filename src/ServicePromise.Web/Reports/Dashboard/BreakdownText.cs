using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reports.Dashboard;

/// <summary>The words and drill-down links of the dashboard's breakdowns.</summary>
public static class BreakdownText
{
    public static string Title(Dimension by, IStringLocalizer L) => by switch
    {
        Dimension.Department => L["Por departamento"],
        Dimension.Site => L["Por centro"],
        Dimension.Job => L["Por puesto"],
        _ => L["Por responsable"],
    };

    public static string Column(Dimension by, IStringLocalizer L) => by switch
    {
        Dimension.Department => L["Departamento"],
        Dimension.Site => L["Centro"],
        Dimension.Job => L["Puesto"],
        _ => L["Responsable"],
    };

    public static string Name(GroupRow row, Dimension by, IStringLocalizer L) => row.Name ?? Without(by, L);

    /// <summary>The group of the people without one: no department, no site, no job title, no manager.</summary>
    public static string Without(Dimension by, IStringLocalizer L) => by switch
    {
        Dimension.Department => L["Sin departamento"],
        Dimension.Site => L["Sin centro"],
        Dimension.Job => L["Sin puesto"],
        _ => L["Sin responsable"],
    };

    /// <summary>The segment of the full breakdown's address: /hr/dashboard/{segment}.</summary>
    public static string Segment(Dimension by) => by.ToString().ToLowerInvariant();

    /// <summary>The completion list of one group's people (optionally only those with a status); a null key is the people without one.</summary>
    public static string ListLink(Dimension by, string? key, AssignmentStatus? status = null)
    {
        if (key is null) return List(new Dictionary<string, string?> { ["without"] = by.ToString(), ["status"] = status?.ToString() });
        var parameter = by switch
        {
            Dimension.Department => "department",
            Dimension.Site => "site",
            Dimension.Job => "job",
            _ => "manager",
        };
        return List(new Dictionary<string, string?> { [parameter] = key, ["status"] = status?.ToString() });
    }

    public static string List(IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString("/hr/completion", query.Where(q => !string.IsNullOrEmpty(q.Value)));

    public static string Week(WeekCount week) => List(new Dictionary<string, string?>
    {
        ["status"] = nameof(AssignmentStatus.Completed),
        ["from"] = week.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["before"] = week.Before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });
}
