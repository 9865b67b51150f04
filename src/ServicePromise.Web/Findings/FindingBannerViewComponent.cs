using Microsoft.AspNetCore.Mvc;

namespace ServicePromise.Web.Findings;

/// <summary>The finding a targeted refresher answers, above its lesson and its reflection; nothing for any other assignment.</summary>
public sealed class FindingBannerViewComponent(FindingQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int assignmentId) =>
        await queries.BannerFor(assignmentId, HttpContext.RequestAborted) is { } banner
            ? View("~/Findings/_Banner.cshtml", banner)
            : Content("");
}
