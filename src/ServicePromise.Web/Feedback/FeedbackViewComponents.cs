using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Feedback;

/// <summary>What the site block shows: the results (null: none yet) and whether to say so (Mi equipo) or show nothing (the home).</summary>
public sealed record SiteResultsBlock(SiteResultsView? Results, bool SayWhenEmpty);

/// <summary>Mi equipo's feedback block: the manager's site's results and their team's targeted refreshers.</summary>
public sealed record TeamFeedbackBlock(SiteResultsBlock Site, IReadOnlyList<FindingRefresher> Refreshers, StandardsText Texts);

/// <summary>Pillar titles and standard wordings of the current edition in the reader's language, for the refreshers' findings.</summary>
public sealed record StandardsText(IReadOnlyDictionary<string, string> Pillars, IReadOnlyDictionary<string, string> Standards);

/// <summary>
/// "Cómo lo está haciendo tu tienda" on the employee's home: only the signed-in person's own site, nothing when it has
/// no result. The page passes the edition of the person's assignment (the standards they learned); without one, the
/// current edition's.
/// </summary>
public sealed class SiteResultsViewComponent(SiteResults results, AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? editionId = null, string? contentHash = null)
    {
        var ct = HttpContext.RequestAborted;
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        if (editionId is null || contentHash is null)
        {
            var current = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => new { e.Id, e.ContentHash }).FirstOrDefaultAsync(ct);
            if (current is null) return Content("");
            (editionId, contentHash) = (current.Id, current.ContentHash);
        }
        var view = await results.ForEmployeeAsync(me, (editionId.Value, contentHash), ct);
        return View("~/Feedback/_SiteResults.cshtml", new SiteResultsBlock(view, SayWhenEmpty: false));
    }
}

/// <summary>The feedback block of Mi equipo, for the signed-in manager only (their site, their direct reports).</summary>
public sealed class TeamFeedbackViewComponent(SiteResults results, AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var site = await results.SiteOfManagerAsync(me, ct);
        var view = site is int id ? await results.ForSiteAsync(id, ct) : null;
        var refreshers = await TeamRefreshers.OfManagerAsync(db, me, ct);
        var texts = refreshers.Count == 0 ? new StandardsText(new Dictionary<string, string>(), new Dictionary<string, string>()) : await results.CurrentTextsAsync(ct);
        return View("~/Feedback/_TeamFeedback.cshtml", new TeamFeedbackBlock(new SiteResultsBlock(view, SayWhenEmpty: true), refreshers, texts));
    }
}
