using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;
using ServicePromise.Web.Reports.Dashboard;

namespace ServicePromise.Web.Understanding;

/// <summary>One group's first tries and how many of them were right; a null group is the people without one (no site, no job title…).</summary>
public sealed record GroupTally(string? Group, int Tries, int Right);

/// <summary>One question's first tries by group, and its wrong answers as chosen (<see cref="CheckAnswer.Chosen"/>) with how many chose them.</summary>
public sealed record QuestionTally(int Question, IReadOnlyList<GroupTally> Groups, IReadOnlyList<(string Chosen, int Count)> Wrong);

/// <summary>A pillar's first tries: the whole check (passed or not) by group, and each question.</summary>
public sealed record CheckTally(IReadOnlyList<GroupTally> Check, IReadOnlyList<QuestionTally> Questions);

/// <summary>One rubric criterion over the reviews of a group: how many reviewers marked it, and how many of those said it was met.</summary>
public sealed record CriterionTally(int Marked, int Met);

/// <summary>
/// The rubric of one group's reviewed reflections on a pillar: each person's latest review counts once.
/// </summary>
public sealed record RubricTally(string? Group, int Reviewed, CriterionTally SpecificToRole, CriterionTally NamesCustomer, CriterionTally ConcreteAction);

/// <summary>
/// The content owner's view of one pillar, counted by the database: GROUP BY over <see cref="CheckAnswer"/> rows and reviews,
/// never the rows themselves, so it reads a handful of rows per group at any size of company.
/// </summary>
public static class PillarUnderstandingQueries
{
    /// <summary>Each person's group in a breakdown: the name of their department or site, or their job title (null: none).</summary>
    sealed class PersonGroup
    {
        public int EmployeeId { get; init; }
        public string? Group { get; init; }
    }

    static IQueryable<PersonGroup> Groups(AppDbContext db, Dimension by) => by switch
    {
        Dimension.Department => db.Employees.AsNoTracking().Select(e => new PersonGroup { EmployeeId = e.Id, Group = e.Department!.Name }),
        // An empty job title is "no job title", as in the dashboard.
        Dimension.Job => db.Employees.AsNoTracking().Select(e => new PersonGroup { EmployeeId = e.Id, Group = e.JobTitle == "" ? null : e.JobTitle }),
        _ => db.Employees.AsNoTracking().Select(e => new PersonGroup { EmployeeId = e.Id, Group = e.Site!.Name }),
    };

    /// <summary>The first tries at a pillar's check (<see cref="CheckedPillar.SameCheckPillarIds"/>), whole and per question, by group.</summary>
    public static async Task<CheckTally> CheckAsync(AppDbContext db, IReadOnlyCollection<int> pillarIds, Dimension by, CancellationToken ct)
    {
        var firsts = UnderstandingQueries.FirstTries(db, pillarIds);
        var rows = firsts.Join(Groups(db, by), a => a.EmployeeId, g => g.EmployeeId, (a, g) => new { a.Question, a.Correct, a.AttemptPassed, g.Group });
        // Every row of an attempt carries its result; question 0 exists in every attempt, so it stands for the attempt.
        var check = await rows.Where(r => r.Question == 0).GroupBy(r => r.Group)
            .Select(g => new GroupTally(g.Key, g.Count(), g.Count(r => r.AttemptPassed))).ToListAsync(ct);
        var questions = await rows.GroupBy(r => new { r.Question, r.Group })
            .Select(g => new { g.Key.Question, g.Key.Group, Tries = g.Count(), Right = g.Count(r => r.Correct) }).ToListAsync(ct);
        var wrong = await firsts.Where(a => !a.Correct).GroupBy(a => new { a.Question, a.Chosen })
            .Select(g => new { g.Key.Question, g.Key.Chosen, Count = g.Count() }).ToListAsync(ct);
        return new CheckTally(check, questions.GroupBy(q => q.Question).OrderBy(q => q.Key).Select(q => new QuestionTally(q.Key,
                q.Select(x => new GroupTally(x.Group, x.Tries, x.Right)).ToList(),
                wrong.Where(w => w.Question == q.Key).Select(w => (w.Chosen, w.Count)).ToList()))
            .ToList());
    }

    /// <summary>
    /// The rubric of the reviewed reflections on a pillar (by key, in any edition), by group: each person's latest review
    /// counts once, so a reflection returned and then approved counts as approved.
    /// </summary>
    public static async Task<IReadOnlyList<RubricTally>> RubricAsync(AppDbContext db, string key, Dimension by, CancellationToken ct)
    {
        var reviews = db.ReflectionReviews.AsNoTracking().Where(r => r.Reflection!.AssignmentPillar!.Pillar!.Key == key);
        var latest = reviews.GroupBy(r => r.Reflection!.AssignmentPillar!.Assignment!.EmployeeId).Select(g => g.Max(r => r.Id));
        var groups = await reviews.Where(r => latest.Contains(r.Id))
            .Join(Groups(db, by), r => r.Reflection!.AssignmentPillar!.Assignment!.EmployeeId, g => g.EmployeeId,
                (r, g) => new { g.Group, r.SpecificToRole, r.NamesCustomer, r.ConcreteAction })
            .GroupBy(r => r.Group)
            .Select(g => new
            {
                g.Key, Reviewed = g.Count(),
                RoleMarked = g.Count(r => r.SpecificToRole != null), RoleMet = g.Count(r => r.SpecificToRole == true),
                CustomerMarked = g.Count(r => r.NamesCustomer != null), CustomerMet = g.Count(r => r.NamesCustomer == true),
                ActionMarked = g.Count(r => r.ConcreteAction != null), ActionMet = g.Count(r => r.ConcreteAction == true),
            })
            .ToListAsync(ct);
        return groups.Select(g => new RubricTally(g.Key, g.Reviewed, new(g.RoleMarked, g.RoleMet), new(g.CustomerMarked, g.CustomerMet),
            new(g.ActionMarked, g.ActionMet))).ToList();
    }
}
