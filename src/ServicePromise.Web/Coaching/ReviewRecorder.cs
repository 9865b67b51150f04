using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Mail;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Coaching;

/// <summary>A reviewer's decision as posted: approve or return, a comment, and the optional short rubric.</summary>
public sealed record ReviewInput(ReviewDecision Decision, string? Comment, bool? SpecificToRole, bool? NamesCustomer, bool? ConcreteAction);

/// <summary>What became of a decision.</summary>
public abstract record ReviewOutcome
{
    /// <summary>Approved: the pillar is done; <paramref name="Certificate"/> when it was the last one.</summary>
    public sealed record Approved(Certificate? Certificate) : ReviewOutcome;
    /// <summary>Returned to the author, who was emailed the comment (unless the mail could not be sent).</summary>
    public sealed record Returned(bool Emailed) : ReviewOutcome;
    /// <summary>This version already had a decision (a double click, a second tab): nothing was recorded twice.</summary>
    public sealed record AlreadyDecided(ReviewDecision Decision, string Reviewer) : ReviewOutcome;
    /// <summary>The reflection is not waiting for a decision on this version (not sent, already decided, or sent again since).</summary>
    public sealed record NotWaiting : ReviewOutcome;
    /// <summary>The decision breaks a rule (see <see cref="ReviewRules.ProblemWith"/>); nothing was written.</summary>
    public sealed record Refused(Message Problem) : ReviewOutcome;
}

/// <summary>
/// Records a reviewer's decision on the latest sent version of a reflection. Runs under the assignment claim (see
/// <see cref="ProgressRecorder"/>), like every progress write: approving sets the pillar's <see cref="AssignmentPillar.ReflectedAt"/>
/// and completes the assignment (and issues its certificate) when it was the last pillar, all in one transaction; a
/// decision racing another, or a new edition, is ordered by the same lock. Who may decide is the caller's check
/// (<see cref="ReviewRules.AccessOf"/>). Throws <see cref="AssignmentMovedException"/> when a new edition replaced the assignment.
/// </summary>
public sealed class ReviewRecorder(AppDbContext db, ProgressRecorder progress, TimeProvider clock, LocalizedMail mail, IStringLocalizer<SharedResource> L,
    CheckIns.CheckInPlanner checkIns)
{
    public async Task<ReviewOutcome> DecideAsync(int reflectionId, int versionNumber, int reviewerId, ReviewInput input, CancellationToken ct = default)
    {
        var comment = ReviewRules.CleanComment(input.Comment);
        if (ReviewRules.ProblemWith(input.Decision, comment) is { } problem) return new ReviewOutcome.Refused(problem);
        var target = await db.Reflections.AsNoTracking().Where(r => r.Id == reflectionId)
            .Select(r => new { r.AssignmentPillar!.AssignmentId, r.AssignmentPillarId }).SingleAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await progress.ClaimAsync(target.AssignmentId, now, ct);
        if (await EarlierDecisionAsync(reflectionId, versionNumber, ct) is { } earlier) return earlier;
        var reflection = await db.Reflections.SingleAsync(r => r.Id == reflectionId, ct);
        var latest = await db.ReflectionVersions.Where(v => v.ReflectionId == reflectionId).MaxAsync(v => (int?)v.Number, ct);
        if (reflection.Status != ReflectionStatus.Submitted || latest != versionNumber) return new ReviewOutcome.NotWaiting();

        db.ReflectionReviews.Add(new ReflectionReview
        {
            ReflectionId = reflectionId, VersionNumber = versionNumber, ReviewerId = reviewerId, Decision = input.Decision, Comment = comment,
            SpecificToRole = input.SpecificToRole, NamesCustomer = input.NamesCustomer, ConcreteAction = input.ConcreteAction, DecidedAt = now,
        });
        if (input.Decision == ReviewDecision.Approved)
        {
            reflection.Status = ReflectionStatus.Accepted;
            var pillar = await db.AssignmentPillars.SingleAsync(p => p.Id == target.AssignmentPillarId, ct);
            pillar.ReflectedAt ??= now;
        }
        else reflection.Status = ReflectionStatus.Returned;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (reflection, version) index behind the claim: someone else's decision on this version won.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await EarlierDecisionAsync(reflectionId, versionNumber, ct) ?? throw new InvalidOperationException("The decision was refused by the database.");
        }

        if (input.Decision == ReviewDecision.Approved)
        {
            // The plan belongs to the version that counts: its check-ins start now.
            var version = await db.ReflectionVersions.AsNoTracking().SingleAsync(v => v.ReflectionId == reflectionId && v.Number == versionNumber, ct);
            await ReflectionRecorder.StartCheckInsAsync(db, checkIns, version, target.AssignmentPillarId, now, ct);
            var certificate = await progress.CompleteIfDoneAsync(target.AssignmentId, now, ct);
            await transaction.CommitAsync(ct);
            return new ReviewOutcome.Approved(certificate);
        }
        await transaction.CommitAsync(ct);
        return new ReviewOutcome.Returned(await MailReturnedAsync(reflectionId, reviewerId, comment!, ct));
    }

    async Task<ReviewOutcome.AlreadyDecided?> EarlierDecisionAsync(int reflectionId, int versionNumber, CancellationToken ct) =>
        await db.ReflectionReviews.AsNoTracking().Where(r => r.ReflectionId == reflectionId && r.VersionNumber == versionNumber)
            .Select(r => new ReviewOutcome.AlreadyDecided(r.Decision, r.Reviewer!.FullName)).SingleOrDefaultAsync(ct);

    /// <summary>Tells the author, in their language, what to change, with a link straight to the pillar.</summary>
    async Task<bool> MailReturnedAsync(int reflectionId, int reviewerId, string comment, CancellationToken ct)
    {
        var about = await db.Reflections.AsNoTracking().Where(r => r.Id == reflectionId).Select(r => new
        {
            r.AssignmentPillar!.Assignment!.EmployeeId,
            r.AssignmentPillar.Pillar!.Key,
            r.AssignmentPillar.Pillar.Edition!.DefaultLanguage,
            Titles = r.AssignmentPillar.Pillar.Texts.Select(t => new { t.Language, t.Title }).ToList(),
        }).SingleAsync(ct);
        var reviewer = await db.Employees.AsNoTracking().Where(e => e.Id == reviewerId).Select(e => e.FullName).SingleAsync(ct);
        if (await mail.RecipientAsync(about.EmployeeId, ct) is not { } to) return false;
        var title = about.Titles.InLanguage(t => t.Language, to.Language, about.DefaultLanguage).Title;
        var link = mail.PillarLink(about.Key, to.Language) + "#reflection";
        return await mail.SendAsync(to, () => (
            L["Tu reflexión sobre «{0}» necesita cambios", title],
            L["Hola, {0}:\n\n{1} ha revisado tu reflexión sobre «{2}» y te la devuelve con este comentario:\n\n{3}\n\nRevísala y envíala de nuevo aquí:\n{4}", to.Name, reviewer, title, comment, link]), ct);
    }
}
