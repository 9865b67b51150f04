using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Reflections;
using ServicePromise.Web.Understanding;

namespace ServicePromise.Tests.Support;

/// <summary>
/// Knowledge-check attempts and reviews written straight into a site's database for the pages that count them: an attempt
/// is recorded as the check page records it (a submitted <see cref="CheckAttempt"/> and its rows through <see cref="CheckAnswerRecorder"/>).
/// </summary>
public static class UnderstandingSeed
{
    /// <summary>
    /// A submitted attempt by the demo person <paramref name="employeeNumber"/> at their current assignment's pillar
    /// <paramref name="key"/>, choosing <paramref name="chosen"/> (by question index); passed when every question is right.
    /// </summary>
    public static Task AttemptAsync(this AppFactory app, string employeeNumber, string key, params int[][] chosen) =>
        app.WithDbAsync(async db =>
        {
            var pillar = await db.AssignmentPillars.Where(p => p.Assignment!.Employee!.EmployeeNumber == employeeNumber && p.Pillar!.Key == key)
                .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.PillarId }).FirstAsync();
            var check = KnowledgeCheck.FromJson(await db.PillarTexts.Where(t => t.PillarId == pillar.PillarId && t.CheckJson != null)
                .Select(t => t.CheckJson).FirstAsync())!;
            var answers = chosen.Select((c, i) => (i, c)).ToDictionary(x => x.i, x => (IReadOnlyCollection<int>)x.c);
            var result = CheckGrading.Grade(check, answers, passMark: 100);
            var now = DateTime.UtcNow;
            var attempt = new CheckAttempt
            {
                AssignmentPillarId = pillar.Id, Number = await db.CheckAttempts.CountAsync(a => a.AssignmentPillarId == pillar.Id) + 1,
                StartedAt = now, SubmittedAt = now, Presentation = "[]", Answers = CheckGrading.ToJson(answers),
                Score = result.Score, Passed = result.Passed,
            };
            db.CheckAttempts.Add(attempt);
            await db.SaveChangesAsync();
            await CheckAnswerRecorder.AddAsync(db, attempt.Id, check, answers, default);
            return await db.SaveChangesAsync();
        });

    /// <summary>A reviewer's decision with its rubric on the demo person's accepted reflection on pillar <paramref name="key"/>.</summary>
    public static Task ReviewAsync(this AppFactory app, string employeeNumber, string key, ReviewDecision decision,
        bool? specificToRole, bool? namesCustomer, bool? concreteAction) =>
        app.WithDbAsync(async db =>
        {
            var reflection = await db.Reflections.Where(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == employeeNumber && r.AssignmentPillar.Pillar!.Key == key)
                .Select(r => new { r.Id, Reviewer = r.AssignmentPillar!.Assignment!.Employee!.ManagerId }).FirstAsync();
            db.ReflectionReviews.Add(new ReflectionReview
            {
                ReflectionId = reflection.Id, VersionNumber = await db.ReflectionReviews.CountAsync(r => r.ReflectionId == reflection.Id) + 1,
                ReviewerId = reflection.Reviewer!.Value, Decision = decision, SpecificToRole = specificToRole, NamesCustomer = namesCustomer,
                ConcreteAction = concreteAction, DecidedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
}
