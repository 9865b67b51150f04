using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

public class PeriodicRefresherServiceTests
{
    sealed class YearlyFactory : AppFactory
    {
        public MovableTime Time { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Learning:PeriodicRefresherMonths", "12");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
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
    public async Task A_new_edition_refresher_keeps_the_expiry_of_the_last_full_completion()
    {
        var content = Repo.CopyContent();
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-periodic-").FullName, "app.db");
        DateOnly? firstExpiry;
        using (var app = new YearlyFactory { DatabaseFile = dbFile, ContentPath = content })
        {
            _ = app.Server;
            firstExpiry = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.ExpiresOn).SingleAsync());
            var path = Path.Combine(content, "es/pillars/02-tell-the-truth.md");
            File.WriteAllText(path, File.ReadAllText(path).Replace("order: 2", "order: 2\nchange: substantive") + "\nUna idea nueva.\n");
            using (var scope = app.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<EditionRollout>()
                    .PublishAsync(scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Content.ContentFolder>().Load(), "Pilar 2");
            // Two months later Manuel redoes the changed pillar: his proof still runs out when the first one did.
            app.Time.Offset = TimeSpan.FromDays(60);
            var client = app.Browser();
            await client.SignedInAsync(Pages.OtherEmployee);
            await UserStories.CompletePillarAsync(client, "/pillars/tell-the-truth",
                "Como reponedor, cuando un cliente pregunta por algo agotado le digo la verdad y cuándo llega; mis compañeros de caja también son mis clientes.");
            var latest = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").OrderByDescending(c => c.Id).Select(c => c.ExpiresOn).FirstAsync());
            Assert.Equal(firstExpiry, latest);
        }
    }

    [Fact]
    public void Superseded_wins_over_expired_and_expired_starts_the_day_after()
    {
        var expires = new DateOnly(2027, 3, 15);
        Assert.Equal(CertificateStatus.Valid, CertificateValidity.StatusOf(null, expires, expires));
        Assert.Equal(CertificateStatus.Expired, CertificateValidity.StatusOf(null, expires, expires.AddDays(1)));
        Assert.Equal(CertificateStatus.Superseded, CertificateValidity.StatusOf("ABCD-EFGH-JKMN-PQRS-TVWX", expires, expires.AddDays(1)));
        Assert.Equal(CertificateStatus.Valid, CertificateValidity.StatusOf(null, null, expires.AddYears(10)));
    }
}
