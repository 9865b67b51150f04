using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Learning;

/// <summary>
/// Records what an employee does on a pillar and, when the last pillar is done, completes the assignment
/// and issues its certificate in the same transaction, so progress and proof never disagree.
/// </summary>
/// <remarks>
/// Every write first claims the assignment row (<see cref="ClaimAsync"/>) and holds it until it commits. That one
/// lock orders each write against the others on the same assignment (two last pillars sent at once complete it
/// exactly once) and against a new edition moving the person on (the write lands before the move and is carried
/// across, or finds the assignment superseded and is refused with <see cref="AssignmentMovedException"/>).
/// </remarks>
public sealed class ProgressRecorder(AppDbContext db, TimeProvider clock, CertificateIssuer issuer)
{
    public async Task MarkReadAsync(AssignmentPillar pillar, CancellationToken ct = default)
    {
        if (pillar.ReadAt is not null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await ClaimAsync(pillar.AssignmentId, now, ct);
        pillar.ReadAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Marks a check attempt and, when it passes, the pillar's check.</summary>
    /// <returns>The result, or null when the attempt had already been marked (a double click, a second tab).</returns>
    public async Task<CheckResult?> SubmitCheckAsync(AssignmentPillar pillar, int attemptId, KnowledgeCheck check,
        IReadOnlyDictionary<int, IReadOnlyCollection<int>> answers, int passMark, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var result = CheckGrading.Grade(check, answers, passMark);
        var json = CheckGrading.ToJson(answers.ToDictionary(a => a.Key, a => a.Value.Order().ToArray()));
        await using var transaction = await ClaimAsync(pillar.AssignmentId, now, ct);
        // Only the first submission of an attempt is kept: HR's record of it must never be overwritten.
        var marked = await db.CheckAttempts.Where(a => a.Id == attemptId && a.AssignmentPillarId == pillar.Id && a.SubmittedAt == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(a => a.SubmittedAt, now)
                .SetProperty(a => a.Answers, json)
                .SetProperty(a => a.Score, result.Score)
                .SetProperty(a => a.Passed, result.Passed), ct);
        if (marked == 0) return null;
        await Understanding.CheckAnswerRecorder.AddAsync(db, attemptId, check, answers, ct);
        if (result.Passed) pillar.CheckPassedAt ??= now;
        await db.SaveChangesAsync(ct);
        if (result.Passed) await CompleteIfDoneAsync(pillar.AssignmentId, now, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>The attempt to show: the open one if there is one (two tabs opening the check share it), else attempt N+1 in a new shuffled order.</summary>
    public async Task<CheckAttempt> StartCheckAttemptAsync(AssignmentPillar pillar, KnowledgeCheck check, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await ClaimAsync(pillar.AssignmentId, now, ct);
        var open = await db.CheckAttempts.AsNoTracking().Where(a => a.AssignmentPillarId == pillar.Id && a.SubmittedAt == null)
            .OrderByDescending(a => a.Number).FirstOrDefaultAsync(ct);
        if (open is not null) return open;
        var last = await db.CheckAttempts.Where(a => a.AssignmentPillarId == pillar.Id).MaxAsync(a => (int?)a.Number, ct) ?? 0;
        var attempt = new CheckAttempt
        {
            AssignmentPillarId = pillar.Id,
            Number = last + 1,
            StartedAt = now,
            Presentation = CheckGrading.ToJson(CheckGrading.Shuffle(check)),
        };
        db.CheckAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return attempt;
    }

    /// <summary>
    /// Opens the write's transaction by updating the assignment row — which locks it — on condition that no new
    /// edition has superseded it; also notes when the person started.
    /// </summary>
    internal async Task<IDbContextTransaction> ClaimAsync(int assignmentId, DateTime now, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Assignments.Where(a => a.Id == assignmentId && a.SupersededAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.StartedAt, a => a.StartedAt ?? now), ct);
        if (claimed == 1)
        {
            await EmployeeProgress.StartedAsync(db, assignmentId, now, ct);
            // A copy of the assignment this context already tracks learns the start too, as if it had been read now.
            if (db.ChangeTracker.Entries<Assignment>().FirstOrDefault(a => a.Entity.Id == assignmentId) is { Entity.StartedAt: null } tracked)
            {
                tracked.Property(a => a.StartedAt).CurrentValue = now;
                tracked.Property(a => a.StartedAt).OriginalValue = now;
            }
            return transaction;
        }
        await transaction.DisposeAsync();
        db.ChangeTracker.Clear();
        throw new AssignmentMovedException(assignmentId);
    }

    /// <summary>
    /// Completes the assignment when no pillar is left undone. The check and the write are one conditional
    /// UPDATE, so the assignment is completed and certified exactly once.
    /// </summary>
    internal async Task<Certificate?> CompleteIfDoneAsync(int assignmentId, DateTime now, CancellationToken ct)
    {
        var completed = await db.Assignments
            .Where(a => a.Id == assignmentId && a.CompletedAt == null)
            .Where(CompletionRules.AllPillarsDone)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.CompletedAt, now), ct);
        if (completed == 0) return null;
        await EmployeeProgress.SyncAsync(db, [assignmentId], ct);

        var assignment = await db.Assignments.Include(a => a.Pillars).SingleAsync(a => a.Id == assignmentId, ct);
        // It may have been tracked since before the set-based writes above: read it again as the database has it.
        await db.Entry(assignment).ReloadAsync(ct);
        var certificate = await issuer.CreateAsync(assignment, ct);
        await db.SaveChangesAsync(ct);
        return certificate;
    }
}

/// <summary>The assignment a page was working on has been replaced by a newer edition's; the write was not made.</summary>
public sealed class AssignmentMovedException(int assignmentId)
    : Exception($"Assignment {assignmentId} was superseded by a new edition; the change was not saved.")
{
    public int AssignmentId { get; } = assignmentId;
}
