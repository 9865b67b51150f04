using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Coaching;

/// <summary>
/// HR's review queue: reflections of people without a manager, which HR reviews, and every reflection flagged as
/// nearly the same as someone else's, for HR to look at whoever reviews it.
/// </summary>
[Authorize(Roles = Roles.HrOrAdmin)]
public class HrReviewsModel(AppDbContext db, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int WaitingPage { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "fp")] public int FlaggedPage { get; set; } = 1;

    public QueueView Waiting { get; private set; } = null!;
    public QueueView Flagged { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var keep = new Dictionary<string, string?>
        {
            ["p"] = WaitingPage.ToString(CultureInfo.InvariantCulture),
            ["fp"] = FlaggedPage.ToString(CultureInfo.InvariantCulture),
        };
        var waiting = await ReviewQueue.Sent(db).Waiting().ReviewedByHr(User.GetEmployeeId()).PageAsync(WaitingPage, ct);
        Waiting = new QueueView("waiting", L["Reflexiones que revisa RR. HH."], L["No hay reflexiones de personas sin responsable esperando revisión."],
            waiting, new Pager(waiting.Number, waiting.Count, "p", keep, "waiting-heading"));
        var flagged = await ReviewQueue.Sent(db).Flagged().PageAsync(FlaggedPage, ct);
        Flagged = new QueueView("flagged", L["Reflexiones parecidas a otras"], L["Ninguna reflexión enviada se parece demasiado a la de otra persona."],
            flagged, new Pager(flagged.Number, flagged.Count, "fp", keep, "flagged-heading"));
    }
}
