using Microsoft.AspNetCore.Mvc;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.CheckIns;

/// <summary>
/// The home page's check-in card, for the signed-in person only: their check-ins that are due (by the organisation's
/// clock) and the ones their manager replied to lately. One query; nothing at all when there is neither.
/// </summary>
public sealed class CheckInCardViewComponent(AppDbContext db, OrganisationClock clock) : ViewComponent
{
    /// <summary>A reply stays on the card this long after it was written.</summary>
    public const int RepliesShownDays = 14;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var today = clock.Today;
        var since = clock.UtcNow.AddDays(-RepliesShownDays);
        var rows = await CheckInRows.ListAsync(db.CommitmentCheckIns.Where(c => c.EmployeeId == me
            && ((c.AnsweredAt == null && c.CancelledAt == null && c.DueOn <= today) || c.Replies.Any(r => r.WrittenAt >= since))), HttpContext.RequestAborted);
        return rows.Count == 0 ? Content("") : View("~/CheckIns/_Card.cshtml", rows.OrderBy(r => r.DueOn).ToList());
    }
}

/// <summary>Mi equipo's commitments block: the signed-in manager's direct reports' plans and check-ins, newest first.</summary>
public sealed class TeamCheckInsViewComponent(AppDbContext db) : ViewComponent
{
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var rows = await CheckInRows.ListAsync(db.CommitmentCheckIns
            .Where(c => c.Employee!.ManagerId == me && c.Employee.IsActive && c.CancelledAt == null)
            .OrderByDescending(c => c.AnsweredAt ?? c.CreatedAt).Take(Shown), HttpContext.RequestAborted);
        return View("~/CheckIns/_Team.cshtml", rows);
    }
}
