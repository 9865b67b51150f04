using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Practice;

/// <summary>The question as the card shows it before marking: its text and options, never which is right or why.</summary>
public sealed record ShownPracticeQuestion(int AnswerId, string PillarKey, string PillarTitle, string Text, bool Multiple, IReadOnlyList<(int Index, string Text)> Options);

/// <summary>The result after marking: right or wrong, each chosen option with its explanation, the lesson part to re-read.</summary>
public sealed record MarkedPracticeQuestion(bool Right, IReadOnlyList<(string Answer, string Explanation)> Chosen, string LessonLink, bool OffersReread);

/// <summary>The home's "Pregunta de la semana" card: the question (or its result) and the person's knowledge kept.</summary>
/// <param name="JustMarked">The result follows the person's own answer, this request: the focus goes to it (a screen reader reads it).</param>
public sealed record WeeklyQuestionCard(ShownPracticeQuestion Question, MarkedPracticeQuestion? Marked, int? KeptPercent, int KeptAnswers, int KeptDays, bool JustMarked = false);

/// <summary>
/// "Pregunta de la semana" on the home of a certified person: this week's question made by <see cref="WeeklyQuestions"/>,
/// the unanswered one first (else the one just answered, else the week's last), with the knowledge kept — one query.
/// </summary>
public sealed class WeeklyQuestionViewComponent(AppDbContext db, PublishedEditions editions, OrganisationClock clock, IOptions<PracticeOptions> options) : ViewComponent
{
    /// <summary>TempData key: the question just marked, so its result is shown even when another of the week is still open.</summary>
    public const string JustMarked = "PracticeMarked";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!options.Value.Enabled || UserClaimsPrincipal.GetEmployeeId() is not int me) return Content("");
        var week = PracticeSchedule.WeekOf(clock.Today);
        var since = clock.UtcNow.AddDays(-options.Value.KeptDays);
        var marked = TempData[JustMarked] is int id ? id : 0;
        // One query: the question (scalar columns only, so SQLite needs no APPLY) with the person's counts as subqueries.
        var q = await db.PracticeAnswers.AsNoTracking().Where(a => a.EmployeeId == me && a.Week == week)
            .OrderBy(a => a.Id == marked ? 0 : a.AnsweredAt == null ? 1 : 2).ThenByDescending(a => a.Slot)
            .Join(db.Editions, a => a.EditionId, e => e.Id, (a, e) => new
            {
                a.Id, a.PillarKey, a.Question, a.EditionId, Hash = e.ContentHash, a.AnsweredAt, a.Right, a.Chosen, a.OffersReread,
                Answered = db.PracticeAnswers.Count(b => b.EmployeeId == me && b.AnsweredAt >= since),
                RightCount = db.PracticeAnswers.Count(b => b.EmployeeId == me && b.AnsweredAt >= since && b.Right),
            })
            .FirstOrDefaultAsync(ct);
        if (q is null) return Content("");
        if (PracticePool.Find(await editions.GetAsync(db, q.EditionId, q.Hash, ct), q.PillarKey, q.Question) is not { } found) return Content("");
        var (pillar, question) = found;
        var shown = new ShownPracticeQuestion(q.Id, q.PillarKey, pillar.Text.Title, question.Text, question.IsMultipleChoice,
            PracticePool.OptionOrder(q.Id, question.Options.Count).Select(o => (o, question.Options[o].Text)).ToList());
        var result = q.AnsweredAt is null ? null : new MarkedPracticeQuestion(q.Right,
            Understanding.CheckAnswer.ParseChosen(q.Chosen).Where(o => o < question.Options.Count).Select(o => (question.Options[o].Text, question.Options[o].Explanation)).ToList(),
            LessonLink(q.PillarKey, question), q.OffersReread);
        return View("~/Practice/_WeeklyQuestion.cshtml", new WeeklyQuestionCard(shown, result, PracticeSchedule.KeptPercent(q.RightCount, q.Answered), q.Answered, options.Value.KeptDays,
            JustMarked: result is not null && q.Id == marked));
    }

    /// <summary>
    /// The lesson part the question points back to (the top of the lesson when it names none), on the read-only
    /// lesson page: a certified person has no open assignment, so the learning flow's page would be a 404.
    /// </summary>
    public static string LessonLink(string pillarKey, CheckQuestion question) =>
        $"/practice/lesson/{Uri.EscapeDataString(pillarKey)}" + (question.Section is { } section ? "#" + Uri.EscapeDataString(section) : "");
}
