using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Letters;

/// <summary>
/// A manager prints welcome letters from Mi equipo: for one of their own direct reports, or for every one of them without
/// email who has no password and no working letter yet. Authorised by ownership — the selection is always narrowed to the signed-in manager's team, so any other
/// person's id finds nobody and is refused.
/// </summary>
[Authorize(Roles = Roles.Manager)]
public class TeamLettersModel(LetterPrinting letters, LetterRenderer renderer, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        /// <summary>One of the manager's people; none for every one of them waiting for a first letter.</summary>
        public int? EmployeeId { get; set; }
        public LetterLayout Layout { get; set; }
    }

    public IActionResult OnGet() => RedirectToPage("/Coaching/Team");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int me) return Forbid();
        if (!ModelState.IsValid || !Enum.IsDefined(Input.Layout)) return BadRequest();
        var employeeId = Input.EmployeeId;
        var people = await letters.RecipientsAsync(new LetterSelection(EmployeeId: employeeId, ManagerId: me), ct);
        if (people.Count == 0)
        {
            // Someone else's id, or a person who needs no letter: neither is this manager's to print.
            if (employeeId is not null) return NotFound();
            TempData["StatusMessage"] = L["Nadie de tu equipo espera su primera carta: quien ya tiene contraseña o una carta sin usar no va en las tarjetas. Si alguien olvidó su contraseña, imprime su carta con el botón de su fila."].Value;
            return RedirectToPage("/Coaching/Team");
        }
        var title = L["Cartas de bienvenida"].Value;
        var pdf = await letters.PrintAsync(people, me, printed => renderer.Render(printed, Input.Layout, title), ct);
        return File(pdf, "application/pdf", LetterFileName.For(L, people.Count == 1 ? people[0].EmployeeNumber : null));
    }
}
