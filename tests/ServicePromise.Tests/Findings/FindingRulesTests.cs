using ServicePromise.Web.Findings;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Findings;

public class FindingRulesTests
{
    static readonly MeasurementOptions Options = new() { MinimumSample = 5, DropPoints = 10 };
    static readonly DateOnly September = new(2026, 9, 1);
    static readonly DateOnly October = new(2026, 10, 1);

    static FindingKind? Judge(int score, int sample = 10, int threshold = 8000, int? previous = null) =>
        FindingRules.Evaluate(new MeasuredScore(score, sample), threshold, previous, Options);

    [Fact]
    public void Below_the_threshold_is_a_finding() => Assert.Equal(FindingKind.BelowThreshold, Judge(6250));

    [Fact]
    public void Exactly_at_the_threshold_is_met() => Assert.Null(Judge(8000));

    [Fact]
    public void A_hundredth_below_the_threshold_is_a_finding() => Assert.Equal(FindingKind.BelowThreshold, Judge(7999));

    [Fact]
    public void A_sample_below_the_minimum_is_never_a_finding()
    {
        Assert.Null(Judge(1000, sample: 4, previous: 9900));
        Assert.Equal(FindingKind.BelowThreshold | FindingKind.Drop, Judge(1000, sample: 5, previous: 9900));
    }

    [Fact]
    public void A_drop_of_more_than_the_set_points_is_a_finding_even_above_the_threshold() =>
        Assert.Equal(FindingKind.Drop, Judge(8500, previous: 9501));

    [Fact]
    public void A_drop_of_exactly_the_set_points_is_not() => Assert.Null(Judge(8500, previous: 9500));

    [Fact]
    public void Below_and_dropping_is_both() => Assert.Equal(FindingKind.BelowThreshold | FindingKind.Drop, Judge(6000, previous: 9000));

    [Fact]
    public void Without_a_previous_period_only_the_threshold_counts()
    {
        Assert.Null(Judge(8100));
        Assert.Equal(FindingKind.BelowThreshold, Judge(7900));
    }

    [Fact]
    public void The_same_score_as_last_period_is_no_drop() => Assert.Null(Judge(8200, previous: 8200));

    [Fact]
    public void Drop_points_with_decimals_compare_in_hundredths()
    {
        var options = new MeasurementOptions { MinimumSample = 5, DropPoints = 2.5m };
        Assert.Null(FindingRules.Evaluate(new MeasuredScore(9000, 10), 8000, 9250, options));
        Assert.Equal(FindingKind.Drop, FindingRules.Evaluate(new MeasuredScore(9000, 10), 8000, 9251, options));
    }

    [Fact]
    public void A_later_period_that_meets_the_standard_closes_an_open_finding()
    {
        var met = new MeasuredScore(8000, 10);
        Assert.True(FindingRules.Closes(FindingState.Proposed, September, October, met, 8000, Options));
        Assert.True(FindingRules.Closes(FindingState.Confirmed, September, October, met, 8000, Options));
    }

    [Fact]
    public void The_same_or_an_earlier_period_a_result_below_or_a_decided_finding_does_not_close()
    {
        var met = new MeasuredScore(9000, 10);
        Assert.False(FindingRules.Closes(FindingState.Confirmed, October, October, met, 8000, Options));
        Assert.False(FindingRules.Closes(FindingState.Confirmed, October, September, met, 8000, Options));
        Assert.False(FindingRules.Closes(FindingState.Confirmed, September, October, new MeasuredScore(7999, 10), 8000, Options));
        Assert.False(FindingRules.Closes(FindingState.Confirmed, September, October, new MeasuredScore(9000, 4), 8000, Options));
        Assert.False(FindingRules.Closes(FindingState.Dismissed, September, October, met, 8000, Options));
        Assert.False(FindingRules.Closes(FindingState.Closed, September, October, met, 8000, Options));
    }

    [Fact]
    public void The_previous_period_is_the_month_or_the_quarter_before()
    {
        Assert.Equal(new DateOnly(2025, 12, 1), FindingRules.PreviousPeriod(new DateOnly(2026, 1, 1), PeriodKind.Month));
        Assert.Equal(new DateOnly(2026, 7, 1), FindingRules.PreviousPeriod(October, PeriodKind.Quarter));
    }
}
