using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Letters;

/// <summary>
/// A manager prints welcome letters from Mi equipo: for one of their own direct reports, or for every one of them without
/// email. Authorised by ownership — the selection is always narrowed to the signed-in manager's team, so any other
/// person's id finds nobody and is refused.
/// </summary>
[Authorize(Roles = Roles.Manager)]
public class TeamLettersModel(LetterPrinting letters, LetterRenderer renderer, IStringLocalizer<SharedResource> L) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Coaching/Team");

    public async Task<IActionResult> OnPostAsync(int? employeeId, LetterLayout layout, CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int me) return Forbid();
        if (!Enum.IsDefined(layout)) return BadRequest();
        var people = await letters.RecipientsAsync(new LetterSelection(EmployeeId: employeeId, ManagerId: me), ct);
        if (people.Count == 0)
        {
            // Someone else's id, or a person who needs no letter: neither is this manager's to print.
            if (employeeId is not null) return NotFound();
            TempData["StatusMessage"] = L["Nadie de tu equipo necesita carta: todos tienen correo electrónico."].Value;
            return RedirectToPage("/Coaching/Team");
        }
        var printed = await letters.PrintAsync(people, me, ct);
        return File(renderer.Render(printed, layout, L["Cartas de bienvenida"].Value), "application/pdf",
            Files.Name(L, printed.Count == 1 ? printed[0].Person.EmployeeNumber : null));
    }
}
