using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;

namespace ServicePromise.Web.Practice;

/// <summary>What the knowledge-kept blocks show: the tallies (one for a person, one per person of a team) and the window.</summary>
public sealed record KeptView(IReadOnlyList<KeptTally> Rows, int Days);

/// <summary>Mi equipo's "Conocimiento conservado": each of the signed-in manager's direct reports who answered weekly questions lately.</summary>
public sealed class TeamKnowledgeViewComponent(KnowledgeKept kept, IOptions<PracticeOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!options.Value.Enabled || UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        return View("~/Practice/_TeamKnowledge.cshtml", new KeptView(await kept.OfTeamAsync(me, HttpContext.RequestAborted), options.Value.KeptDays));
    }
}

/// <summary>Mi historial's "Conocimiento conservado": the signed-in person's own share of right weekly answers; nothing before the first answer.</summary>
public sealed class RecordKnowledgeViewComponent(KnowledgeKept kept, IOptions<PracticeOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!options.Value.Enabled || UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var mine = await kept.OfPersonAsync(me, HttpContext.RequestAborted);
        return mine.Answered == 0 ? Content("") : View("~/Practice/_RecordKnowledge.cshtml", new KeptView([mine], options.Value.KeptDays));
    }
}
