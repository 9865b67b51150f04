using Microsoft.AspNetCore.Mvc;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Findings;

/// <summary>
/// The finding an assignment answers, above the lesson and the reflection of the finding's pillar: a targeted refresher's,
/// or that of the role change that replaced one unfinished. Nothing for any other assignment or pillar, and only those
/// two reasons even look for one.
/// </summary>
public sealed class FindingBannerViewComponent(FindingQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(MyAssignment assignment, string pillarKey) =>
        assignment.Reason is AssignmentReason.Finding or AssignmentReason.RoleChange
            && await queries.BannerFor(assignment.AssignmentId, pillarKey, HttpContext.RequestAborted) is { } banner
            ? View("~/Findings/_Banner.cshtml", banner)
            : Content("");
}
