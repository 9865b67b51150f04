using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.RoleChanges;

/// <summary>One person's job and site before and after a write (the import, provisioning, HR's page).</summary>
public sealed record JobMove(int EmployeeId, JobPlace Before, JobPlace After);

/// <summary>
/// Turns changes of job title or site into re-contextualisation (<see cref="RoleChangeRule"/>): a certified person gets a
/// <see cref="AssignmentReason.RoleChange"/> assignment over every pillar of the newest edition asking for new
/// reflections by <see cref="RoleChangeOptions.DueDays"/> days. The staff import, provisioning (through the import)
/// and HR's job page all call it, in their own transaction, after the people's new job and site are saved.
/// </summary>
/// <remarks>
/// The certificate stays valid, so the lessons and knowledge checks are not asked again: each pillar starts read and
/// checked (the lesson stays open to re-read) and only the reflection is to do — unless the person was part-way through
/// a refresher, whose unfinished pillars keep what they still need. The previous assignment and its reflections stay
/// as they were (Mi historial shows them); completing issues a certificate naming the new job with the old expiry.
/// </remarks>
public sealed class RoleChangeRecorder(AppDbContext db, OrganisationClock clock, IOptions<RoleChangeOptions> options)
{
    const int Batch = 1_000;

    /// <summary>How many of these moves would ask for new reflections (the import's dry run): nothing is written.</summary>
    public async Task<int> CountAsync(IReadOnlyCollection<JobMove> moves, CancellationToken ct = default)
    {
        var changes = moves.Where(m => RoleChangeRule.IsChange(m.Before, m.After)).ToList();
        if (!options.Value.Enabled || changes.Count == 0) return 0;
        var count = 0;
        foreach (var chunk in changes.Chunk(Batch))
        {
            var ids = chunk.Select(m => m.EmployeeId).ToList();
            count += await db.Employees.AsNoTracking()
                .Where(e => ids.Contains(e.Id) && e.IsActive && db.Assignments.Any(a => a.EmployeeId == e.Id && a.CompletedAt != null))
                .Where(e => !(e.CurrentReason == AssignmentReason.RoleChange && e.CurrentCompletedAt == null))
                .CountAsync(ct);
        }
        return count;
    }

    /// <summary>Applies the rule to each move; returns how many people were newly asked to re-contextualise.</summary>
    public async Task<int> RecordAsync(IReadOnlyCollection<JobMove> moves, RoleChangeSource source, CancellationToken ct = default)
    {
        var changes = moves.Where(m => RoleChangeRule.IsChange(m.Before, m.After)).ToList();
        if (!options.Value.Enabled || changes.Count == 0) return 0;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A role change must be recorded in the transaction that changed the job (nothing half-applied).");
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.Id, Pillars = e.Pillars.OrderBy(p => p.Order).Select(p => p.Id).ToList() })
            .FirstOrDefaultAsync(ct);
        if (edition is null) return 0;
        var siteIds = changes.SelectMany(m => new[] { m.Before.SiteId, m.After.SiteId }).OfType<int>().Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var now = clock.UtcNow;
        var dueOn = clock.Today.AddDays(options.Value.DueDays);
        var asked = 0;
        foreach (var chunk in changes.Chunk(Batch))
        {
            var ids = chunk.Select(m => m.EmployeeId).ToList();
            var people = await db.Employees.Where(e => ids.Contains(e.Id) && e.IsActive)
                .Include(e => e.CurrentAssignment!).ThenInclude(a => a.Pillars)
                .ToDictionaryAsync(e => e.Id, ct);
            // The places of the findings that unfinished audit refreshers answer: one carries over only for someone still there.
            var findingIds = people.Values.Select(e => e.CurrentAssignment is { CompletedAt: null } a ? a.FindingId : null).OfType<int>().Distinct().ToList();
            var findings = await db.Findings.AsNoTracking().Where(f => findingIds.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => (f.SiteId, f.DepartmentId), ct);
            var certified = (await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && a.CompletedAt != null)
                .Select(a => a.EmployeeId).Distinct().ToListAsync(ct)).ToHashSet();
            // Each person's newest change: for someone re-contextualising, the one that began it (or repeats its "before").
            var newest = (await db.RoleChanges.AsNoTracking().Where(r => ids.Contains(r.EmployeeId))
                .Select(r => new { r.EmployeeId, r.ChangedAt, r.Id, r.OldJobTitle, r.OldSite }).ToListAsync(ct))
                .GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ChangedAt).ThenBy(r => r.Id).Last());
            foreach (var move in chunk)
            {
                if (!people.TryGetValue(move.EmployeeId, out var person)) continue;
                var current = person.CurrentAssignment;
                var recontextualising = current is { Reason: AssignmentReason.RoleChange, CompletedAt: null };
                var stage = recontextualising ? LearningStage.Recontextualising
                    : certified.Contains(person.Id) ? LearningStage.Certified : LearningStage.NothingCompleted;
                var change = new RoleChange
                {
                    Employee = person, ChangedAt = now, Source = source,
                    OldJobTitle = move.Before.JobTitle, NewJobTitle = move.After.JobTitle,
                    OldSite = move.Before.SiteId is int from ? sites.GetValueOrDefault(from) : null,
                    NewSite = move.After.SiteId is int to ? sites.GetValueOrDefault(to) : null,
                };
                switch (RoleChangeRule.Decide(move.Before, move.After, stage, enabled: true))
                {
                    case RoleChangeDecision.UpdatePending:
                        // The pending request now names the newest job; it still says what the job was before it began.
                        change.AssignmentId = current!.Id;
                        if (newest.TryGetValue(person.Id, out var began)) (change.OldJobTitle, change.OldSite) = (began.OldJobTitle, began.OldSite);
                        db.RoleChanges.Add(change);
                        break;
                    case RoleChangeDecision.Ask:
                        var stillThere = current?.FindingId is int finding && findings.TryGetValue(finding, out var place)
                            && (place.SiteId is int site ? person.SiteId == site : person.DepartmentId == place.DepartmentId);
                        change.Assignment = NewAssignment(person, current, edition.Id, edition.Pillars, now, dueOn, stillThere);
                        db.RoleChanges.Add(change);
                        asked++;
                        break;
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return asked;
    }

    /// <summary>
    /// The new assignment, made the person's current one. A refresher left unfinished is replaced (marked superseded,
    /// as a new edition does) and what it still asked of its pillars carries over (with the finding an audit refresher
    /// answered, when <paramref name="keepFinding"/>); every other pillar starts read and checked.
    /// </summary>
    static Assignment NewAssignment(Staff.Employee person, Assignment? current, int editionId, IReadOnlyList<int> pillarIds, DateTime now, DateOnly dueOn,
        bool keepFinding)
    {
        var unfinished = current is { CompletedAt: null } && current.EditionId == editionId
            ? current.Pillars.ToDictionary(p => p.PillarId) : [];
        if (current is { CompletedAt: null }) current.SupersededAt = now;
        var assignment = new Assignment
        {
            Employee = person, EditionId = editionId, Reason = AssignmentReason.RoleChange, AssignedAt = now, DueOn = dueOn,
            // An audit refresher's pillar carries over still to do, so for someone still at the finding's place the new
            // assignment answers that finding: they keep counting in its refresher (HR's overview, the manager's list) and
            // the lesson keeps saying why. Someone who moved away leaves it: it was about their old place's customers.
            FindingId = keepFinding && unfinished.Count > 0 ? current!.FindingId : null,
            Pillars = pillarIds.Select(id => unfinished.TryGetValue(id, out var before)
                ? new AssignmentPillar { PillarId = id, ReadAt = before.ReadAt, CheckPassedAt = before.CheckPassedAt }
                : new AssignmentPillar { PillarId = id, ReadAt = now, CheckPassedAt = now }).ToList(),
        };
        person.CurrentAssignment = assignment;
        return assignment;
    }
}
