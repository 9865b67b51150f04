namespace ServicePromise.Web.Measurement.Overview;

/// <summary>One standard's live result at one site in one period, with the threshold its standard has today (null: no longer declared).</summary>
public sealed record StandardScore(string StandardKey, int ScoreHundredths, int? ThresholdHundredths)
{
    /// <summary>Points above (positive) or below (negative) the threshold, in hundredths.</summary>
    public int? Gap => ThresholdHundredths is int threshold ? ScoreHundredths - threshold : null;
    public bool IsBelow => Gap < 0;
}

public enum CellShade
{
    /// <summary>No threshold to compare with.</summary>
    Unknown,
    /// <summary>Met with at least <see cref="HeatMap.ComfortHundredths"/> to spare.</summary>
    Met,
    /// <summary>Met, but within <see cref="HeatMap.ComfortHundredths"/> of the threshold.</summary>
    Near,
    /// <summary>Below, by less than <see cref="HeatMap.FarHundredths"/>.</summary>
    Below,
    /// <summary>Below by <see cref="HeatMap.FarHundredths"/> or more.</summary>
    FarBelow,
}

/// <summary>
/// A pillar's cell of the heat map: its weakest standard — the one furthest under (or least over) its threshold —
/// because one failing standard is what needs acting on, and a mean would hide it behind the others.
/// </summary>
public sealed record PillarCell(string PillarKey, StandardScore Weakest, int Standards, int Below)
{
    public bool IsBelow => Below > 0;
    public CellShade Shade => HeatMap.ShadeOf(Weakest.Gap);
}

/// <summary>The heat map's rules, in plain C#: which standard speaks for a pillar and how far from its threshold is which shade.</summary>
public static class HeatMap
{
    /// <summary>Within 5 points above the threshold is "near": met, but one bad month away from a finding.</summary>
    public const int ComfortHundredths = 500;
    /// <summary>10 points or more below the threshold is the darkest shade.</summary>
    public const int FarHundredths = 1000;

    /// <summary>The pillar's cell from its standards' results; null when none was measured.</summary>
    public static PillarCell? Cell(string pillarKey, IEnumerable<StandardScore> scores)
    {
        var list = scores.ToList();
        if (list.Count == 0) return null;
        // The weakest is the lowest gap; standards without a threshold speak only when none has one (then the lowest score).
        // Ties go to the standard key, so the cell and the site's detail always name the same one.
        var weakest = list.OrderBy(s => s.Gap is null ? 1 : 0).ThenBy(s => s.Gap ?? s.ScoreHundredths).ThenBy(s => s.StandardKey, StringComparer.Ordinal).First();
        return new PillarCell(pillarKey, weakest, list.Count, list.Count(s => s.IsBelow));
    }

    public static CellShade ShadeOf(int? gap) => gap switch
    {
        null => CellShade.Unknown,
        <= -FarHundredths => CellShade.FarBelow,
        < 0 => CellShade.Below,
        < ComfortHundredths => CellShade.Near,
        _ => CellShade.Met,
    };

    /// <summary>The mean of every standard's score, in hundredths rounded half away from zero; null without results.</summary>
    public static int? MeanHundredths(IEnumerable<StandardScore> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? null : (int)Math.Round(list.Average(s => (decimal)s.ScoreHundredths), MidpointRounding.AwayFromZero);
    }
}
