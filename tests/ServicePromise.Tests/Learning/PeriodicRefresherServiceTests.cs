using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

public class PeriodicRefresherServiceTests
{
    sealed class YearlyFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Learning:PeriodicRefresherMonths", "12");
        }
    }

    [Fact]
    public async Task With_yearly_refreshers_certificates_expire_and_a_full_refresher_is_assigned_before_they_do()
    {
        using var app = new YearlyFactory();
        _ = app.Server;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expiry = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.ExpiresOn).SingleAsync());
        Assert.NotNull(expiry);
        Assert.InRange(expiry!.Value.DayNumber - today.AddYears(1).DayNumber, -1, 1);
        var page = await app.Browser().GetPageAsync("/verify/" + await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.Code).SingleAsync()));
        Assert.Contains("Válido hasta", page.Text());

        // Eleven months and a half later: inside the 30 days before expiry.
        var later = new FixedTime(DateTimeOffset.UtcNow.AddDays(350));
        var completed = await app.WithDbAsync(db => db.Employees.CountAsync(e => e.CurrentAssignment!.CompletedAt != null));
        var assigned = await app.WithDbAsync(db =>
        {
            var options = app.Services.GetRequiredService<IOptions<LearningOptions>>();
            var clock = new OrganisationClock(later, app.Services.GetRequiredService<IOptions<AppOptions>>());
            return new PeriodicRefreshers(db, clock, options, NullLogger<PeriodicRefreshers>.Instance).AssignDueAsync();
        });
        Assert.Equal(completed, assigned);
        var manuel = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0102")
            .Select(e => new { e.CurrentAssignment!.Reason, e.CurrentAssignment.DueOn, Pillars = e.CurrentAssignment.Pillars.Count }).SingleAsync());
        Assert.Equal((AssignmentReason.PeriodicRefresher, expiry.Value, 5), (manuel.Reason, manuel.DueOn, manuel.Pillars));

        // Running again assigns nothing more.
        Assert.Equal(0, await app.WithDbAsync(db =>
            new PeriodicRefreshers(db, new OrganisationClock(later, app.Services.GetRequiredService<IOptions<AppOptions>>()),
                app.Services.GetRequiredService<IOptions<LearningOptions>>(), NullLogger<PeriodicRefreshers>.Instance).AssignDueAsync()));
    }

    [Fact]
    public void Superseded_wins_over_expired_and_expired_starts_the_day_after()
    {
        var expires = new DateOnly(2027, 3, 15);
        Assert.Equal(CertificateStatus.Valid, VerifyModel.StatusOf(null, expires, expires));
        Assert.Equal(CertificateStatus.Expired, VerifyModel.StatusOf(null, expires, expires.AddDays(1)));
        Assert.Equal(CertificateStatus.Superseded, VerifyModel.StatusOf("ABCD-EFGH-JKMN-PQRS-TVWX", expires, expires.AddDays(1)));
        Assert.Equal(CertificateStatus.Valid, VerifyModel.StatusOf(null, null, expires.AddYears(10)));
    }
}
