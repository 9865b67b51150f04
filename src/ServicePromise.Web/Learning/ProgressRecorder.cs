using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Data;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Learning;

/// <summary>
/// Records what an employee does on a pillar and, when the last pillar is done, completes the assignment
/// and issues its certificate in the same transaction, so progress and proof never disagree.
/// </summary>
public sealed class ProgressRecorder(AppDbContext db, TimeProvider clock, CertificateIssuer issuer)
{
    public async Task MarkReadAsync(AssignmentPillar pillar, CancellationToken ct = default)
    {
        if (pillar.ReadAt is not null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        pillar.ReadAt = now;
        var assignment = await db.Assignments.SingleAsync(a => a.Id == pillar.AssignmentId, ct);
        assignment.StartedAt ??= now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks a check attempt and, when it passes, the pillar's check.</summary>
    /// <returns>The result, or null when the attempt had already been marked (a double click, a second tab).</returns>
    public async Task<CheckResult?> SubmitCheckAsync(AssignmentPillar pillar, int attemptId, KnowledgeCheck check,
        IReadOnlyDictionary<int, IReadOnlyCollection<int>> answers, int passMark, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = CheckGrading.Grade(check, answers, passMark);
        var json = CheckGrading.ToJson(answers.ToDictionary(a => a.Key, a => a.Value.Order().ToArray()));
        // Only the first submission of an attempt is kept: HR's record of it must never be overwritten.
        var marked = await db.CheckAttempts.Where(a => a.Id == attemptId && a.SubmittedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(a => a.SubmittedAt, now)
                .SetProperty(a => a.Answers, json)
                .SetProperty(a => a.Score, result.Score)
                .SetProperty(a => a.Passed, result.Passed), ct);
        if (marked == 0) return null;
        if (!result.Passed) return result;
        pillar.CheckPassedAt ??= now;
        await db.SaveChangesAsync(ct);
        await CompleteIfDoneAsync(await db.Assignments.SingleAsync(a => a.Id == pillar.AssignmentId, ct), now, ct);
        return result;
    }

    /// <summary>Starts attempt number N+1 in a new shuffled order.</summary>
    public async Task<CheckAttempt> StartCheckAttemptAsync(AssignmentPillar pillar, KnowledgeCheck check, CancellationToken ct = default)
    {
        var last = await db.CheckAttempts.Where(a => a.AssignmentPillarId == pillar.Id).MaxAsync(a => (int?)a.Number, ct) ?? 0;
        var attempt = new CheckAttempt
        {
            AssignmentPillarId = pillar.Id,
            Number = last + 1,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            Presentation = CheckGrading.ToJson(CheckGrading.Shuffle(check)),
        };
        db.CheckAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        return attempt;
    }

    /// <summary>Saves the text; when <paramref name="submit"/> is set, also marks the pillar reflected and completes the assignment if it was the last one.</summary>
    /// <returns>The certificate issued by this call, if it completed the assignment.</returns>
    public async Task<Certificate?> SaveReflectionAsync(AssignmentPillar pillar, string text, bool submit, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.AssignmentPillarId == pillar.Id, ct);
        if (reflection is null)
        {
            reflection = new Reflection { AssignmentPillarId = pillar.Id };
            db.Reflections.Add(reflection);
        }
        reflection.Text = text;
        reflection.UpdatedAt = now;
        var assignment = await db.Assignments.SingleAsync(a => a.Id == pillar.AssignmentId, ct);
        assignment.StartedAt ??= now;
        if (submit)
        {
            reflection.SubmittedAt = now;
            pillar.ReflectedAt ??= now;
        }
        // Committed on its own first, so a simultaneous save of another pillar can see it (see below).
        await db.SaveChangesAsync(ct);
        return submit ? await CompleteIfDoneAsync(assignment, now, ct) : null;
    }

    /// <summary>
    /// Completes the assignment when no pillar is left undone. The check and the write are one conditional
    /// UPDATE, so when two last pillars are sent at the same moment exactly one request completes it and
    /// issues the certificate — whichever runs last sees both pillars done.
    /// </summary>
    async Task<Certificate?> CompleteIfDoneAsync(Assignment assignment, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var completed = await db.Assignments
            .Where(a => a.Id == assignment.Id && a.CompletedAt == null)
            .Where(CompletionRules.AllPillarsDone)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.CompletedAt, now), ct);
        if (completed == 0) return null;

        assignment.CompletedAt = now;
        await db.Entry(assignment).Collection(a => a.Pillars).LoadAsync(ct);
        var certificate = await issuer.CreateAsync(assignment, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return certificate;
    }
}
