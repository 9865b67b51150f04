using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;
using ServicePromise.Web.Reports.Dashboard;

namespace ServicePromise.Web.Understanding;

/// <summary>
/// For the content owner, one pillar of the current edition: which questions its people get right at the first try, by
/// department, site or job title, which wrong options they choose, and (with reviews on) how their reflections meet the rubric.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public class PillarUnderstandingModel(AppDbContext db, MarkdownRenderer renderer, IOptions<UnderstandingOptions> options, IOptions<ReflectionOptions> reflections) : PageModel
{
    /// <summary>The breakdowns offered: those of the dashboard that group people (a manager's team is not a content question).</summary>
    public static readonly IReadOnlyList<Dimension> Breakdowns = [Dimension.Department, Dimension.Site, Dimension.Job];

    public sealed record ShownWrongOption(string Text, int Count);
    /// <param name="Section">The lesson part the question points back to (a heading id), and its words.</param>
    public sealed record ShownQuestion(int Number, string Text, string? Section, string? SectionTitle, ShownRate Overall,
        IReadOnlyList<ShownGroup> Groups, IReadOnlyList<ShownWrongOption> Wrong);
    /// <summary>One breakdown table of the page: the groups' first-try rates under a caption.</summary>
    public sealed record GroupTable(string Caption, Dimension By, IReadOnlyList<ShownGroup> Groups, int MinimumGroup);
    public sealed record ShownCriterion(string? Group, int Reviewed, ShownRate SpecificToRole, ShownRate NamesCustomer, ShownRate ConcreteAction);

    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "by")] public string? ByName { get; set; }

    public Dimension By { get; private set; } = Dimension.Site;
    public string Title { get; private set; } = "";
    public string Language { get; private set; } = "";
    public int MinimumGroup => options.Value.MinimumGroup;
    public bool HasCheck { get; private set; }
    public ShownRate Check { get; private set; } = new(0, null, false);
    public IReadOnlyList<ShownGroup> CheckGroups { get; private set; } = [];
    public IReadOnlyList<ShownQuestion> Questions { get; private set; } = [];
    /// <summary>Null when reviews are off: there is no rubric to show.</summary>
    public IReadOnlyList<ShownCriterion>? Rubric { get; private set; }
    public ShownCriterion? RubricOverall { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        By = Breakdowns.FirstOrDefault(d => string.Equals(d.ToString(), ByName, StringComparison.OrdinalIgnoreCase), Dimension.Site);
        var pillar = await db.Pillars.AsNoTracking().Where(p => p.Key == Key && p.Edition!.Number == db.Editions.Max(e => e.Number))
            .Select(p => new { p.HasCheck, p.Edition!.DefaultLanguage, Texts = p.Texts.Select(t => new { t.Language, t.Title, t.BodyMarkdown, t.CheckJson }).ToList() })
            .SingleOrDefaultAsync(ct);
        if (pillar is null) return NotFound();
        var text = pillar.Texts.InLanguage(t => t.Language, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, pillar.DefaultLanguage);
        (Title, Language, HasCheck) = (text.Title, text.Language, pillar.HasCheck);
        var min = MinimumGroup;

        if (KnowledgeCheck.FromJson(text.CheckJson) is { } check
            && (await UnderstandingQueries.CurrentCheckedPillarsAsync(db, ct)).SingleOrDefault(p => p.Key == Key) is { } checkedPillar)
        {
            var tally = await PillarUnderstandingQueries.CheckAsync(db, checkedPillar.SameCheckPillarIds, By, ct);
            Check = UnderstandingRules.Overall(tally.Check, min);
            CheckGroups = UnderstandingRules.ByGroup(tally.Check, min);
            var headings = renderer.Headings(text.BodyMarkdown);
            Questions = tally.Questions.Where(q => q.Question < check.Questions.Count).Select(q =>
            {
                var question = check.Questions[q.Question];
                var overall = UnderstandingRules.Overall(q.Groups, min);
                // The wrong options of a group too small to show would tell what its few people answered.
                var wrong = overall.TooSmall ? [] : UnderstandingRules.WrongOptions(question, q.Wrong)
                    .Select(w => new ShownWrongOption(question.Options[w.Option].Text, w.Count)).ToList();
                return new ShownQuestion(q.Question + 1, question.Text, question.Section,
                    question.Section is { } section ? headings.GetValueOrDefault(section) : null,
                    overall, UnderstandingRules.ByGroup(q.Groups, min), wrong);
            }).ToList();
        }

        if (reflections.Value.ReviewRequired)
        {
            var rubric = await PillarUnderstandingQueries.RubricAsync(db, Key, By, ct);
            Rubric = rubric.OrderBy(g => g.Group is null).ThenBy(g => g.Group, StringComparer.CurrentCulture).Select(g => Shown(g, min)).ToList();
            RubricOverall = Shown(new RubricTally(null, rubric.Sum(g => g.Reviewed), Sum(rubric, g => g.SpecificToRole),
                Sum(rubric, g => g.NamesCustomer), Sum(rubric, g => g.ConcreteAction)), min);
        }
        return Page();
    }

    static CriterionTally Sum(IEnumerable<RubricTally> groups, Func<RubricTally, CriterionTally> criterion) =>
        new(groups.Sum(g => criterion(g).Marked), groups.Sum(g => criterion(g).Met));

    static ShownCriterion Shown(RubricTally g, int min) => new(g.Group, g.Reviewed,
        UnderstandingRules.Show(g.SpecificToRole.Met, g.SpecificToRole.Marked, min),
        UnderstandingRules.Show(g.NamesCustomer.Met, g.NamesCustomer.Marked, min),
        UnderstandingRules.Show(g.ConcreteAction.Met, g.ConcreteAction.Marked, min));

    /// <summary>The preview of the content at this pillar (or at one part of its lesson), in the language shown here.</summary>
    public string PreviewLink(string? section = null) =>
        $"/admin/content/preview?lang={Uri.EscapeDataString(Language)}#{(section is null ? "pillar-" + Key : Key + "-" + section)}";

    public GroupTable Table(string caption, IReadOnlyList<ShownGroup> groups) => new(caption, By, groups, MinimumGroup);

    public string BreakdownLink(Dimension by) => $"/admin/content/understanding/{Uri.EscapeDataString(Key)}?by={BreakdownText.Segment(by)}";
}
