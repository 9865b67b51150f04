using ServicePromise.Web.Feedback;

namespace ServicePromise.Tests.Feedback;

public class TrendSvgTests
{
    static TrendPoint P(int score, bool met = true, string label = "oct 2026") => new(label, score, met);

    [Fact]
    public void Nothing_is_drawn_without_points() =>
        Assert.Equal("", TrendSvg.Render("t", [], 8000, "Título", "Nada"));

    [Fact]
    public void One_point_is_one_bar_in_the_last_slot_with_the_threshold_line()
    {
        var svg = TrendSvg.Render("t", [P(6250, met: false)], 8000, "Título", "Desc");
        Assert.Single(Bars(svg));
        // Slot 6 of 6 is 150..180, the 20-wide bar centred in it; 62,5 of 100 over 60 px is 37.5 high.
        Assert.Contains("<rect class=\"below\" x=\"155\" y=\"22.5\" width=\"20\" height=\"37.5\">", svg);
        Assert.Contains("<line class=\"threshold\" x1=\"0\" y1=\"12\" x2=\"180\" y2=\"12\" />", svg);
    }

    [Fact]
    public void Bars_run_oldest_to_newest_left_to_right_and_only_the_last_six_are_drawn()
    {
        var points = Enumerable.Range(1, 8).Select(i => P(i * 1000, label: $"p{i}")).ToList();
        var svg = TrendSvg.Render("t", points, 5000, "T", "D");
        var bars = Bars(svg);
        Assert.Equal(6, bars.Count);
        Assert.DoesNotContain("<title>p2</title>", svg);
        Assert.Contains("x=\"5\" y=\"42\" width=\"20\" height=\"18\"><title>p3</title>", svg);
        Assert.Contains("x=\"155\" y=\"12\" width=\"20\" height=\"48\"><title>p8</title>", svg);
    }

    [Fact]
    public void A_score_of_zero_and_of_one_hundred_stay_inside_the_chart()
    {
        Assert.Equal(60m, TrendSvg.YOf(0));
        Assert.Equal(0m, TrendSvg.YOf(10000));
        Assert.Equal(0m, TrendSvg.YOf(12000));
        Assert.Equal(60m, TrendSvg.YOf(-5));
    }

    [Fact]
    public void It_is_an_image_named_by_its_title_and_description()
    {
        var svg = TrendSvg.Render("trend-escucha", [P(9000)], 8000, "Evolución", "Últimos 1 periodos: 90");
        Assert.StartsWith("<svg class=\"trend\" role=\"img\" aria-labelledby=\"trend-escucha-title trend-escucha-desc\"", svg);
        Assert.Contains("<title id=\"trend-escucha-title\">Evolución</title>", svg);
        Assert.Contains("<desc id=\"trend-escucha-desc\">Últimos 1 periodos: 90</desc>", svg);
        Assert.Contains("class=\"met\"", svg);
    }

    [Fact]
    public void Texts_are_escaped()
    {
        var svg = TrendSvg.Render("a\"b", [P(5000, label: "<script>&")], 8000, "«Tú & yo» <b>", "\"quoted\" 'x'");
        Assert.DoesNotContain("<script>", svg);
        Assert.DoesNotContain("<b>", svg);
        Assert.Contains("&lt;script&gt;&amp;", svg);
        Assert.Contains("«Tú &amp; yo» &lt;b&gt;", svg);
        Assert.Contains("&quot;quoted&quot; &#39;x&#39;", svg);
        Assert.Contains("id=\"a&quot;b-title\"", svg);
    }

    static List<string> Bars(string svg) => System.Text.RegularExpressions.Regex.Matches(svg, "<rect ").Select(m => m.Value).ToList();
}
