using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

public class RefresherPlannerTests
{
    static readonly DateOnly Published = new(2026, 12, 1);
    static readonly PlannerOptions Options = new(NewEditionDueDays: 30);
    static readonly string[] Five = ["listen", "tell-the-truth", "own-it", "keep-our-word", "internal-customer"];

    static EditionRelease Release(params (string Key, ChangeKind Change)[] pillars) => new(2, Published, pillars);

    /// <summary>Edition 2: pillar 2 substantive, pillar 4 editorial, the rest unchanged.</summary>
    static readonly EditionRelease Mixed = Release(
        ("listen", ChangeKind.Unchanged), ("tell-the-truth", ChangeKind.Substantive), ("own-it", ChangeKind.Unchanged),
        ("keep-our-word", ChangeKind.Editorial), ("internal-customer", ChangeKind.Unchanged));

    static PersonBefore Completed(bool active = true) =>
        new(7, active, new OpenAssignment(1, AssignmentReason.Onboarding, Five, Five, Completed: true, new DateOnly(2026, 10, 1)));

    static PersonBefore Midway(string[] done, DateOnly due, AssignmentReason reason = AssignmentReason.Onboarding) =>
        new(8, true, new OpenAssignment(1, reason, Five, done, Completed: false, due));

    [Fact]
    public void Someone_who_completed_redoes_only_the_substantive_pillars()
    {
        var plan = RefresherPlanner.ForNewEdition(Completed(), Mixed, Options)!;
        Assert.Equal(["tell-the-truth"], plan.Pillars);
        Assert.Empty(plan.CarryOver);
        Assert.Equal(AssignmentReason.NewEdition, plan.Reason);
        Assert.Equal(Published.AddDays(30), plan.DueOn);
    }

    [Fact]
    public void New_pillars_are_substantive_by_definition()
    {
        var release = Release([.. Five.Select(k => (k, ChangeKind.Unchanged)), ("be-kind", ChangeKind.New)]);
        Assert.Equal(["be-kind"], RefresherPlanner.ForNewEdition(Completed(), release, Options)!.Pillars);
    }

    [Fact]
    public void An_edition_of_wording_changes_assigns_nothing()
    {
        var release = Release(Five.Select((k, i) => (k, i % 2 == 0 ? ChangeKind.Editorial : ChangeKind.Unchanged)).ToArray());
        Assert.Null(RefresherPlanner.ForNewEdition(Completed(), release, Options));
    }

    [Fact]
    public void A_removed_pillar_simply_ends()
    {
        var release = Release(("listen", ChangeKind.Unchanged), ("tell-the-truth", ChangeKind.Unchanged), ("own-it", ChangeKind.Unchanged), ("keep-our-word", ChangeKind.Unchanged));
        Assert.Null(RefresherPlanner.ForNewEdition(Completed(), release, Options));

        // Midway, the removed pillar leaves the to-do list instead of blocking completion.
        var plan = RefresherPlanner.ForNewEdition(Midway(["listen"], new DateOnly(2026, 12, 10)), release, Options)!;
        Assert.DoesNotContain("internal-customer", plan.Pillars);
        Assert.Equal(["listen", "tell-the-truth", "own-it", "keep-our-word"], plan.Pillars);
    }

    [Fact]
    public void Someone_whose_remaining_pillars_were_all_removed_moves_across_with_everything_done()
    {
        var release = Release(("listen", ChangeKind.Unchanged), ("tell-the-truth", ChangeKind.Editorial));
        var plan = RefresherPlanner.ForNewEdition(Midway(["listen", "tell-the-truth"], new DateOnly(2026, 12, 10)), release, Options)!;
        Assert.Equal(["listen", "tell-the-truth"], plan.Pillars);
        Assert.Equal(plan.Pillars.Order(), plan.CarryOver.Order());
    }

    [Fact]
    public void Leavers_get_nothing()
    {
        Assert.Null(RefresherPlanner.ForNewEdition(Completed(active: false), Mixed, Options));
    }

    [Fact]
    public void People_never_assigned_are_left_to_onboarding()
    {
        Assert.Null(RefresherPlanner.ForNewEdition(new PersonBefore(9, true, null), Mixed, Options));
    }

    [Fact]
    public void Midway_people_keep_finished_pillars_whose_meaning_did_not_change()
    {
        // Done: listen (unchanged), tell-the-truth (now substantive), keep-our-word (editorial).
        var due = new DateOnly(2026, 12, 20);
        var plan = RefresherPlanner.ForNewEdition(Midway(["listen", "tell-the-truth", "keep-our-word"], due), Mixed, Options)!;
        Assert.Equal(Five, plan.Pillars);
        Assert.Equal(["keep-our-word", "listen"], plan.CarryOver.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("tell-the-truth", plan.CarryOver);
        Assert.Equal(AssignmentReason.Onboarding, plan.Reason);
        // A finished pillar must be redone, so they get at least the new-edition period.
        Assert.Equal(Published.AddDays(30), plan.DueOn);
    }

    [Fact]
    public void Midway_people_keep_what_they_began_on_pillars_whose_meaning_did_not_change()
    {
        // Only "listen" is finished, but a draft or a passed check on the others must not be thrown away either,
        // except where the meaning changed (tell-the-truth): that one starts again.
        var plan = RefresherPlanner.ForNewEdition(Midway(["listen"], new DateOnly(2026, 12, 10)), Mixed, Options)!;
        Assert.Equal(["listen"], plan.CarryOver);
        Assert.Equal(["listen", "own-it", "keep-our-word", "internal-customer"], plan.KeepProgress);

        var refresher = RefresherPlanner.ForNewEdition(Completed(), Mixed, Options)!;
        Assert.Empty(refresher.KeepProgress);
    }

    [Fact]
    public void Midway_people_keep_their_date_when_nothing_is_added()
    {
        var due = new DateOnly(2026, 12, 5);
        var plan = RefresherPlanner.ForNewEdition(Midway(["listen"], due), Mixed, Options)!;
        Assert.Equal(["listen"], plan.CarryOver);
        Assert.Equal(due, plan.DueOn);
    }

    [Fact]
    public void A_later_due_date_is_never_brought_forward()
    {
        var due = new DateOnly(2027, 3, 1);
        var plan = RefresherPlanner.ForNewEdition(Midway(["tell-the-truth"], due), Mixed, Options)!;
        Assert.Equal(due, plan.DueOn);
    }

    [Fact]
    public void Someone_part_way_through_a_refresher_also_gets_a_later_substantive_change()
    {
        // On an edition-2 refresher covering only tell-the-truth; edition 3 changes keep-our-word substantively.
        var person = new PersonBefore(7, true, new OpenAssignment(2, AssignmentReason.NewEdition, ["tell-the-truth"], [], false, Published));
        var release = new EditionRelease(3, Published.AddDays(10), [.. Five.Select(k => (k, k == "keep-our-word" ? ChangeKind.Substantive : ChangeKind.Unchanged))]);
        var plan = RefresherPlanner.ForNewEdition(person, release, Options)!;
        Assert.Equal(["tell-the-truth", "keep-our-word"], plan.Pillars);
    }

    [Fact]
    public void Someone_already_on_this_edition_is_left_alone()
    {
        var person = new PersonBefore(7, true, new OpenAssignment(2, AssignmentReason.NewEdition, ["tell-the-truth"], [], false, Published.AddDays(30)));
        Assert.Null(RefresherPlanner.ForNewEdition(person, Mixed, Options));
    }
}
