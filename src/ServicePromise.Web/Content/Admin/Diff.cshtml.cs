using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Content.Admin;

/// <summary>Per pillar, the old and the new text side by side with what changed marked: between two editions, or an edition and the unpublished folder.</summary>
[Authorize(Roles = Roles.Admin)]
public class DiffModel(AppDbContext db, ContentFolder folder) : PageModel
{
    public sealed record PillarTexts(string Title, string Summary, string Prompt, string Body);
    public sealed record PillarDiff(string Key, PillarTexts? Before, PillarTexts? After, IReadOnlyList<DiffLine> Lines);

    public int From { get; private set; }
    public int? To { get; private set; }
    public IReadOnlyList<PillarDiff> Pillars { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int from, int? to, CancellationToken ct)
    {
        var before = await EditionTextsAsync(from, ct);
        if (before is null) return NotFound();
        IReadOnlyDictionary<string, PillarTexts>? after;
        if (to is int number) after = await EditionTextsAsync(number, ct);
        else
        {
            try
            {
                after = folder.Load().Default.Pillars.ToDictionary(p => p.Key, p => new PillarTexts(p.Title, p.Summary, p.ReflectionPrompt, p.Body));
            }
            catch (ContentInvalidException)
            {
                return RedirectToPage("/Content/Admin/Index");
            }
        }
        if (after is null) return NotFound();
        (From, To) = (from, to);
        Pillars = before.Keys.Union(after.Keys).Select(key =>
        {
            before.TryGetValue(key, out var b);
            after.TryGetValue(key, out var a);
            return new PillarDiff(key, b, a, TextDiff.Lines(Whole(b), Whole(a)));
        }).ToList();
        return Page();
    }

    static string Whole(PillarTexts? t) => t is null ? "" : string.Join('\n', "# " + t.Title, t.Summary, t.Prompt, t.Body);

    async Task<IReadOnlyDictionary<string, PillarTexts>?> EditionTextsAsync(int number, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Number == number)
            .Select(e => new
            {
                e.DefaultLanguage,
                Pillars = e.Pillars.OrderBy(p => p.Order).Select(p => new { p.Key, Texts = p.Texts.ToList() }).ToList(),
            }).SingleOrDefaultAsync(ct);
        return edition?.Pillars.ToDictionary(p => p.Key, p =>
        {
            var t = p.Texts.First(x => x.Language == edition.DefaultLanguage);
            return new PillarTexts(t.Title, t.Summary, t.ReflectionPrompt, t.BodyMarkdown);
        });
    }
}
