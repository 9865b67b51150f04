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
    [BindProperty(SupportsGet = true)] public Dashboard.Dimension? Without { get; set; }
    /// <summary>Completed from this day (inclusive) to <see cref="CompletedBefore"/> (exclusive): a week of the dashboard's trend.</summary>
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? CompletedFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "before")] public DateOnly? CompletedBefore { get; set; }
    [BindProperty(SupportsGet = true, Name = "finding")] public int? FindingId { get; set; }
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
        SiteId = SiteId, JobTitle = Job, ManagerId = ManagerId, Onboarding = Onboarding, Without = Without,
        CompletedFrom = CompletedFrom, CompletedBefore = CompletedBefore, FindingId = FindingId,
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
        ["without"] = Without?.ToString(),
        ["from"] = CompletedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["before"] = CompletedBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["finding"] = FindingId?.ToString(CultureInfo.InvariantCulture),
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
        if (!string.IsNullOrEmpty(Job)) filters.Add((L["Puesto: {0}", Job], Removing("job")));
        if (Without is Dashboard.Dimension none)
            filters.Add((Dashboard.BreakdownText.Name(new Dashboard.GroupRow(null, null, 0, 0, 0), none, L), Removing("without")));
        if (ManagerId is int managerId)
        {
            var name = await db.Employees.AsNoTracking().Where(e => e.Id == managerId).Select(e => e.FullName).FirstOrDefaultAsync(ct);
            filters.Add((L["Equipo de {0}", name ?? "—"], Removing("manager")));
        }
        if (Onboarding is OnboardingFilter onboarding)
            filters.Add((onboarding == OnboardingFilter.Late
                ? L["Incorporaciones con retraso"]
                : L["Incorporaciones que vencen en los próximos {0} días", CompletionQuery.OnboardingWindowDays], Removing("onboarding")));
        if (CompletedFrom is not null || CompletedBefore is not null)
        {
            var culture = CultureInfo.CurrentCulture;
            // "before" is the day after the last one shown (and there is no day before the first one).
            var last = CompletedBefore is { } before && before > DateOnly.MinValue ? before.AddDays(-1) : CompletedBefore;
            filters.Add((L["Completada entre el {0} y el {1}", CompletedFrom?.ToString("d", culture) ?? "—",
                last?.ToString("d", culture) ?? "—"], Removing("from", "before")));
        }
        if (FindingId is int findingId) filters.Add((L["Repaso dirigido del hallazgo {0}", findingId], Removing("finding")));
        return filters;
    }

    string Removing(params string[] names) =>
        new Pager(1, 1, "p", FilterValues.Where(f => !names.Contains(f.Key)).ToDictionary()).Link(1);

    /// <summary>The whole filtered list as CSV, streamed row by row: UTF-8 with BOM for Excel, and no cell can become a formula.</summary>
    /// <param name="sep">"semicolon", "comma" or "tab"; otherwise the reader's locale decides.</param>
    public async Task<IActionResult> OnGetCsvAsync(string? sep, [FromServices] Audit.AuditLog audit, CancellationToken ct)
    {
        Today = clock.Today;
        await audit.RecordAsync(Audit.AuditActions.CompletionExported, details: FilterDetails(), ct: ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{L["Cumplimiento"].Value.ToLowerInvariant()}-{Today:yyyy-MM-dd}.csv\"";
        await CompletionCsv.WriteAsync(Response.Body, CompletionCsv.Delimiter(sep), CompletionQuery.Rows(db, Filter, clock).AsAsyncEnumerable(), Today, clock, L, ct);
        return new EmptyResult();
    }

    /// <summary>
    /// One ZIP with the current, non-revoked certificate of everyone the filter matches (streamed by
    /// <see cref="Certificates.CertificateZip"/>). With nobody to include, the list comes back with a message instead of an empty ZIP.
    /// </summary>
    public async Task<IActionResult> OnGetCertificatesAsync([FromServices] Certificates.CertificateZip zip,
        [FromServices] Audit.AuditLog audit, CancellationToken ct)
    {
        Today = clock.Today;
        var ids = new List<int>();
        await foreach (var row in CompletionQuery.Rows(db, Filter, clock).AsAsyncEnumerable().WithCancellation(ct))
            if (row.CertificateId is int id) ids.Add(id);
        ids = await zip.PrintableAsync(ids, ct);
        if (ids.Count == 0)
        {
            TempData["StatusMessage"] = L["Nadie de esta lista tiene un certificado vigente: no hay nada que descargar."].Value;
            return Redirect("/hr/completion" + QueryString.Create(FilterValues.Where(p => !string.IsNullOrEmpty(p.Value))));
        }

        var details = FilterDetails();
        details["certificates"] = ids.Count;
        await audit.RecordAsync(Audit.AuditActions.CertificatesDownloaded, details: details, ct: ct);
        return zip.Download(ids);
    }

    /// <summary>For the audit log: which filters the export or download used (an unfiltered one says so).</summary>
    Dictionary<string, object?> FilterDetails()
    {
        var used = FilterValues.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => (object?)f.Value);
        return used.Count == 0 ? new Dictionary<string, object?> { ["filter"] = "-" } : used;
    }

    public DateOnly? LocalDate(DateTime? utc) => utc is { } value ? clock.LocalDate(value) : null;

    public string StatusLabel(AssignmentStatus status) => StatusText.Of(status, L);

}
