using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Findings;

/// <summary>One customer comment as HR leaves it on the proposal: shared or not, and in which (anonymised) words.</summary>
public sealed record CommentChoice(int ResultId, bool Share, string? Text);

/// <summary>What HR confirms: the refresher's job titles (none: everyone), its days, the plan's author, the preview's fingerprint, the comments.</summary>
public sealed record Confirmation(IReadOnlyList<string> JobTitles, int DueDays, int ManagerId, string Fingerprint, IReadOnlyList<CommentChoice> Comments);

public enum DecisionOutcome
{
    Done,
    /// <summary>HR (or a second click) already decided it; nothing was changed.</summary>
    AlreadyDecided,
    /// <summary>Who would get the refresher changed since the preview; nothing was changed.</summary>
    AudienceChanged,
    /// <summary>The chosen manager may not own the plan; nothing was changed.</summary>
    UnknownManager,
    /// <summary>The newest edition no longer has the pillar; nothing was changed.</summary>
    PillarGone,
}

/// <summary>
/// HR's decision on a proposed finding. Confirming sends the targeted refresher (that pillar only, to exactly the people
/// the preview listed), opens the manager's plan, shares the chosen comments and logs it — all or nothing, and once.
/// </summary>
/// <remarks>
/// A targeted refresher becomes the person's current assignment, like a periodic one: only for people whose current
/// assignment is complete (<see cref="FindingQueries.Audience"/>), so no unfinished onboarding or new edition is ever
/// replaced. It completes and certifies like a new-edition refresher and, being one pillar, does not restart the
/// periodic clock.
/// </remarks>
public sealed class FindingDecisions(AppDbContext db, FindingQueries queries, OrganisationClock clock, AuditLog audit)
{
    public async Task<(DecisionOutcome Outcome, int Assigned)> ConfirmAsync(int findingId, Confirmation confirmation, string userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        // The decision first, as one conditional update: a second click (or a second HR tab) finds it taken and writes nothing.
        var claimed = await db.Findings.Where(f => f.Id == findingId && f.State == FindingState.Proposed)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FindingState.Confirmed).SetProperty(f => f.DecidedAt, now).SetProperty(f => f.DecidedById, userId), ct);
        if (claimed == 0) return (DecisionOutcome.AlreadyDecided, 0);
        var finding = await db.Findings.SingleAsync(f => f.Id == findingId, ct);
        await db.Entry(finding).ReloadAsync(ct);

        var jobs = confirmation.JobTitles.Distinct().Order().ToList();
        var people = await queries.Audience(finding, jobs).OrderBy(e => e.SearchName).ThenBy(e => e.Id).ToListAsync(ct);
        if (FindingQueries.Fingerprint(people.Select(p => p.Id)) != confirmation.Fingerprint) return (DecisionOutcome.AudienceChanged, 0);
        if (!(await queries.ManagersOf(finding, ct)).Any(m => m.Id == confirmation.ManagerId)) return (DecisionOutcome.UnknownManager, 0);
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.Id, Pillar = e.Pillars.Where(p => p.Key == finding.PillarKey).Select(p => (int?)p.Id).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (edition?.Pillar is not int pillarId) return (DecisionOutcome.PillarGone, 0);

        var dueOn = clock.Today.AddDays(confirmation.DueDays);
        finding.JobTitles = jobs.Count == 0 ? null : string.Join('\n', jobs);
        finding.RefresherDueOn = dueOn;
        foreach (var person in people)
        {
            person.CurrentAssignment = new Assignment
            {
                Employee = person,
                EditionId = edition.Id,
                Reason = AssignmentReason.Finding,
                FindingId = finding.Id,
                AssignedAt = now,
                DueOn = dueOn,
                Pillars = [new AssignmentPillar { PillarId = pillarId }],
            };
        }
        db.ActionPlans.Add(new ActionPlan { FindingId = finding.Id, AuthorId = confirmation.ManagerId, State = ActionPlanState.Draft, CreatedAt = now, UpdatedAt = now });
        await ShareAsync(finding, confirmation.Comments, userId, now, ct);
        audit.Add(AuditActions.FindingConfirmed, subject: Subject(finding), details: new Dictionary<string, object?>
        {
            ["people"] = people.Count,
            ["jobs"] = finding.JobTitles,
            ["due"] = dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["manager"] = confirmation.ManagerId,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (DecisionOutcome.Done, people.Count);
    }

    public async Task<DecisionOutcome> DismissAsync(int findingId, string reason, string userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        var claimed = await db.Findings.Where(f => f.Id == findingId && f.State == FindingState.Proposed)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.State, FindingState.Dismissed).SetProperty(f => f.DecidedAt, now)
                .SetProperty(f => f.DecidedById, userId).SetProperty(f => f.DismissReason, reason), ct);
        if (claimed == 0) return DecisionOutcome.AlreadyDecided;
        var finding = await db.Findings.AsNoTracking().SingleAsync(f => f.Id == findingId, ct);
        audit.Add(AuditActions.FindingDismissed, subject: Subject(finding), details: new Dictionary<string, object?> { ["reason"] = reason });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return DecisionOutcome.Done;
    }

    /// <summary>Only the comments of this finding's results are touched; a posted id of another result is ignored.</summary>
    async Task ShareAsync(Finding finding, IReadOnlyList<CommentChoice> choices, string userId, DateTime now, CancellationToken ct)
    {
        var ids = (await queries.CommentsOf(finding, ct)).Select(r => r.Id).ToHashSet();
        var chosen = choices.Where(c => ids.Contains(c.ResultId)).ToDictionary(c => c.ResultId);
        var results = await db.AuditResults.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        foreach (var result in results)
        {
            var text = chosen.TryGetValue(result.Id, out var c) && c.Share ? c.Text?.Trim() : null;
            if (string.IsNullOrEmpty(text)) text = null;
            if (text == result.SharedComment) continue;
            result.SharedComment = text;
            result.SharedAt = text is null ? null : now;
            result.SharedById = text is null ? null : userId;
        }
    }

    static string Subject(Finding finding) =>
        $"{finding.StandardKey} · {finding.PeriodStart:yyyy-MM} · {(finding.SiteId is int s ? "site " + s : "department " + finding.DepartmentId)}";
}
