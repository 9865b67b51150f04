namespace ServicePromise.Web.Reports.Dashboard;

/// <summary>One column of a chart, in SVG user units.</summary>
public sealed record Column(double X, double Y, double Width, double Height);

/// <summary>The arithmetic behind the dashboard's numbers and charts. Plain rules, no database, no drawing library.</summary>
public static class ChartMath
{
    /// <summary>
    /// A share as a whole percentage, rounded down — 99.6 % reads as 99 %, so "100 %" only ever means everyone —
    /// except that any share above nothing reads as at least 1 %, so "0 %" only ever means nobody.
    /// </summary>
    public static int Percent(int part, int whole)
    {
        if (whole <= 0 || part <= 0) return 0;
        if (part >= whole) return 100;
        return Math.Max(1, (int)(100L * part / whole));
    }

    /// <summary>The top of a chart's scale: the smallest of 1, 2, 5 × 10ⁿ at or above the largest value (at least 1).</summary>
    public static int NiceMax(int largest)
    {
        if (largest <= 1) return 1;
        for (long power = 1; ; power *= 10)
            foreach (var step in new[] { 1, 2, 5 })
                if (step * power >= largest) return (int)Math.Min(int.MaxValue, step * power);
    }

    /// <summary>Columns for <paramref name="values"/> side by side in a <paramref name="width"/> × <paramref name="height"/> plot, scaled to <paramref name="max"/>.</summary>
    public static IReadOnlyList<Column> Columns(IReadOnlyList<int> values, double width, double height, int max, double gap = 4)
    {
        if (values.Count == 0) return [];
        var slot = width / values.Count;
        var scale = max > 0 ? height / max : 0;
        return values.Select((value, i) =>
        {
            var h = Math.Max(0, Math.Min(value, max)) * scale;
            return new Column(i * slot + gap / 2, height - h, Math.Max(1, slot - gap), h);
        }).ToList();
    }

    /// <summary>
    /// The last <paramref name="count"/> weeks (Monday to Sunday, local days) up to and including the one holding
    /// <paramref name="today"/>, oldest first; each as its first day and the day after its last.
    /// </summary>
    public static IReadOnlyList<(DateOnly From, DateOnly Before)> Weeks(DateOnly today, int count)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return Enumerable.Range(0, count).Reverse()
            .Select(back => monday.AddDays(-7 * back))
            .Select(start => (start, start.AddDays(7)))
            .ToList();
    }
}
