using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reports;

/// <summary>HR's list of who has completed the promise, who is on the way and who is late.</summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class CompletionModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "department")] public int? DepartmentId { get; set; }
    [BindProperty(SupportsGet = true)] public AssignmentStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "site")] public int? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Job { get; set; }
    [BindProperty(SupportsGet = true, Name = "manager")] public int? ManagerId { get; set; }
    [BindProperty(SupportsGet = true)] public OnboardingFilter? Onboarding { get; set; }
    /// <summary>Completed from this day (inclusive) to <see cref="CompletedBefore"/> (exclusive): a week of the dashboard's trend.</summary>
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? CompletedFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "before")] public DateOnly? CompletedBefore { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CompletionRow> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Sites { get; private set; } = [];
    /// <summary>The filters the form has no field for (set by a dashboard link), each with the link that removes it.</summary>
    public IReadOnlyList<(string Label, string RemoveLink)> OtherFilters { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public CompletionFilter Filter => new(DepartmentId, Status, Q)
    {
        SiteId = SiteId, JobTitle = Job, ManagerId = ManagerId, Onboarding = Onboarding,
        CompletedFrom = CompletedFrom, CompletedBefore = CompletedBefore,
    };

    /// <summary>Every filter as query values: kept by the pager, the export and the links that remove one filter.</summary>
    public Dictionary<string, string?> FilterValues => new()
    {
        ["department"] = DepartmentId?.ToString(CultureInfo.InvariantCulture),
        ["status"] = Status?.ToString(),
        ["q"] = Q,
        ["site"] = SiteId?.ToString(CultureInfo.InvariantCulture),
        ["job"] = Job,
        ["manager"] = ManagerId?.ToString(CultureInfo.InvariantCulture),
        ["onboarding"] = Onboarding?.ToString(),
        ["from"] = CompletedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["before"] = CompletedBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        Departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
        Sites = (await db.Sites.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
        var page = await CompletionQuery.PageAsync(db, Filter, clock, PageNumber, ct);
        (Rows, Total) = (page.Items, page.Total);
        Pager = new Pager(page.Number, page.Count, "p", FilterValues);
        OtherFilters = await DescribeOtherFiltersAsync(ct);
    }

    async Task<IReadOnlyList<(string, string)>> DescribeOtherFiltersAsync(CancellationToken ct)
    {
        var filters = new List<(string, string)>();
        if (!string.IsNullOrEmpty(Job)) filters.Add((L["Puesto: {0}", Job], Without("job")));
        if (ManagerId is int managerId)
        {
            var name = await db.Employees.AsNoTracking().Where(e => e.Id == managerId).Select(e => e.FullName).FirstOrDefaultAsync(ct);
            filters.Add((L["Equipo de {0}", name ?? "—"], Without("manager")));
        }
        if (Onboarding is OnboardingFilter onboarding)
            filters.Add((onboarding == OnboardingFilter.Late
                ? L["Incorporaciones con retraso"]
                : L["Incorporaciones que vencen en los próximos {0} días", CompletionQuery.OnboardingWindowDays], Without("onboarding")));
        if (CompletedFrom is not null || CompletedBefore is not null)
        {
            var culture = CultureInfo.CurrentCulture;
            filters.Add((L["Completada entre el {0} y el {1}", CompletedFrom?.ToString("d", culture) ?? "—",
                CompletedBefore?.AddDays(-1).ToString("d", culture) ?? "—"], Without("from", "before")));
        }
        return filters;
    }

    string Without(params string[] names) =>
        new Pager(1, 1, "p", FilterValues.Where(f => !names.Contains(f.Key)).ToDictionary()).Link(1);

    /// <summary>The whole filtered list as CSV, streamed row by row: UTF-8 with BOM for Excel, and no cell can become a formula.</summary>
    /// <param name="sep">"semicolon", "comma" or "tab"; otherwise the reader's locale decides.</param>
    public async Task<IActionResult> OnGetCsvAsync(string? sep, CancellationToken ct)
    {
        Today = clock.Today;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{L["Cumplimiento"].Value.ToLowerInvariant()}-{Today:yyyy-MM-dd}.csv\"";
        // By default the list separator Excel uses in the reader's locale: ";" in Spain, "," in English.
        var delimiter = sep switch { "semicolon" => ';', "comma" => ',', "tab" => '\t', _ => CultureInfo.CurrentCulture.TextInfo.ListSeparator[0] };
        await using var csv = new SpreadsheetSafeCsv(Response.Body, delimiter);
        await csv.WriteRowAsync(L["Número"], L["Nombre"], L["Puesto"], L["Departamento"], L["Centro"], L["Responsable"], L["Estado"], L["Fecha límite"], L["Fecha de finalización"], L["Código de verificación"]);
        await foreach (var row in CompletionQuery.Rows(db, Filter, clock).AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteRowAsync(row.EmployeeNumber, row.FullName, row.JobTitle, row.Department, row.Site, row.Manager,
                StatusLabel(row.Status(Today)),
                row.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.CompletedAt is { } completed ? clock.LocalDate(completed).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                row.CertificateCode);
        }
        return new EmptyResult();
    }

    public DateOnly? LocalDate(DateTime? utc) => utc is { } value ? clock.LocalDate(value) : null;

    public string StatusLabel(AssignmentStatus status) => StatusText.Of(status, L);

}
