using ServicePromise.Web.Measurement.Overview;
using ServicePromise.Web.Understanding;

namespace ServicePromise.Tests.Measurement;

/// <summary>The overview's numbers as HR reads them.</summary>
public class OverviewTextTests
{
    [Fact]
    public void Understanding_shows_as_a_percentage_of_first_tries_not_a_hundred_times_it()
    {
        // The understanding rate comes on 0–100 already: one of one first tries passed is 100 %, not 10000 %.
        Assert.Equal("100", OverviewText.Percent(UnderstandingRules.Rate(1, 1)));
        Assert.Equal("67", OverviewText.Percent(UnderstandingRules.Rate(2, 3)));
        Assert.Equal("", OverviewText.Percent(UnderstandingRules.Rate(0, 0)));
    }
}
