using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

public class CompletionRulesTests
{
    static readonly DateTime T = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    static readonly DateOnly Due = new(2026, 11, 15);

    [Fact]
    public void A_pillar_needs_both_reading_and_a_submitted_reflection()
    {
        Assert.False(CompletionRules.IsPillarDone(null, null));
        Assert.False(CompletionRules.IsPillarDone(T, null));
        Assert.False(CompletionRules.IsPillarDone(null, T));
        Assert.True(CompletionRules.IsPillarDone(T, T));
    }

    static Assignment With(params (DateTime? Read, DateTime? Reflected)[] pillars) =>
        new() { Pillars = pillars.Select(p => new AssignmentPillar { ReadAt = p.Read, ReflectedAt = p.Reflected, Pillar = new() }).ToList() };

    [Fact]
    public void A_pillar_with_a_check_also_needs_the_check_passed()
    {
        Assert.False(CompletionRules.IsPillarDone(T, T, hasCheck: true, checkPassedAt: null));
        Assert.True(CompletionRules.IsPillarDone(T, T, hasCheck: true, checkPassedAt: T));
        var assignment = new Assignment { Pillars = [new AssignmentPillar { ReadAt = T, ReflectedAt = T, Pillar = new() { HasCheck = true } }] };
        Assert.False(CompletionRules.IsComplete(assignment));
        assignment.Pillars[0].CheckPassedAt = T;
        Assert.True(CompletionRules.IsComplete(assignment));
    }

    [Fact]
    public void An_assignment_is_complete_only_when_every_pillar_is_done()
    {
        Assert.True(CompletionRules.IsComplete(With((T, T), (T, T))));
        Assert.False(CompletionRules.IsComplete(With((T, T), (T, null))));
        Assert.False(CompletionRules.IsComplete(With((T, T), (null, T))));
        Assert.False(CompletionRules.IsComplete(With((T, T), (null, null))));
    }

    [Fact]
    public void An_assignment_without_pillars_is_never_complete()
    {
        Assert.False(CompletionRules.IsComplete(With()));
    }

    [Fact]
    public void Completed_wins_even_after_the_due_date()
    {
        Assert.Equal(AssignmentStatus.Completed, CompletionRules.StatusOf(T, T, Due, Due.AddDays(30)));
    }

    [Fact]
    public void Overdue_starts_the_day_after_the_due_date()
    {
        Assert.Equal(AssignmentStatus.NotStarted, CompletionRules.StatusOf(null, null, Due, Due));
        Assert.Equal(AssignmentStatus.Overdue, CompletionRules.StatusOf(null, null, Due, Due.AddDays(1)));
        Assert.Equal(AssignmentStatus.Overdue, CompletionRules.StatusOf(null, T, Due, Due.AddDays(1)));
    }

    [Fact]
    public void Started_before_the_due_date_is_in_progress()
    {
        Assert.Equal(AssignmentStatus.InProgress, CompletionRules.StatusOf(null, T, Due, Due.AddDays(-3)));
    }

    [Fact]
    public void A_new_hire_is_due_the_configured_days_after_hire()
    {
        var hired = new DateOnly(2026, 11, 20);
        Assert.Equal(new DateOnly(2026, 12, 4), CompletionRules.OnboardingDueDate(hired, new DateOnly(2026, 11, 21), 14));
    }

    [Fact]
    public void Someone_hired_long_ago_gets_the_full_period_from_assignment()
    {
        var hired = new DateOnly(2019, 3, 1);
        var assigned = new DateOnly(2026, 11, 22);
        Assert.Equal(assigned.AddDays(14), CompletionRules.OnboardingDueDate(hired, assigned, 14));
    }
}
