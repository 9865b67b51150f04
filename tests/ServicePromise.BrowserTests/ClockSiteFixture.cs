using System.Globalization;

namespace ServicePromise.BrowserTests;

/// <summary>The site with a clock the test can move forward while it runs (Testing:ClockShiftFile, Development only).</summary>
public sealed class ClockSiteFixture : SiteFixture
{
    readonly string _shiftFile = Path.Combine(Directory.CreateTempSubdirectory("sp-clock-").FullName, "shift.txt");

    protected override void Configure(IDictionary<string, string?> environment) => environment["Testing__ClockShiftFile"] = _shiftFile;

    /// <summary>From now on the site's today is <paramref name="days"/> days after the real one.</summary>
    public Task MoveClockAsync(int days) => File.WriteAllTextAsync(_shiftFile, TimeSpan.FromDays(days).ToString("c", CultureInfo.InvariantCulture));
}
