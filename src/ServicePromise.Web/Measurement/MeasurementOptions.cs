using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Measurement;

/// <summary>Settings of the service audit (section "Measurement").</summary>
public class MeasurementOptions
{
    public const string Section = "Measurement";

    /// <summary>The fewest visits, surveys or observations a result may rest on; a row with fewer is refused at import, and raises no finding.</summary>
    [Range(1, 10000, ErrorMessage = "Measurement:MinimumSample must be between 1 and 10000.")]
    public int MinimumSample { get; set; } = 5;

    /// <summary>A fall of more than this many points from the previous period is a finding, even above the threshold.</summary>
    [Range(0.01, 100, ErrorMessage = "Measurement:DropPoints must be between 0.01 and 100.")]
    public decimal DropPoints { get; set; } = 10;

    /// <summary>Days people have to do a targeted refresher, from HR's confirmation (HR may change it per finding).</summary>
    [Range(1, 365, ErrorMessage = "Measurement:RefresherDueDays must be between 1 and 365.")]
    public int RefresherDueDays { get; set; } = 14;
}
