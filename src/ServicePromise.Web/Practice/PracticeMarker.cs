using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Practice;

public enum MarkOutcome { Marked, AlreadyAnswered, NotCurrent, NoOption, UnknownOption }

/// <summary>
/// Marks a person's answer to one of their questions of this week and moves the question in their schedule
/// (<see cref="PracticeSchedule.After"/>), in one transaction. Only the person's own, unanswered question of the
/// current week is marked; a second submission of the same answer changes nothing.
/// </summary>
public sealed class PracticeMarker(AppDbContext db, PublishedEditions editions, OrganisationClock clock, IOptions<PracticeOptions> options)
{
    public async Task<MarkOutcome> MarkAsync(int employeeId, int answerId, IReadOnlyCollection<string> chosenValues, CancellationToken ct = default)
    {
        var week = PracticeSchedule.WeekOf(clock.Today);
        var row = await db.PracticeAnswers.AsNoTracking().Where(a => a.Id == answerId && a.EmployeeId == employeeId)
            .Select(a => new { a.Week, a.AnsweredAt, a.PillarKey, a.Question, a.EditionId, Hash = db.Editions.Where(e => e.Id == a.EditionId).Select(e => e.ContentHash).Single() })
            .SingleOrDefaultAsync(ct);
        if (row is null || row.Week != week) return MarkOutcome.NotCurrent;
        if (row.AnsweredAt is not null) return MarkOutcome.AlreadyAnswered;
        if (PracticePool.Find(await editions.GetAsync(db, row.EditionId, row.Hash, ct), row.PillarKey, row.Question) is not { } found) return MarkOutcome.NotCurrent;
        var question = found.Question;
        var chosen = new List<int>();
        foreach (var value in chosenValues)
        {
            if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var option)
                || option >= question.Options.Count) return MarkOutcome.UnknownOption;
            chosen.Add(option);
        }
        if (chosen.Count == 0) return MarkOutcome.NoOption;
        if (!question.IsMultipleChoice && chosen.Distinct().Count() > 1) return MarkOutcome.UnknownOption;

        var right = CheckGrading.Grade(new KnowledgeCheck([question]), new Dictionary<int, IReadOnlyCollection<int>> { [0] = chosen }, passMark: 0).Correct[0];
        var previous = await db.PracticeAnswers.AsNoTracking()
            .Where(a => a.EmployeeId == employeeId && a.PillarKey == row.PillarKey && a.AnsweredAt != null && a.Id != answerId)
            .OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).Select(a => (bool?)a.Right).FirstOrDefaultAsync(ct);
        var reread = PracticeSchedule.OffersReread(right, previous);
        var now = clock.UtcNow;
        var text = Understanding.CheckAnswer.FormatChosen(chosen);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim: only the first submission finds the row unanswered.
        var marked = await db.PracticeAnswers.Where(a => a.Id == answerId && a.AnsweredAt == null).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.AnsweredAt, now).SetProperty(a => a.Right, right).SetProperty(a => a.Chosen, text).SetProperty(a => a.OffersReread, reread), ct);
        if (marked == 0) return MarkOutcome.AlreadyAnswered;
        var item = await db.PracticeItems.SingleOrDefaultAsync(i => i.EmployeeId == employeeId && i.PillarKey == row.PillarKey && i.Question == row.Question, ct);
        if (item is null)
        {
            // A new edition restarted the pillar after the question was put: the answer still starts its schedule.
            item = new PracticeItem { EmployeeId = employeeId, PillarKey = row.PillarKey, Question = row.Question };
            db.PracticeItems.Add(item);
        }
        (item.Box, item.DueWeek) = PracticeSchedule.After(item.Box, right, week, options.Value.IntervalWeeks);
        item.MissesInARow = right ? 0 : item.MissesInARow + 1;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return MarkOutcome.Marked;
    }
}
