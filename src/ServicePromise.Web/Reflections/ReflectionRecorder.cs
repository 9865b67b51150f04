using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Reflections;

/// <summary>What became of a save or a send.</summary>
public abstract record ReflectionOutcome
{
    /// <summary>A draft was saved; the page now holds <paramref name="Revision"/>.</summary>
    public sealed record Saved(int Revision, DateTime SavedAt) : ReflectionOutcome;
    /// <summary>Sent. With reviews on it waits for the reviewer; otherwise it counts, and may have completed the assignment.</summary>
    public sealed record Sent(int Revision, bool AwaitingReview, Certificate? Certificate, bool AlreadySent = false) : ReflectionOutcome;
    /// <summary>Someone (another tab, another device) saved since this page loaded: nothing was written; both versions are shown.</summary>
    public sealed record Conflict(ReflectionText Theirs, int Revision, DateTime SavedAt) : ReflectionOutcome;
    /// <summary>A part breaks a rule; nothing was written.</summary>
    public sealed record Refused(IReadOnlyList<PartProblem> Problems) : ReflectionOutcome;
    /// <summary>The reflection cannot change now (waiting for review, accepted under review, or the training is complete).</summary>
    public sealed record Locked(Message Why) : ReflectionOutcome;
}

/// <summary>The author's choice about showing a sent reflection to colleagues as an example.</summary>
public sealed record Sharing(bool Consent, bool Anonymously);

/// <summary>
/// Saves and sends reflections. Every write runs under the assignment claim (see <see cref="ProgressRecorder"/>),
/// so writes to one person's assignment are applied one at a time: the revision check below cannot race, and a
/// new edition cannot move the person halfway through.
/// </summary>
public sealed class ReflectionRecorder(AppDbContext db, ProgressRecorder progress, TimeProvider clock, IOptions<ReflectionOptions> options, CheckIns.CheckInPlanner checkIns)
{
    /// <summary>Other people's reflections compared for similarity: the most recent ones, so a send stays fast at any size.</summary>
    const int SimilarityCandidates = 2000;

    ReflectionOptions Options => options.Value;

    public Task<ReflectionOutcome> SaveDraftAsync(AssignmentPillar pillar, ReflectionText text, int revision, CancellationToken ct = default) =>
        SaveDraftAsync(pillar, text, revision, null, ct);

    /// <param name="actionDueOn">The plan's date as the form holds it (a draft keeps whatever date was picked).</param>
    public async Task<ReflectionOutcome> SaveDraftAsync(AssignmentPillar pillar, ReflectionText text, int revision, DateOnly? actionDueOn, CancellationToken ct = default)
    {
        text = text.Normalized();
        if (Guardrails.ForDraft(text, Options.BoundsOf) is { Count: > 0 } problems) return new ReflectionOutcome.Refused(problems);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await progress.ClaimAsync(pillar.AssignmentId, now, ct);
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.AssignmentPillarId == pillar.Id, ct);
        if (ReflectionEditing.WhyNoDraft(reflection?.Status, await TrainingCompleteAsync(pillar, ct), Options.ReviewRequired) is { } why)
            return new ReflectionOutcome.Locked(why);
        if (Stale(reflection, revision) is { } conflict)
        {
            // The same text saved twice (a resent form) is not a conflict.
            if (reflection!.Text == text) return new ReflectionOutcome.Saved(reflection.Revision, reflection.UpdatedAt);
            return conflict;
        }
        reflection = Write(reflection, pillar, text, now, actionDueOn);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ReflectionOutcome.Saved(reflection.Revision, now);
    }

    public Task<ReflectionOutcome> SubmitAsync(AssignmentPillar pillar, ReflectionText text, int revision, Sharing sharing,
        GuardrailContext context, CancellationToken ct = default) =>
        SubmitAsync(pillar, text, revision, sharing, context, null, ct);

    /// <param name="actionDueOn">The plan's date, already checked by the caller (<see cref="CheckIns.CheckInSchedule.ParseDate"/>); null sends no plan.</param>
    public async Task<ReflectionOutcome> SubmitAsync(AssignmentPillar pillar, ReflectionText text, int revision, Sharing sharing,
        GuardrailContext context, DateOnly? actionDueOn, CancellationToken ct = default)
    {
        text = text.Normalized();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await progress.ClaimAsync(pillar.AssignmentId, now, ct);
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.AssignmentPillarId == pillar.Id, ct);
        if (Stale(reflection, revision) is { } conflict)
        {
            // A double click or a resent form: the first one was sent; nothing is created twice.
            if (reflection!.Text == text && reflection.Status is ReflectionStatus.Submitted or ReflectionStatus.Accepted)
                return new ReflectionOutcome.Sent(reflection.Revision, reflection.Status == ReflectionStatus.Submitted, null, AlreadySent: true);
            return conflict;
        }
        if (ReflectionEditing.WhyLocked(reflection?.Status, await TrainingCompleteAsync(pillar, ct), Options.ReviewRequired) is { } why)
            return new ReflectionOutcome.Locked(why);
        if (Guardrails.ForSubmit(text, Options.BoundsOf, context) is { Count: > 0 } problems) return new ReflectionOutcome.Refused(problems);

        var review = Options.ReviewRequired;
        reflection = Write(reflection, pillar, text, now, actionDueOn);
        await FlagSimilarAsync(reflection, pillar, text, ct);
        var certificate = await SendAsync(reflection, pillar, text, sharing, review, now, ct);
        await transaction.CommitAsync(ct);
        return new ReflectionOutcome.Sent(reflection.Revision, review, certificate);
    }

    /// <summary>
    /// A reflection that counts at once, as history brought in rather than written here (the demo organisation's
    /// people at their stage of the course): accepted without review, guardrails or a similarity flag — sample texts
    /// are alike on purpose. Completes the assignment when it was the last step.
    /// </summary>
    public Task<Certificate?> RecordAcceptedAsync(AssignmentPillar pillar, ReflectionText text, CancellationToken ct = default) =>
        RecordAcceptedAsync(pillar, text, null, ct);

    /// <param name="actionDueOn">The plan's date; the demo gives some people one so their check-in comes due.</param>
    public async Task<Certificate?> RecordAcceptedAsync(AssignmentPillar pillar, ReflectionText text, DateOnly? actionDueOn, CancellationToken ct = default)
    {
        text = text.Normalized();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await progress.ClaimAsync(pillar.AssignmentId, now, ct);
        var reflection = await db.Reflections.SingleOrDefaultAsync(r => r.AssignmentPillarId == pillar.Id, ct);
        reflection = Write(reflection, pillar, text, now, actionDueOn);
        var certificate = await SendAsync(reflection, pillar, text, new Sharing(false, false), review: false, now, ct);
        await transaction.CommitAsync(ct);
        return certificate;
    }

    /// <summary>Marks the working copy sent, keeps it as the next version, and — without review — counts it.</summary>
    async Task<Certificate?> SendAsync(Reflection reflection, AssignmentPillar pillar, ReflectionText text, Sharing sharing, bool review, DateTime now, CancellationToken ct)
    {
        reflection.SubmittedAt = now;
        reflection.ShareConsent = sharing.Consent;
        reflection.ShareAnonymously = sharing.Consent && sharing.Anonymously;
        if (!sharing.Consent) { reflection.FeaturedAt = null; reflection.FeaturedById = null; }
        reflection.Status = review ? ReflectionStatus.Submitted : ReflectionStatus.Accepted;
        if (!review) pillar.ReflectedAt ??= now;
        await db.SaveChangesAsync(ct);

        var number = 1 + (reflection.Id == 0 ? 0 : await db.ReflectionVersions.Where(v => v.ReflectionId == reflection.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0);
        var version = new ReflectionVersion
        {
            ReflectionId = reflection.Id, Number = number, Meaning = text.Meaning, Customers = text.Customers, Action = text.Action,
            ActionDueOn = reflection.ActionDueOn, SubmittedAt = now,
        };
        db.ReflectionVersions.Add(version);
        await db.SaveChangesAsync(ct);
        if (review) return null;
        await StartCheckInsAsync(db, checkIns, version, pillar.Id, now, ct);
        return await progress.CompleteIfDoneAsync(pillar.AssignmentId, now, ct);
    }

    /// <summary>The version that now counts becomes the person's plan on this pillar (see <see cref="CheckIns.CheckInPlanner.StartAsync"/>).</summary>
    internal static async Task StartCheckInsAsync(AppDbContext db, CheckIns.CheckInPlanner checkIns, ReflectionVersion version, int assignmentPillarId, DateTime now, CancellationToken ct)
    {
        var owner = await db.AssignmentPillars.AsNoTracking().Where(p => p.Id == assignmentPillarId)
            .Select(p => new { p.Assignment!.EmployeeId, p.Pillar!.Key }).SingleAsync(ct);
        await checkIns.StartAsync(version, owner.EmployeeId, owner.Key, now, ct);
    }

    /// <summary>Withdraws consent to share: the reflection stops being an example at once.</summary>
    public async Task WithdrawSharingAsync(int reflectionId, CancellationToken ct = default) =>
        await db.Reflections.Where(r => r.Id == reflectionId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ShareConsent, false)
                .SetProperty(r => r.ShareAnonymously, false)
                .SetProperty(r => r.FeaturedAt, (DateTime?)null)
                .SetProperty(r => r.FeaturedById, (int?)null), ct);

    static ReflectionOutcome.Conflict? Stale(Reflection? reflection, int revision) =>
        (reflection?.Revision ?? 0) == revision ? null
            : new ReflectionOutcome.Conflict(reflection?.Text ?? ReflectionText.Empty, reflection?.Revision ?? 0, reflection?.UpdatedAt ?? default);

    Task<bool> TrainingCompleteAsync(AssignmentPillar pillar, CancellationToken ct) =>
        db.Assignments.AnyAsync(a => a.Id == pillar.AssignmentId && a.CompletedAt != null, ct);

    Reflection Write(Reflection? reflection, AssignmentPillar pillar, ReflectionText text, DateTime now, DateOnly? actionDueOn)
    {
        if (reflection is null)
        {
            reflection = new Reflection { AssignmentPillarId = pillar.Id };
            db.Reflections.Add(reflection);
        }
        reflection.Meaning = text.Meaning;
        reflection.Customers = text.Customers;
        reflection.Action = text.Action;
        reflection.ActionDueOn = actionDueOn;
        reflection.Revision++;
        reflection.UpdatedAt = now;
        if (reflection.Status == ReflectionStatus.Accepted && Options.ReviewRequired) reflection.Status = ReflectionStatus.Draft;
        return reflection;
    }

    /// <summary>Accepted, but flagged for the reviewer and HR when nearly the same as another person's reflection on this pillar.</summary>
    async Task FlagSimilarAsync(Reflection reflection, AssignmentPillar pillar, ReflectionText text, CancellationToken ct)
    {
        var mine = Shingles.Of(string.Join(' ', text.Meaning, text.Customers, text.Action));
        var key = await db.Pillars.Where(p => p.Id == pillar.PillarId).Select(p => p.Key).SingleAsync(ct);
        var employeeId = await db.Assignments.Where(a => a.Id == pillar.AssignmentId).Select(a => a.EmployeeId).SingleAsync(ct);
        // Compared with what the others sent last, not their working copies: a draft is its author's alone.
        var others = await db.Reflections.AsNoTracking()
            .Where(r => r.SubmittedAt != null && r.AssignmentPillar!.Pillar!.Key == key && r.AssignmentPillar.Assignment!.EmployeeId != employeeId)
            .OrderByDescending(r => r.SubmittedAt).Take(SimilarityCandidates)
            .Select(r => new { r.Id, Sent = r.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Meaning, v.Customers, v.Action }).FirstOrDefault() })
            .Where(r => r.Sent != null)
            .Select(r => new { r.Id, r.Sent!.Meaning, r.Sent.Customers, r.Sent.Action })
            .ToListAsync(ct);
        var best = others.Select(o => (o.Id, Score: Shingles.Similarity(mine, Shingles.Of(string.Join(' ', o.Meaning, o.Customers, o.Action)))))
            .OrderByDescending(o => o.Score).FirstOrDefault();
        var flagged = best.Score >= Options.SimilarityThreshold;
        reflection.SimilarToId = flagged ? best.Id : null;
        reflection.Similarity = flagged ? Math.Round(best.Score, 2) : null;
    }
}
