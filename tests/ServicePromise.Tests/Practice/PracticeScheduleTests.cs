using ServicePromise.Web.Learning;
using ServicePromise.Web.Practice;

namespace ServicePromise.Tests.Practice;

public class PracticeScheduleTests
{
    static readonly int[] Intervals = [1, 2, 4, 8, 16];
    static readonly DateOnly Week = new(2026, 3, 2); // a Monday
    static readonly PoolPillar[] Pool = [new("smile", 1, 3), new("truth", 2, 3)];

    [Fact]
    public void The_week_starts_on_monday()
    {
        Assert.Equal(Week, PracticeSchedule.WeekOf(Week));
        Assert.Equal(Week, PracticeSchedule.WeekOf(Week.AddDays(6)));
        Assert.Equal(Week.AddDays(7), PracticeSchedule.WeekOf(Week.AddDays(7)));
    }

    [Fact]
    public void A_right_answer_moves_one_box_on_with_growing_intervals_and_the_last_box_stays_last()
    {
        Assert.Equal((2, Week.AddDays(14)), PracticeSchedule.After(1, right: true, Week, Intervals));
        Assert.Equal((3, Week.AddDays(28)), PracticeSchedule.After(2, right: true, Week, Intervals));
        Assert.Equal((5, Week.AddDays(16 * 7)), PracticeSchedule.After(5, right: true, Week, Intervals));
    }

    [Fact]
    public void A_wrong_answer_goes_back_to_box_one_and_comes_back_sooner_than_a_right_one()
    {
        var wrong = PracticeSchedule.After(4, right: false, Week, Intervals);
        var right = PracticeSchedule.After(1, right: true, Week, Intervals);
        Assert.Equal((1, Week.AddDays(7)), wrong);
        Assert.True(wrong.DueWeek < right.DueWeek);
    }

    [Fact]
    public void The_most_overdue_due_item_comes_first_with_pillar_order_and_index_breaking_ties()
    {
        ScheduledItem[] items =
        [
            new("truth", 0, 1, Week.AddDays(-7)),
            new("smile", 2, 2, Week.AddDays(-14)),
            new("smile", 1, 1, Week.AddDays(-7)),
            new("smile", 0, 3, Week.AddDays(7)), // not due yet
        ];
        Assert.Equal([("smile", 2)], PracticeSchedule.Pick(items, Pool, Week, 1));
        Assert.Equal([("smile", 2), ("smile", 1), ("truth", 0)], PracticeSchedule.Pick(items, Pool, Week, 3));
    }

    [Fact]
    public void New_questions_enter_one_at_a_time_from_the_pillar_with_fewest_scheduled()
    {
        Assert.Equal([("smile", 0)], PracticeSchedule.Pick([], Pool, Week, 1));
        ScheduledItem[] one = [new("smile", 0, 2, Week.AddDays(7))];
        Assert.Equal([("truth", 0)], PracticeSchedule.Pick(one, Pool, Week, 1));
        Assert.Equal([("truth", 0), ("smile", 1)], PracticeSchedule.Pick(one, Pool, Week, 2));
    }

    [Fact]
    public void Questions_past_the_end_of_the_pool_or_of_a_removed_pillar_are_never_picked()
    {
        ScheduledItem[] items = [new("smile", 7, 1, Week.AddDays(-21)), new("gone", 0, 1, Week.AddDays(-21))];
        Assert.Equal([("smile", 0)], PracticeSchedule.Pick(items, Pool, Week, 1));
    }

    [Fact]
    public void With_nothing_due_and_nothing_new_the_soonest_due_comes_early_rather_than_an_empty_week()
    {
        PoolPillar[] pool = [new("smile", 1, 2)];
        ScheduledItem[] items = [new("smile", 0, 3, Week.AddDays(21)), new("smile", 1, 2, Week.AddDays(7))];
        Assert.Equal([("smile", 1)], PracticeSchedule.Pick(items, pool, Week, 1));
    }

    [Fact]
    public void Two_misses_in_a_row_on_a_pillar_offer_a_reread()
    {
        Assert.True(PracticeSchedule.OffersReread(right: false, previousOnPillarRight: false));
        Assert.False(PracticeSchedule.OffersReread(right: false, previousOnPillarRight: true));
        Assert.False(PracticeSchedule.OffersReread(right: false, previousOnPillarRight: null));
        Assert.False(PracticeSchedule.OffersReread(right: true, previousOnPillarRight: false));
    }

    [Theory]
    [InlineData(ChangeKind.Substantive, PillarReset.Restart)]
    [InlineData(ChangeKind.New, PillarReset.Restart)]
    [InlineData(ChangeKind.Editorial, PillarReset.KeepExisting)]
    [InlineData(ChangeKind.Unchanged, PillarReset.KeepExisting)]
    public void A_substantive_change_restarts_a_pillar_and_an_editorial_one_keeps_it(ChangeKind change, PillarReset expected) =>
        Assert.Equal(expected, PracticeSchedule.ResetFor(change));

    [Fact]
    public void Knowledge_kept_is_the_share_right_or_nothing_without_answers()
    {
        Assert.Null(PracticeSchedule.KeptPercent(0, 0));
        Assert.Equal(67, PracticeSchedule.KeptPercent(2, 3));
    }
}
