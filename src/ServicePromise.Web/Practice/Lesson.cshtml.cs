using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Practice;

/// <summary>
/// A pillar's lesson of the current edition, read-only: where the weekly question's "re-read" link goes. The learning
/// flow (<c>/pillars/{key}</c>) only opens for someone with an open assignment, so a certified person got a 404 there;
/// this page reads the lesson without touching any progress. An unknown pillar is a 404.
/// </summary>
[Authorize]
public class LessonModel(AppDbContext db, PublishedEditions editions) : PageModel
{
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string LessonHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string pillarKey, CancellationToken ct)
    {
        var current = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => new { e.Id, e.ContentHash }).FirstOrDefaultAsync(ct);
        if (current is null) return NotFound();
        var edition = await editions.GetAsync(db, current.Id, current.ContentHash, ct);
        if (edition.Pillars.FirstOrDefault(p => p.Key == pillarKey) is not { } pillar) return NotFound();
        var text = PracticePool.TextIn(edition, pillar, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        (Title, Summary, LessonHtml) = (text.Text.Title, text.Text.Summary, text.LessonHtml);
        return Page();
    }
}
