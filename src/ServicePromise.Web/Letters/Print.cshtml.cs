using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Letters;

/// <summary>
/// HR prints welcome letters for people without email (from Plantilla): one person, or everyone of a site, a department
/// or a manager's team who has none, as letters or cut-out cards. From a person's page, one person with an email too, when
/// they cannot use it. Each print gives new codes and ends the old ones.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class PrintModel(AppDbContext db, LetterPrinting letters, LetterRenderer renderer, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed record Choice(int Id, string Name);

    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        public int? EmployeeId { get; set; }
        [Display(Name = "Centro")] public int? SiteId { get; set; }
        [Display(Name = "Departamento")] public int? DepartmentId { get; set; }
        [Display(Name = "Equipo de")] public int? ManagerId { get; set; }
        public LetterLayout Layout { get; set; }
        /// <summary>A batch also holds people whose letter still works (it ends): a lost pile of letters, printed again.</summary>
        public bool Reprint { get; set; }
    }

    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> Departments { get; private set; } = [];
    public IReadOnlyList<Choice> Managers { get; private set; } = [];
    /// <summary>Everyone a letter may be printed for now.</summary>
    public int Waiting { get; private set; }
    /// <summary>Who a batch holds now: no password yet, no letter that still works.</summary>
    public int AwaitingFirstLetter { get; private set; }
    /// <summary>The person chosen from their page, when the letter is for one person.</summary>
    public string? PersonName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? employeeId, CancellationToken ct)
    {
        Input.EmployeeId = employeeId;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // One person chosen on their page may have an email they cannot use; a batch is for the people without one.
        var selection = new LetterSelection(Input.EmployeeId, Input.SiteId, Input.DepartmentId, Input.ManagerId, EvenWithEmail: Input.EmployeeId is not null, Reprint: Input.Reprint);
        if (selection.IsEmpty) ModelState.AddModelError(string.Empty, L["Elige para quién son las cartas: un centro, un departamento o un equipo."]);
        if (!Enum.IsDefined(Input.Layout)) ModelState.AddModelError("Input.Layout", L["Elige cartas o tarjetas."]);
        var people = ModelState.IsValid ? await letters.RecipientsAsync(selection, ct) : [];
        if (ModelState.IsValid && people.Count == 0)
            ModelState.AddModelError(string.Empty, Input.EmployeeId is not null
                ? L["A esta persona no se le imprime carta: está dada de baja o es de RR. HH. o administradora (sus cuentas las cambia una persona administradora)."]
                : L["Nadie de esa selección espera carta. En lote solo se imprimen para personas activas sin correo que aún no tienen contraseña ni una carta sin usar (salvo que pidas reimprimirlas). A quien olvidó su contraseña se le imprime la carta desde su ficha."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var title = L["Cartas de bienvenida"].Value;
        var pdf = await letters.PrintAsync(people, User.GetEmployeeId(), printed => renderer.Render(printed, Input.Layout, title), ct);
        return File(pdf, "application/pdf", LetterFileName.For(L, people.Count == 1 ? people[0].EmployeeNumber : null));
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        Departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new Choice(d.Id, d.Name)).ToListAsync(ct);
        Managers = await db.Employees.AsNoTracking().Where(m => m.IsActive && db.Employees.Any(e => e.ManagerId == m.Id && e.IsActive))
            .OrderBy(m => m.SearchName).Select(m => new Choice(m.Id, m.FullName)).ToListAsync(ct);
        Waiting = await letters.WithoutEmail().CountAsync(ct);
        AwaitingFirstLetter = await letters.BatchEligible().CountAsync(ct);
        if (Input.EmployeeId is int id)
            PersonName = await db.Employees.AsNoTracking().Where(e => e.Id == id).Select(e => e.FullName).SingleOrDefaultAsync(ct);
    }
}
