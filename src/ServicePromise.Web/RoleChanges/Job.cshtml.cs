using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.RoleChanges;

/// <summary>
/// HR changes a person's job title or site. The change, its audit entry and the request for new reflections it may
/// bring (<see cref="RoleChangeRecorder"/>) are saved together, or none of them.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class JobModel(AppDbContext db, RoleChangeRecorder roleChanges, AuditLog audit, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxJobTitle = 200;

    public sealed record SiteOption(int Id, string Name);

    public string FullName { get; private set; } = "";
    public string EmployeeNumber { get; private set; } = "";
    public IReadOnlyList<SiteOption> Sites { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? JobTitle { get; set; }
        public int? SiteId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var person = await db.Employees.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.JobTitle, e.SiteId }).SingleOrDefaultAsync(ct);
        if (person is null || !await LoadAsync(id, ct)) return NotFound();
        Input = new InputModel { JobTitle = person.JobTitle, SiteId = person.SiteId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var title = (Input.JobTitle ?? "").Trim();
        if (title.Length == 0) ModelState.AddModelError("Input.JobTitle", L["Escribe el puesto."]);
        else if (title.Length > MaxJobTitle) ModelState.AddModelError("Input.JobTitle", L["El puesto tiene {0} caracteres; el máximo es {1}.", title.Length, MaxJobTitle]);
        if (Input.SiteId is int site && Sites.All(s => s.Id != site)) ModelState.AddModelError("Input.SiteId", L["Ese centro no existe; elige uno de la lista."]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var person = await db.Employees.SingleAsync(e => e.Id == id, ct);
        var before = new JobPlace(person.JobTitle, person.SiteId);
        var after = new JobPlace(title, Input.SiteId);
        if (before == after)
        {
            TempData["StatusMessage"] = L["No había nada que cambiar."].Value;
            return RedirectToPage("/Reports/Person", new { id });
        }
        person.JobTitle = title;
        person.SiteId = Input.SiteId;
        string Place(JobPlace p) => p.JobTitle + " · " + (p.SiteId is int s ? Sites.First(x => x.Id == s).Name : "—");
        audit.Add(AuditActions.JobChanged, person.Id, AuditLog.Person(person.FullName, person.EmployeeNumber),
            new Dictionary<string, object?> { ["from"] = Place(before), ["to"] = Place(after) });
        await db.SaveChangesAsync(ct);
        var asked = await roleChanges.RecordAsync([new JobMove(person.Id, before, after)], RoleChangeSource.HrPage, ct);
        await transaction.CommitAsync(ct);
        TempData["StatusMessage"] = asked > 0
            ? L["Puesto guardado. Le hemos pedido que vuelva a escribir sus reflexiones para el nuevo puesto; su certificado sigue vigente."].Value
            : L["Puesto guardado."].Value;
        return RedirectToPage("/Reports/Person", new { id });
    }

    /// <summary>The person's name and the sites to choose from; false when there is no such person.</summary>
    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var person = await db.Employees.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.FullName, e.EmployeeNumber }).SingleOrDefaultAsync(ct);
        if (person is null) return false;
        (FullName, EmployeeNumber) = (person.FullName, person.EmployeeNumber);
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new SiteOption(s.Id, s.Name)).ToListAsync(ct);
        return true;
    }
}
