using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Content.Admin;

/// <summary>
/// Per language and pillar, the old and the new text side by side with what changed marked — lesson,
/// prompt and knowledge check alike — between two editions, or an edition and the unpublished folder.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public class DiffModel(AppDbContext db, ContentFolder folder, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <param name="Practice">The practice questions beyond the check (front matter 'practice'), if any.</param>
    public sealed record PillarTexts(string Title, string Summary, string Prompt, string Body, KnowledgeCheck? Check, KnowledgeCheck? Practice = null);
    /// <param name="Standards">The pillar's standards added, removed, reworded or with another threshold, in this language.</param>
    public sealed record PillarDiff(string Key, PillarTexts? Before, PillarTexts? After, IReadOnlyList<DiffLine> Lines, IReadOnlyList<StandardChange> Standards)
    {
        /// <summary>How many practice questions were added, removed or changed: shown apart because nobody redoes the pillar for them.</summary>
        public PracticeChange Practice => PracticeChanges.Between(Before?.Practice, After?.Practice);

        public bool Changed => Standards.Count > 0 || Lines.Any(l => l.Kind != DiffKind.Same);
    }

    /// <summary>Pillar texts by language, then by key.</summary>
    public sealed class EditionTexts : Dictionary<string, Dictionary<string, PillarTexts>>;

    public int From { get; private set; }
    public int? To { get; private set; }
    public IReadOnlyList<(string Language, IReadOnlyList<PillarDiff> Pillars)> Languages { get; private set; } = [];

    /// <summary>Without <paramref name="from"/>, compares with the previous edition: the one before <paramref name="to"/>, or the latest for the folder.</summary>
    public async Task<IActionResult> OnGetAsync(int? from, int? to, CancellationToken ct)
    {
        from ??= to is int target ? target - 1 : await db.Editions.MaxAsync(e => (int?)e.Number, ct);
        if (from is not int fromNumber) return RedirectToPage("/Content/Admin/Index");
        var before = await FromEditionAsync(fromNumber, ct);
        if (before is null) return NotFound();
        var standardsBefore = await StandardsByLanguage.OfEditionAsync(db, fromNumber, ct);
        EditionTexts? after;
        StandardsByLanguage standardsAfter;
        if (to is int number)
        {
            after = await FromEditionAsync(number, ct);
            standardsAfter = await StandardsByLanguage.OfEditionAsync(db, number, ct);
        }
        else
        {
            try
            {
                var content = folder.Load();
                after = FromFolder(content);
                standardsAfter = StandardsByLanguage.Of(content);
            }
            catch (ContentInvalidException)
            {
                return RedirectToPage("/Content/Admin/Index");
            }
        }
        if (after is null) return NotFound();
        (From, To) = (fromNumber, to);
        Languages = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal).Select(language =>
        {
            var b = before.GetValueOrDefault(language) ?? [];
            var a = after.GetValueOrDefault(language) ?? [];
            IReadOnlyList<PillarDiff> pillars = b.Keys.Union(a.Keys).Select(key =>
            {
                b.TryGetValue(key, out var old);
                a.TryGetValue(key, out var now);
                return new PillarDiff(key, old, now, TextDiff.Lines(Whole(old), Whole(now)),
                    StandardChanges.Between(standardsBefore.Of(language, key), standardsAfter.Of(language, key)));
            }).ToList();
            return (language, pillars);
        }).ToList();
        return Page();
    }

    /// <summary>Everything a reader meets for a pillar, as lines: the check's and the practice questions, right answers, explanations and sections included.</summary>
    string Whole(PillarTexts? t)
    {
        if (t is null) return "";
        var lines = new List<string> { "# " + t.Title, t.Summary, t.Prompt, t.Body };
        AddQuestions(lines, t.Check);
        if (t.Practice is { } practice)
        {
            lines.Add("## " + L["Preguntas de repaso"]);
            AddQuestions(lines, practice);
        }
        return string.Join('\n', lines);
    }

    static void AddQuestions(List<string> lines, KnowledgeCheck? questions)
    {
        foreach (var q in questions?.Questions ?? [])
        {
            lines.Add("? " + q.Text + (q.Section is { } section ? $" (#{section})" : ""));
            lines.AddRange(q.Options.Select(o => $"  [{(o.Correct ? "x" : " ")}] {o.Text} — {o.Explanation}"));
        }
    }

    static EditionTexts FromFolder(ContentSet content)
    {
        var texts = new EditionTexts();
        foreach (var l in content.Languages)
            texts[l.Language] = l.Pillars.ToDictionary(p => p.Key, p => new PillarTexts(p.Title, p.Summary, p.ReflectionPrompt, p.Body, p.Check, p.Practice));
        return texts;
    }

    async Task<EditionTexts?> FromEditionAsync(int number, CancellationToken ct)
    {
        var pillars = await db.Pillars.AsNoTracking().Where(p => p.Edition!.Number == number).OrderBy(p => p.Order)
            .Select(p => new { p.Key, Texts = p.Texts.ToList() }).ToListAsync(ct);
        if (pillars.Count == 0) return null;
        var texts = new EditionTexts();
        foreach (var p in pillars)
            foreach (var t in p.Texts)
            {
                if (!texts.TryGetValue(t.Language, out var byKey)) texts[t.Language] = byKey = [];
                byKey[p.Key] = new PillarTexts(t.Title, t.Summary, t.ReflectionPrompt, t.BodyMarkdown, KnowledgeCheck.FromJson(t.CheckJson), KnowledgeCheck.FromJson(t.PracticeJson));
            }
        return texts;
    }
}
