namespace ServicePromise.Web.Learning;

/// <summary>How a pillar of a new edition differs from the edition before it.</summary>
public enum ChangeKind
{
    /// <summary>Same text as before: nobody redoes it.</summary>
    Unchanged = 0,
    /// <summary>Wording only: nobody redoes it.</summary>
    Editorial = 1,
    /// <summary>The meaning changed: people who learnt it redo it.</summary>
    Substantive = 2,
    /// <summary>Did not exist before: substantive by definition.</summary>
    New = 3,
}

/// <summary>A newly published edition, as the planner sees it.</summary>
public sealed record EditionRelease(int Number, DateOnly PublishedOn, IReadOnlyList<(string Key, ChangeKind Change)> Pillars)
{
    public IReadOnlyList<string> ToRedo => Pillars.Where(p => p.Change is ChangeKind.Substantive or ChangeKind.New).Select(p => p.Key).ToList();
    public bool Has(string key) => Pillars.Any(p => p.Key == key);
    public ChangeKind ChangeOf(string key) => Pillars.FirstOrDefault(p => p.Key == key).Change;
}

/// <summary>Where one person stands before the new edition.</summary>
public sealed record PersonBefore(int EmployeeId, bool Active, OpenAssignment? Current);

/// <summary>The person's current assignment: which pillars it covers, which are done, and whether it is complete.</summary>
public sealed record OpenAssignment(int EditionNumber, AssignmentReason Reason, IReadOnlyCollection<string> Covered, IReadOnlyCollection<string> Done, bool Completed, DateOnly DueOn);

/// <summary>
/// A new assignment on the new edition. <see cref="CarryOver"/> are pillars already done on the old edition
/// whose meaning did not change: the person keeps them, they are not asked again. <see cref="KeepProgress"/>
/// adds the ones begun but not finished (read, a draft, a passed check): what was done on them carries across too.
/// </summary>
public sealed record RefresherPlan(int EmployeeId, AssignmentReason Reason, IReadOnlyList<string> Pillars, IReadOnlyList<string> CarryOver, DateOnly DueOn)
{
    public IReadOnlyList<string> KeepProgress { get; init; } = CarryOver;
}

public sealed record PlannerOptions(int NewEditionDueDays = 30, int? PeriodicRefresherMonths = null);

/// <summary>
/// Who must do what after a new edition — teach it again without wasting anyone's time on what did not change.
/// Plain rules, no database.
/// </summary>
public static class RefresherPlanner
{
    /// <summary>When periodic refreshers are on, the day a completion stops counting.</summary>
    public static DateOnly? ExpiryOf(DateOnly completedOn, PlannerOptions options) =>
        options.PeriodicRefresherMonths is int months ? completedOn.AddMonths(months) : null;

    /// <summary>
    /// The periodic refresher: the whole current edition again, assigned the usual new-edition period before
    /// the completion expires and due on the expiry day, so nobody's proof lapses if they do it in time.
    /// </summary>
    public static RefresherPlan? ForPeriodic(int employeeId, bool active, DateOnly? completedOn, IReadOnlyList<string> editionPillars, DateOnly today, PlannerOptions options)
    {
        if (!active || completedOn is not { } done || ExpiryOf(done, options) is not { } expires) return null;
        if (today < expires.AddDays(-options.NewEditionDueDays)) return null;
        var due = expires >= today ? expires : today.AddDays(options.NewEditionDueDays);
        return new RefresherPlan(employeeId, AssignmentReason.PeriodicRefresher, editionPillars, [], due);
    }

    public static RefresherPlan? ForNewEdition(PersonBefore person, EditionRelease release, PlannerOptions options)
    {
        // Leavers keep their records and get nothing new; people never assigned are onboarding's business.
        if (!person.Active || person.Current is not { } current || current.EditionNumber >= release.Number) return null;
        var due = release.PublishedOn.AddDays(options.NewEditionDueDays);

        if (current.Completed)
        {
            // Only what changed in meaning, or is new; an edition of wording changes asks nothing.
            var toRedo = release.ToRedo;
            return toRedo.Count == 0 ? null : new RefresherPlan(person.EmployeeId, AssignmentReason.NewEdition, toRedo, [], due);
        }

        // Mid-assignment: move to the new edition. Keep every still-existing pillar they had; what they finished
        // stays finished unless its meaning changed; new and substantively changed pillars are added (someone
        // part-way through a refresher must not miss a change they would get had they already finished).
        var covered = current.Covered.Where(release.Has)
            .Concat(release.ToRedo)
            .Distinct()
            .ToList();
        var carryOver = current.Done.Where(k => release.Has(k) && release.ChangeOf(k) is ChangeKind.Unchanged or ChangeKind.Editorial).ToList();
        var stillToDo = covered.Except(carryOver).ToList();
        // Everything left was removed from the promise: they move across with all they did, already complete,
        // rather than stay stuck on a pillar that no longer exists.
        if (covered.Count == 0) return null;
        var ordered = release.Pillars.Select(p => p.Key).Where(covered.Contains).ToList();
        // Someone already on the way keeps their date, unless the edition gives them more to do: a new pillar,
        // or a finished one to redo. Then they get at least the usual time for a new edition.
        var addsWork = stillToDo.Any(k => release.ChangeOf(k) == ChangeKind.New || current.Done.Contains(k));
        var dueOn = addsWork && due > current.DueOn ? due : current.DueOn;
        var keepProgress = ordered.Where(k => current.Covered.Contains(k) && release.ChangeOf(k) is ChangeKind.Unchanged or ChangeKind.Editorial).ToList();
        return new RefresherPlan(person.EmployeeId, current.Reason, ordered, carryOver, dueOn) { KeepProgress = keepProgress };
    }
}
