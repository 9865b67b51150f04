using ServicePromise.Web.Reports.Dashboard;

namespace ServicePromise.Tests.Reports;

public class ChartMathTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 10, 0)]
    [InlineData(10, 10, 100)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 66)]     // rounded down, not up to 67
    [InlineData(996, 1000, 99)] // 99.6 % is not yet everyone
    [InlineData(1, 1000, 1)]    // 0.1 % is somebody: never shown as nobody
    [InlineData(5, 0, 0)]
    public void Percent_says_100_only_for_everyone_and_0_only_for_nobody(int part, int whole, int expected) =>
        Assert.Equal(expected, ChartMath.Percent(part, whole));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(20, 20)]
    [InlineData(201, 500)]
    [InlineData(4500, 5000)]
    public void The_scale_tops_at_the_next_1_2_or_5(int largest, int expected) =>
        Assert.Equal(expected, ChartMath.NiceMax(largest));

    [Fact]
    public void Columns_share_the_width_and_stand_on_the_baseline_in_proportion()
    {
        var columns = ChartMath.Columns([0, 5, 10], 300, 100, 10, gap: 0);
        Assert.Equal([0d, 100d, 200d], columns.Select(c => c.X));
        Assert.All(columns, c => Assert.Equal(100, c.Width));
        Assert.Equal([0d, 50d, 100d], columns.Select(c => c.Height));
        Assert.All(columns, c => Assert.Equal(100, c.Y + c.Height)); // every column ends on the baseline
    }

    [Fact]
    public void A_value_above_the_scale_is_cut_at_the_top()
    {
        var column = Assert.Single(ChartMath.Columns([15], 100, 100, 10));
        Assert.Equal(100, column.Height);
        Assert.Equal(0, column.Y);
    }

    [Fact]
    public void Weeks_run_monday_to_sunday_and_end_with_the_current_one()
    {
        var sunday = new DateOnly(2026, 11, 22);
        var weeks = ChartMath.Weeks(sunday, 3);
        Assert.Equal([(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9)), (new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16)),
            (new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23))], weeks);
        Assert.Equal(new DateOnly(2026, 11, 23), ChartMath.Weeks(new DateOnly(2026, 11, 23), 1)[0].From); // a Monday starts its own week
    }
}

public class TotalsTests
{
    [Fact]
    public void Totals_add_up_the_groups_and_the_rest_have_not_started()
    {
        var totals = Totals.Of([new GroupRow("1", "Frescos", 10, 4, 2, 3), new GroupRow(null, null, 5, 1, 0, 1)]);
        Assert.Equal(new Totals(15, 5, 4, 4, 2), totals);
        Assert.Equal(new Totals(0, 0, 0, 0, 0), Totals.Of([]));
    }
}
