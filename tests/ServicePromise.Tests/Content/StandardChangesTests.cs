using ServicePromise.Web.Content;

namespace ServicePromise.Tests.Content;

public class StandardChangesTests
{
    static readonly ShownStandard Greet = new("saludo", 8000, "Saludamos", "Cliente misterioso");
    static readonly ShownStandard Listen = new("escucha", 7500, "Escuchamos", "Llamadas");

    [Fact]
    public void The_same_standards_are_no_change()
    {
        Assert.Empty(StandardChanges.Between([Greet, Listen], [Greet with { }, Listen with { }]));
    }

    [Fact]
    public void A_new_and_a_removed_standard_are_matched_by_key()
    {
        var changes = StandardChanges.Between([Greet], [Listen]);
        Assert.Equal([("escucha", true, false), ("saludo", false, true)], changes.Select(c => (c.Key, c.Added, c.Removed)));
    }

    [Fact]
    public void A_moved_threshold_is_told_apart_from_new_words()
    {
        var threshold = Assert.Single(StandardChanges.Between([Greet], [Greet with { ThresholdHundredths = 8500 }]));
        Assert.Equal((true, false), (threshold.ThresholdChanged, threshold.Reworded));
        var measured = Assert.Single(StandardChanges.Between([Greet], [Greet with { Measured = "Encuesta" }]));
        Assert.Equal((false, true), (measured.ThresholdChanged, measured.Reworded));
        var both = Assert.Single(StandardChanges.Between([Greet], [Greet with { Wording = "Saludamos enseguida", ThresholdHundredths = 9000 }]));
        Assert.Equal((true, true, false, false), (both.ThresholdChanged, both.Reworded, both.Added, both.Removed));
    }

    [Fact]
    public void A_threshold_is_kept_in_hundredths()
    {
        Assert.Equal(6250, ShownStandard.Hundredths(62.5m));
        Assert.Equal(8000, ShownStandard.Of(new StandardContent("saludo", "W", "M", 80m, 3)).ThresholdHundredths);
    }
}
