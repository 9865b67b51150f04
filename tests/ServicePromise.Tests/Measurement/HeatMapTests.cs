using ServicePromise.Web.Measurement;
using ServicePromise.Web.Measurement.Overview;

namespace ServicePromise.Tests.Measurement;

/// <summary>The heat map's rules: the weakest standard speaks for its pillar, and the shade follows the distance to its threshold.</summary>
public class HeatMapTests
{
    [Fact]
    public void The_weakest_standard_is_the_furthest_below_its_threshold_not_the_lowest_score()
    {
        // 65 against 60 is met; 70 against 80 is 10 below: the pillar is below, shown by its 70.
        var cell = HeatMap.Cell("escucha", [new("a", 6500, 6000), new("b", 7000, 8000), new("c", 9900, 8000)])!;
        Assert.Equal("b", cell.Weakest.StandardKey);
        Assert.True(cell.IsBelow);
        Assert.Equal((3, 1), (cell.Standards, cell.Below));
    }

    [Fact]
    public void Exactly_at_the_threshold_meets_it_and_a_tie_goes_to_the_first_key()
    {
        var cell = HeatMap.Cell("escucha", [new("z", 9000, 8000), new("m", 8000, 7000), new("a", 7000, 6000)])!;
        Assert.Equal("a", cell.Weakest.StandardKey);
        var met = HeatMap.Cell("escucha", [new("a", 8000, 8000)])!;
        Assert.False(met.IsBelow);
        Assert.Equal(CellShade.Near, met.Shade);
    }

    [Fact]
    public void A_standard_no_longer_declared_speaks_only_when_no_other_has_a_threshold()
    {
        Assert.Equal("b", HeatMap.Cell("p", [new("a", 1000, null), new("b", 9000, 8000)])!.Weakest.StandardKey);
        var unknown = HeatMap.Cell("p", [new("a", 5000, null), new("b", 4000, null)])!;
        Assert.Equal(("b", CellShade.Unknown, false), (unknown.Weakest.StandardKey, unknown.Shade, unknown.IsBelow));
        Assert.Null(HeatMap.Cell("p", []));
    }

    [Theory]
    [InlineData(9000, 8000, CellShade.Met)]
    [InlineData(8500, 8000, CellShade.Met)]
    [InlineData(8499, 8000, CellShade.Near)]
    [InlineData(7999, 8000, CellShade.Below)]
    [InlineData(7001, 8000, CellShade.Below)]
    [InlineData(7000, 8000, CellShade.FarBelow)]
    public void The_shade_follows_the_distance_to_the_threshold(int score, int threshold, CellShade shade) =>
        Assert.Equal(shade, HeatMap.Cell("p", [new("a", score, threshold)])!.Shade);

    [Fact]
    public void The_mean_rounds_half_away_from_zero() =>
        Assert.Equal(6251, HeatMap.MeanHundredths([new("a", 6250, null), new("b", 6251, null)]));

    [Theory]
    [InlineData("2026-10", PeriodKind.Month, 2026, 10)]
    [InlineData("2026-Q4", PeriodKind.Quarter, 2026, 10)]
    [InlineData("2026-q1", PeriodKind.Quarter, 2026, 1)]
    public void A_period_key_reads_back_as_its_period(string key, PeriodKind kind, int year, int month)
    {
        var period = ShownPeriod.Parse(key)!.Value;
        Assert.Equal(new ShownPeriod(kind, new DateOnly(year, month, 1)), period);
        Assert.Equal(key.ToUpperInvariant(), period.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("octubre")]
    [InlineData("0000-01")]
    public void An_unreadable_period_key_is_no_period(string? key) => Assert.Null(ShownPeriod.Parse(key));
}
