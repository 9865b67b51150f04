using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Learning;

/// <summary>
/// Applies <see cref="RefresherPlanner"/> to everyone whose current assignment is on an older edition: a
/// refresher with only the changed pillars for those who completed, a move to the new edition (keeping
/// finished, unchanged pillars and their reflections) for those on the way.
/// </summary>
public sealed class NewEditionAssigner(AppDbContext db, OrganisationClock clock, IOptions<LearningOptions> options, Certificates.CertificateIssuer issuer, ILogger<NewEditionAssigner> logger)
{
    /// <summary>What publishing would ask of people, without writing anything: the admin sees it before deciding.</summary>
    public async Task<RefresherPreview> PreviewAsync(PendingEdition pending, CancellationToken ct = default)
    {
        var release = new EditionRelease(pending.Number, clock.Today, pending.Pillars);
        var planned = await PlanAsync(release, tracked: false, ct);
        static PlannedStage StageOf(Assignment current) =>
            current.CompletedAt is not null ? PlannedStage.Completed : current.StartedAt is not null ? PlannedStage.InProgress : PlannedStage.NotStarted;
        var people = planned.OrderBy(p => p.Person.SearchName)
            .Select(p => new PlannedPerson(p.Person.FullName, StageOf(p.Person.CurrentAssignment!),
                p.Plan.Pillars.Except(p.Plan.CarryOver).ToList()))
            .ToList();
        return new RefresherPreview(release.ToRedo, people);
    }

    /// <summary>
    /// Moves everyone the edition concerns on to it. Runs inside the publishing transaction (see <see cref="EditionRollout"/>):
    /// it first locks every assignment it may replace, so progress being saved at that moment either lands before
    /// the plan is made (and is carried across) or is refused afterwards as stale — never silently lost.
    /// </summary>
    public async Task<int> AssignAsync(Edition edition, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Assigning a new edition must run in the publishing transaction (EditionRollout).");
        // A no-op update takes the row locks (PostgreSQL waits here for any progress being saved on them; SQLite
        // already holds the database's write lock for the whole transaction).
        await db.Assignments
            .Where(a => a.SupersededAt == null && a.Edition!.Number < edition.Number && db.Employees.Any(e => e.CurrentAssignmentId == a.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SupersededAt, a => a.SupersededAt), ct);

        var pillars = await db.Pillars.AsNoTracking().Where(p => p.EditionId == edition.Id).OrderBy(p => p.Order)
            .Select(p => new { p.Id, p.Key, p.ChangeKind, p.HasCheck }).ToListAsync(ct);
        var release = new EditionRelease(edition.Number, clock.LocalDate(edition.PublishedAt), pillars.Select(p => (p.Key, p.ChangeKind)).ToList());
        var pillarIds = pillars.ToDictionary(p => p.Key, p => p.Id);
        var hasCheck = pillars.ToDictionary(p => p.Id, p => p.HasCheck);
        var now = clock.UtcNow;
        var planned = await PlanAsync(release, tracked: true, ct);
        foreach (var (person, _, plan) in planned)
        {
            var current = person.CurrentAssignment!;
            current.SupersededAt = now;
            var kept = current.Pillars.Where(p => plan.KeepProgress.Contains(p.Pillar!.Key)).ToDictionary(p => p.Pillar!.Key);
            var keptIds = kept.Values.Select(p => p.Id).ToList();
            var reflections = await db.Reflections.AsNoTracking().Where(r => keptIds.Contains(r.AssignmentPillarId)).ToDictionaryAsync(r => r.AssignmentPillarId, ct);
            // The last version each person sent comes along too: reviewers and HR read sent versions, never the working
            // copy, which may hold an unsent draft.
            var reflectionIds = reflections.Values.Select(r => r.Id).ToList();
            var lastSent = (await db.ReflectionVersions.AsNoTracking().Where(v => reflectionIds.Contains(v.ReflectionId)).ToListAsync(ct))
                .GroupBy(v => v.ReflectionId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!);
            var assignment = new Assignment
            {
                Employee = person,
                EditionId = edition.Id,
                Reason = plan.Reason,
                // An unfinished assignment moved to the new edition (same reason) still answers its finding, if it had one: a
                // targeted refresher, or the role change that replaced one (its banner, its team's progress).
                FindingId = plan.Reason == current.Reason ? current.FindingId : null,
                AssignedAt = now,
                DueOn = plan.DueOn,
                StartedAt = kept.Values.Any(p => p.ReadAt is not null || reflections.ContainsKey(p.Id)) ? current.StartedAt : null,
            };
            foreach (var key in plan.Pillars)
            {
                var pillar = new AssignmentPillar { PillarId = pillarIds[key] };
                if (kept.TryGetValue(key, out var before))
                {
                    pillar.ReadAt = before.ReadAt;
                    pillar.ReflectedAt = before.ReflectedAt;
                    pillar.CheckPassedAt = before.CheckPassedAt;
                    if (reflections.TryGetValue(before.Id, out var text))
                        db.Reflections.Add(new Reflection
                        {
                            AssignmentPillar = pillar, Meaning = text.Meaning, Customers = text.Customers, Action = text.Action,
                            Revision = 1, Status = text.Status, UpdatedAt = text.UpdatedAt, SubmittedAt = text.SubmittedAt,
                            ShareConsent = text.ShareConsent, ShareAnonymously = text.ShareAnonymously,
                            Versions = lastSent.TryGetValue(text.Id, out var sent)
                                ? [new ReflectionVersion { Number = 1, Meaning = sent.Meaning, Customers = sent.Customers, Action = sent.Action, SubmittedAt = sent.SubmittedAt }]
                                : [],
                        });
                }
                assignment.Pillars.Add(pillar);
            }
            person.CurrentAssignment = assignment;
        }
        await db.SaveChangesAsync(ct);

        // Someone whose remaining pillars were all removed has nothing left to do: complete and certify them now.
        foreach (var assignment in planned.Select(p => p.Person.CurrentAssignment!)
                     .Where(a => a.Pillars.All(p => CompletionRules.IsPillarDone(p.ReadAt, p.ReflectedAt, hasCheck[p.PillarId], p.CheckPassedAt))))
        {
            assignment.CompletedAt = now;
            await issuer.CreateAsync(assignment, ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Edition {Number}: {Count} people have something to do", edition.Number, planned.Count);
        return planned.Count;
    }

    /// <summary>Everyone whose current assignment is on an older edition, with what the planner asks of them.</summary>
    async Task<List<(Staff.Employee Person, List<AssignmentPillar> Done, RefresherPlan Plan)>> PlanAsync(EditionRelease release, bool tracked, CancellationToken ct)
    {
        var query = db.Employees
            .Where(e => e.CurrentAssignmentId != null && e.CurrentAssignment!.Edition!.Number < release.Number)
            .Include(e => e.CurrentAssignment!).ThenInclude(a => a.Edition)
            .Include(e => e.CurrentAssignment!).ThenInclude(a => a.Pillars).ThenInclude(p => p.Pillar)
            .AsSplitQuery();
        var people = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        var plannerOptions = new PlannerOptions(options.Value.NewEditionDueDays);
        var planned = new List<(Staff.Employee, List<AssignmentPillar>, RefresherPlan)>();
        foreach (var person in people)
        {
            var current = person.CurrentAssignment!;
            var done = current.Pillars.Where(p => CompletionRules.IsPillarDone(p.ReadAt, p.ReflectedAt, p.Pillar!.HasCheck, p.CheckPassedAt)).ToList();
            var plan = RefresherPlanner.ForNewEdition(
                new PersonBefore(person.Id, person.IsActive, new OpenAssignment(
                    current.Edition!.Number, current.Reason, current.Pillars.Select(p => p.Pillar!.Key).ToList(),
                    done.Select(p => p.Pillar!.Key).ToList(), current.CompletedAt is not null, current.DueOn)),
                release, plannerOptions);
            if (plan is not null) planned.Add((person, done, plan));
        }
        return planned;
    }
}

/// <summary>
/// What a new edition would ask of people: refreshers for those who had completed (the pillars to redo),
/// and moves to the new edition for those on the way.
/// </summary>
public sealed record RefresherPreview(IReadOnlyList<string> PillarsToRedo, IReadOnlyList<PlannedPerson> People)
{
    /// <summary>Those who had completed: they get a refresher of the changed pillars.</summary>
    public int Refreshers => People.Count(p => p.Stage == PlannedStage.Completed);

    /// <summary>Those on the way: they move to the new edition, keeping what did not change.</summary>
    public int InProgress => People.Count(p => p.Stage == PlannedStage.InProgress);

    /// <summary>Those who had not started: they simply start on the new edition.</summary>
    public int NotStarted => People.Count(p => p.Stage == PlannedStage.NotStarted);
}

/// <summary>Where a person stood on their current assignment when a new edition was planned.</summary>
public enum PlannedStage { Completed, InProgress, NotStarted }

/// <summary>One person a new edition would send back to learning, with the pillars they would still have to do.</summary>
public sealed record PlannedPerson(string Name, PlannedStage Stage, IReadOnlyList<string> PillarsToDo);
