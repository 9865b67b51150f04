using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// "Today" and dates as people in the organisation read them. Timestamps are stored in UTC, but a due date
/// passes at local midnight and a certificate earned at 00:30 in Madrid is dated that day, not the day before.
/// </summary>
public sealed class OrganisationClock(TimeProvider time, IOptions<AppOptions> options)
{
    readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
    public DateOnly Today => LocalDate(UtcNow);
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(Local(utc));
    /// <summary>The UTC moment a local day begins (for "completed on or after this day" in the database).</summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day begins at the first hour that exists.
        while (_zone.IsInvalidTime(midnight)) midnight = midnight.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(midnight, _zone);
    }

    /// <summary>A moment as the reader says it: date and time in the organisation's zone, the current culture's short format.</summary>
    public string Format(DateTime utc) => Local(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
}
