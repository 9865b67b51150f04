using Microsoft.AspNetCore.Mvc;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.RoleChanges;

/// <summary>
/// Above the home, a lesson and a reflection of a role-change assignment: the new job, and on a pillar the person's
/// previous reflection for reference. Only the signed-in person's own assignment is ever read.
/// </summary>
public sealed class RoleChangeBannerViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int assignmentId, string? pillarKey = null) =>
        UserClaimsPrincipal.GetEmployeeId() is int me
        && await RoleChangeQueries.BannerAsync(db, me, assignmentId, pillarKey, HttpContext.RequestAborted) is { } banner
            ? View("~/RoleChanges/_Banner.cshtml", banner)
            : Content("");
}

/// <summary>On Mi equipo: who of the manager's own team is re-contextualising, and how far they are. Nothing when nobody is.</summary>
public sealed class TeamRoleChangesViewComponent(AppDbContext db, Infrastructure.OrganisationClock clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var people = await RoleChangeQueries.TeamAsync(db, me, clock.Today, HttpContext.RequestAborted);
        return people.Count == 0 ? Content("") : View("~/RoleChanges/_Team.cshtml", people);
    }
}
