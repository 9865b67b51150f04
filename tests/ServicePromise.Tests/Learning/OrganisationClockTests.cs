using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Learning;

public class OrganisationClockTests
{
    static OrganisationClock At(string utc, string zone = "Europe/Madrid") =>
        new(new FixedTime(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), Options.Create(new AppOptions { TimeZone = zone }));

    [Fact]
    public void Half_past_midnight_in_madrid_is_already_the_next_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 22), At("2026-11-21T23:30:00Z").Today);
        Assert.Equal(new DateOnly(2026, 11, 21), At("2026-11-21T22:59:00Z").Today);
    }

    [Fact]
    public void Summer_time_is_taken_into_account()
    {
        Assert.Equal(new DateOnly(2026, 7, 2), At("2026-07-01T22:30:00Z").Today);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_by_name()
    {
        var errors = new AppOptions { TimeZone = "Mars/Olympus" }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("App:TimeZone 'Mars/Olympus'"));
    }
}
