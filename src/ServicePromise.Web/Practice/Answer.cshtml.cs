using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Practice;

/// <summary>
/// Marks the weekly question from the home card and goes back to it (post/redirect/get): a resent form changes
/// nothing, and a question that is not the person's own current one, or an option it does not have, is refused with a message.
/// </summary>
[Authorize(Roles = Roles.Employee)]
public class AnswerModel(PracticeMarker marker, IStringLocalizer<SharedResource> L) : PageModel
{
    public IActionResult OnGet() => Redirect("/#practice");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (User.GetEmployeeId() is not int me) return Redirect("/");
        var outcome = await marker.MarkAsync(me, id, Request.Form["o"].Select(v => v ?? "").ToList(), ct);
        var message = outcome switch
        {
            MarkOutcome.NotCurrent => L["Esa pregunta ya no es tu pregunta de esta semana; te mostramos la actual."],
            MarkOutcome.NoOption => L["Elige una respuesta antes de responder."],
            MarkOutcome.UnknownOption => L["Esa respuesta no es una de las opciones de la pregunta. Elige una de la lista."],
            _ => null,
        };
        if (message is not null) TempData["StatusMessage"] = message.Value;
        else TempData[WeeklyQuestionViewComponent.JustMarked] = id;
        return Redirect("/#practice");
    }
}
