using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Content.Admin;

/// <summary>Any published edition, word for word as it was: editions are immutable and stay readable forever.</summary>
[Authorize(Roles = Roles.Admin)]
public class EditionModel(AppDbContext db) : PageModel
{
    public int Number { get; private set; }
    public string? ChangeNote { get; private set; }
    public EditionView Shown { get; private set; } = null!;
    public IReadOnlyList<string> Languages { get; private set; } = [];
    /// <summary>The edition people learn from now: its pillars link to what they understood of them.</summary>
    public bool IsCurrent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int number, string? lang, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Number == number)
            .Include(e => e.Texts).Include(e => e.Pillars).ThenInclude(p => p.Texts)
            .Include(e => e.Pillars).ThenInclude(p => p.Standards).ThenInclude(s => s.Texts)
            .AsSplitQuery().SingleOrDefaultAsync(ct);
        if (edition is null) return NotFound();
        Number = edition.Number;
        ChangeNote = edition.ChangeNote;
        IsCurrent = edition.Number == await db.Editions.MaxAsync(e => e.Number, ct);
        Languages = edition.Texts.Select(t => t.Language).Order().ToList();
        var language = Languages.Contains(lang ?? "") ? lang! : edition.DefaultLanguage;
        var all = Languages.Select(l => InLanguage(edition, l)).ToList();
        Shown = new EditionView(all.Single(l => l.Language == language), all);
        return Page();
    }

    /// <summary>The edition as the content folder said it in <paramref name="language"/> (a text it lacks: the default language's).</summary>
    static LanguageContent InLanguage(Edition edition, string language)
    {
        var promise = edition.Texts.Single(t => t.Language == language);
        return new LanguageContent(language,
            new PromiseContent(promise.Company, promise.Title, promise.Statement, promise.BodyMarkdown),
            edition.Pillars.OrderBy(p => p.Order)
                .Select(p => (p, t: p.Texts.InLanguage(t => t.Language, language, edition.DefaultLanguage)))
                .Select(x => new PillarContent(x.p.Key, x.p.Order, x.t.Title, x.t.Summary, x.t.ReflectionPrompt, x.t.BodyMarkdown, "",
                    x.p.ChangeKind, KnowledgeCheck.FromJson(x.t.CheckJson),
                    Standards: x.p.Standards.OrderBy(s => s.Order)
                        .Select(s => (s, t: s.Texts.InLanguage(t => t.Language, language, edition.DefaultLanguage)))
                        .Select(y => new StandardContent(y.s.Key, y.t.Wording, y.t.Measured, y.s.Threshold, 0)).ToList(),
                    Practice: KnowledgeCheck.FromJson(x.t.PracticeJson)))
                .ToList());
    }
}
