using ServicePromise.Web.CheckIns;

namespace ServicePromise.Tests.CheckIns;

public class CheckInScheduleTests
{
    static readonly DateOnly Plan = new(2027, 3, 10);
    static readonly int[] FollowUps = [30, 90];

    static CheckInAnswer Answer(CheckInOutcome outcome, bool habit = false, DateOnly? newDate = null) => new(outcome, habit, newDate);

    [Fact]
    public void The_first_check_in_comes_on_the_plan_date_or_the_day_it_counted_when_that_is_later()
    {
        Assert.Equal(new CheckInStep(0, Plan, Plan, false), CheckInSchedule.First(Plan, Plan.AddDays(-5)));
        // Approved after the date: asked the day it counted, and the follow-ups count from then.
        var late = Plan.AddDays(3);
        Assert.Equal(new CheckInStep(0, late, late, false), CheckInSchedule.First(Plan, late));
    }

    [Fact]
    public void Follow_ups_come_30_and_90_days_after_the_first_and_then_stop()
    {
        var first = CheckInSchedule.First(Plan, Plan);
        var second = CheckInSchedule.After(first, Answer(CheckInOutcome.Partly), Plan, retryUsed: false, FollowUps)!;
        Assert.Equal(new CheckInStep(1, Plan, Plan.AddDays(30), false), second);
        var third = CheckInSchedule.After(second, Answer(CheckInOutcome.Yes), second.DueOn, retryUsed: false, FollowUps)!;
        Assert.Equal(new CheckInStep(2, Plan, Plan.AddDays(90), false), third);
        Assert.Null(CheckInSchedule.After(third, Answer(CheckInOutcome.Yes), third.DueOn, retryUsed: false, FollowUps));
    }

    [Fact]
    public void A_habit_stops_the_follow_ups()
    {
        var first = CheckInSchedule.First(Plan, Plan);
        Assert.Null(CheckInSchedule.After(first, Answer(CheckInOutcome.Yes, habit: true), Plan, retryUsed: false, FollowUps));
        // "Not yet" cannot be a habit: the schedule goes on.
        Assert.NotNull(CheckInSchedule.After(first, Answer(CheckInOutcome.NotYet, habit: true), Plan, retryUsed: false, FollowUps));
    }

    [Fact]
    public void Not_yet_with_a_new_date_asks_again_then_once_and_the_follow_ups_move_with_it()
    {
        var first = CheckInSchedule.First(Plan, Plan);
        var newDate = Plan.AddDays(10);
        var retry = CheckInSchedule.After(first, Answer(CheckInOutcome.NotYet, newDate: newDate), Plan, retryUsed: false, FollowUps)!;
        Assert.Equal(new CheckInStep(0, newDate, newDate, true), retry);
        Assert.False(CheckInSchedule.OffersNewDate(retry, retryUsed: true));

        // A second "not yet" with a date: the date is not offered again, the follow-up counts from the new date.
        var next = CheckInSchedule.After(retry, Answer(CheckInOutcome.NotYet, newDate: newDate.AddDays(5)), newDate, retryUsed: true, FollowUps)!;
        Assert.Equal(new CheckInStep(1, newDate, newDate.AddDays(30), false), next);
    }

    [Fact]
    public void Not_yet_without_a_date_goes_on_to_the_follow_up()
    {
        var first = CheckInSchedule.First(Plan, Plan);
        Assert.Equal(new CheckInStep(1, Plan, Plan.AddDays(30), false),
            CheckInSchedule.After(first, Answer(CheckInOutcome.NotYet), Plan, retryUsed: false, FollowUps));
    }

    [Fact]
    public void An_answer_given_after_the_next_date_is_followed_up_the_day_after_not_at_once()
    {
        var first = CheckInSchedule.First(Plan, Plan);
        var answeredOn = Plan.AddDays(45);
        Assert.Equal(answeredOn.AddDays(1), CheckInSchedule.After(first, Answer(CheckInOutcome.Yes), answeredOn, retryUsed: false, FollowUps)!.DueOn);
    }

    [Fact]
    public void Follow_up_days_come_from_the_setting()
    {
        var first = CheckInSchedule.First(Plan, Plan);
        var only = CheckInSchedule.After(first, Answer(CheckInOutcome.Yes), Plan, retryUsed: false, [14])!;
        Assert.Equal(Plan.AddDays(14), only.DueOn);
        Assert.Null(CheckInSchedule.After(only, Answer(CheckInOutcome.Yes), only.DueOn, retryUsed: false, [14]));
    }

    [Theory]
    [InlineData(null, "Elige la fecha")]
    [InlineData("", "Elige la fecha")]
    [InlineData("31/02/2027", "no es una fecha")]
    [InlineData("2027-02-31", "no es una fecha")]
    [InlineData("mañana", "no es una fecha")]
    [InlineData("2027-03-10", "entre mañana")] // today: not ahead
    [InlineData("2027-06-09", "entre mañana")] // 91 days ahead
    [InlineData("2027-03-01", "entre mañana")] // in the past
    public void A_plan_date_that_is_missing_garbled_or_out_of_range_is_refused_by_name(string? posted, string problem)
    {
        var (date, message) = CheckInSchedule.ParseDate(posted, Plan);
        Assert.Null(date);
        Assert.Contains(problem, message!.Key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-03-11", 1)]
    [InlineData("2027-06-08", 90)]
    public void A_date_from_tomorrow_to_90_days_ahead_is_a_plan(string posted, int days)
    {
        var (date, message) = CheckInSchedule.ParseDate(posted, Plan);
        Assert.Null(message);
        Assert.Equal(Plan.AddDays(days), date);
    }

    [Fact]
    public void Follow_up_settings_must_grow_and_stay_within_two_years()
    {
        static bool Valid(int[]? days) => !new CheckInOptions { FollowUpDays = days }.Validate(new(new object())).Any();
        Assert.True(Valid(null));
        Assert.True(Valid([30, 90]));
        Assert.False(Valid([90, 30]));
        Assert.False(Valid([0]));
        Assert.False(Valid([30, 1000]));
        Assert.Equal([30, 90], new CheckInOptions().FollowUps);
    }

    static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void Mi_equipo_shows_one_row_per_commitment_the_last_asked_else_the_next_to_come()
    {
        var answered = new DateTime(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);
        CheckInKey[] checkIns =
        [
            new(1, 7, "listen", 100, Today.AddDays(-5), answered),   // asked and answered
            new(2, 7, "listen", 100, Today.AddDays(25), null),       // its 30-day follow-up, weeks away
            new(3, 7, "own-it", 101, Today.AddDays(4), null),        // a plan not yet asked: the only row for that pillar
            new(4, 8, "listen", 200, Today.AddDays(-40), answered),  // a plan since rewritten...
            new(5, 8, "listen", 201, Today.AddDays(6), null),        // ...the new one is what counts
            new(6, 9, "listen", 300, Today.AddDays(-30), answered),
            new(7, 9, "listen", 300, Today, null),                   // due today: asked, and later than the answered one
        ];
        Assert.Equal([1, 3, 5, 7], CheckInRows.OnePerCommitment(checkIns, Today).Order());
    }
}
