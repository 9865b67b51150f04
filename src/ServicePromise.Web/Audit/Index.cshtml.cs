using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Audit;

/// <summary>
/// "Registro de auditoría": every privileged action, newest first, filtered by action, person (who did it or whom it
/// was about — name, number or code) and dates, fifty to a page; the same selection as CSV. Admins only: the log
/// names what HR did too.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public class IndexModel(AppDbContext db, OrganisationClock clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(long Id, DateTime At, string Action, string ActorName, string Origin, string? Subject, string? Details);

    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Rows { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;
    public IReadOnlyDictionary<string, string?> FilterValues => new Dictionary<string, string?>
    {
        ["action"] = Action,
        ["q"] = Q,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Validate()) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Rows = await Filtered().OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new Row(e.Id, e.At, e.Action, e.ActorName, e.Origin, e.Subject, e.Details))
            .PageAsync(PageNumber, ct, PageSize);
        Pager = new Pager(Rows.Number, Rows.Count, "p", FilterValues);
        return Page();
    }

    /// <summary>The selection as CSV, oldest first like a ledger; the export is itself logged.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromServices] AuditLog audit, CancellationToken ct)
    {
        if (!Validate()) return await OnGetAsync(ct);
        var details = FilterValues.Where(f => !string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Key, f => (object?)f.Value);
        await audit.RecordAsync(AuditActions.AuditExported, details: details.Count == 0 ? new Dictionary<string, object?> { ["filter"] = "-" } : details, ct: ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{L["registro-auditoria"].Value}-{clock.Today:yyyy-MM-dd}.csv\"";
        await AuditCsv.WriteAsync(Response.Body, Reports.CompletionCsv.Delimiter(null),
            Filtered().OrderBy(e => e.Id).AsAsyncEnumerable(), clock, L, ct);
        return new EmptyResult();
    }

    bool Validate()
    {
        if (Action is { Length: > 0 } && !AuditActions.All.Contains(Action))
            ModelState.AddModelError(nameof(Action), L["Esa acción no existe; elige una de la lista."]);
        // Dates an organisation's log can hold; beyond them a day's end cannot even be computed.
        var earliest = new DateOnly(2000, 1, 1);
        var latest = new DateOnly(2999, 12, 31);
        if (From is { } f && (f < earliest || f > latest))
            ModelState.AddModelError(nameof(From), L["Elige una fecha entre {0} y {1}.", earliest.ToString("d", CultureInfo.CurrentCulture), latest.ToString("d", CultureInfo.CurrentCulture)]);
        if (To is { } t && (t < earliest || t > latest))
            ModelState.AddModelError(nameof(To), L["Elige una fecha entre {0} y {1}.", earliest.ToString("d", CultureInfo.CurrentCulture), latest.ToString("d", CultureInfo.CurrentCulture)]);
        if (From is { } from && To is { } to && to < from)
            ModelState.AddModelError(nameof(To), L["La fecha «hasta» es anterior a la fecha «desde»."]);
        if (Q is { Length: > 200 })
            ModelState.AddModelError(nameof(Q), L["La búsqueda tiene {0} caracteres; el máximo es {1}.", Q.Length, 200]);
        return ModelState.IsValid;
    }

    IQueryable<AuditEntry> Filtered()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!ModelState.IsValid) return query.Where(e => false);
        if (Action is { Length: > 0 } action) query = query.Where(e => e.Action == action);
        if (From is { } from)
        {
            var start = clock.StartOfDayUtc(from);
            query = query.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = clock.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        if (Q?.Trim() is { Length: > 0 } q)
        {
            // Names as written (the log keeps them as they were); numbers and codes match anywhere.
            var lower = q.ToLowerInvariant();
            // Translated to SQL LOWER(...) LIKE: the culture and StringComparison overloads CA1304/CA1311/CA1862 ask for do not translate.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(e => e.ActorName.ToLower().Contains(lower) || (e.Subject != null && e.Subject.ToLower().Contains(lower)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return query;
    }
}
