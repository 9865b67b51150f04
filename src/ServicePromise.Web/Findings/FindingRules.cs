using ServicePromise.Web.Measurement;

namespace ServicePromise.Web.Findings;

/// <summary>One audit result as the finding rules see it: its score and sample, in hundredths of a point.</summary>
public sealed record MeasuredScore(int ScoreHundredths, int Sample);

/// <summary>
/// When an audit result is a finding, and when a later one closes it. Plain rules, no database: scores and
/// thresholds in hundredths, so equality is exact (62,5 against 62,5 is met).
/// </summary>
public static class FindingRules
{
    /// <summary>
    /// Why <paramref name="result"/> is a finding, or null when it is not: below the threshold (exactly at it is met),
    /// or more than <see cref="MeasurementOptions.DropPoints"/> below the previous period's result (exactly that many is
    /// not). A result resting on fewer than <see cref="MeasurementOptions.MinimumSample"/> observations is never one.
    /// </summary>
    public static FindingKind? Evaluate(MeasuredScore result, int thresholdHundredths, int? previousScoreHundredths, MeasurementOptions options)
    {
        if (result.Sample < options.MinimumSample) return null;
        FindingKind kind = 0;
        if (result.ScoreHundredths < thresholdHundredths) kind |= FindingKind.BelowThreshold;
        if (previousScoreHundredths is int before && before - result.ScoreHundredths > DropHundredths(options)) kind |= FindingKind.Drop;
        return kind == 0 ? null : kind;
    }

    /// <summary>Whether a result meets its standard: at or above the threshold, on at least the minimum sample.</summary>
    public static bool Meets(MeasuredScore result, int thresholdHundredths, MeasurementOptions options) =>
        result.Sample >= options.MinimumSample && result.ScoreHundredths >= thresholdHundredths;

    /// <summary>
    /// Whether a result of <paramref name="period"/> closes an open (proposed or confirmed) finding of
    /// <paramref name="findingPeriod"/> for the same place and standard: a later period that meets the standard.
    /// </summary>
    public static bool Closes(FindingState state, DateOnly findingPeriod, DateOnly period, MeasuredScore result, int thresholdHundredths, MeasurementOptions options) =>
        IsOpen(state) && period > findingPeriod && Meets(result, thresholdHundredths, options);

    public static bool IsOpen(FindingState state) => state is FindingState.Proposed or FindingState.Confirmed;

    /// <summary>The first day of the period before the one starting on <paramref name="start"/>.</summary>
    public static DateOnly PreviousPeriod(DateOnly start, PeriodKind kind) => start.AddMonths(kind == PeriodKind.Quarter ? -3 : -1);

    static int DropHundredths(MeasurementOptions options) => (int)Math.Round(options.DropPoints * 100m, MidpointRounding.AwayFromZero);
}
