using System.Globalization;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// The site's clock. In Development only, <c>Testing:ClockShiftFile</c> names a file holding a TimeSpan ("10" is ten
/// days) that the clock adds to the real time, read on every call: a browser test moves the running site to a later
/// day (a check-in's date) without restarting it. Anywhere else the setting is ignored and the clock is the system's.
/// </summary>
public sealed class ShiftedClock(string shiftFile) : TimeProvider
{
    public const string Setting = "Testing:ClockShiftFile";

    public static TimeProvider For(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && configuration[Setting] is { Length: > 0 } file ? new ShiftedClock(file) : System;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift();

    TimeSpan Shift()
    {
        try
        {
            return TimeSpan.TryParse(File.ReadAllText(shiftFile).Trim(), CultureInfo.InvariantCulture, out var shift) ? shift : TimeSpan.Zero;
        }
        catch (IOException)
        {
            return TimeSpan.Zero; // no file yet (or being rewritten): today
        }
    }
}
