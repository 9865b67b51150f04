using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Accounts;

/// <summary>Roles and ownership: an employee sees only their own things and no HR or coaching page.</summary>
public class AuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Pages.Employee, "/hr/completion")]
    [InlineData(Pages.Employee, "/hr/completion?handler=Csv")]
    [InlineData(Pages.Employee, "/hr/people/1")]
    [InlineData(Pages.Employee, "/hr/completion?handler=Certificates")]
    [InlineData(Pages.Employee, "/hr/evidence")]
    [InlineData(Pages.Employee, "/hr/evidence?handler=Download&id=1")]
    [InlineData(Pages.Employee, "/hr/evidence?handler=Status")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/evidence")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/evidence?handler=Download&id=1")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/completion")] // a manager without the HR role
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/reviews")]
    [InlineData(Pages.Employee, "/hr/reviews")]
    [InlineData(Pages.Employee, "/hr/dashboard")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/dashboard")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/dashboard/manager")]
    [InlineData(Pages.Employee, "/hr/import")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/reminders")]
    [InlineData(Pages.Employee, "/team")]                                  // coaching: managers only
    [InlineData(Pages.Employee, "/reviews/1")]
    [InlineData(Pages.Hr, "/team")]                                        // HR without the manager role has no team
    [InlineData(Pages.Employee, "/hr/letters")]                            // welcome letters: HR, or a manager for their team
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/hr/letters")]
    [InlineData(Pages.Employee, "/team/letters")]
    [InlineData(Pages.Hr, "/team/letters")]
    [InlineData(Pages.Employee, "/admin/content/understanding/listen")]     // understanding: the content owner's
    [InlineData(Pages.Hr, "/admin/content/understanding/listen")]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es", "/admin/content/understanding/listen")]
    public async Task Only_the_right_roles_open_hr_and_coaching_pages(string who, string url)
    {
        var client = app.Browser();
        await client.SignedInAsync(who);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_employee_cannot_download_someone_elses_certificate()
    {
        var othersId = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.Id).SingleAsync());
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        var response = await client.GetAsync($"/certificates/{othersId}/pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Manuel", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_owner_and_hr_can_download_a_certificate()
    {
        var id = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.Id).SingleAsync());
        foreach (var who in new[] { Pages.OtherEmployee, Pages.Hr })
        {
            var client = app.Browser();
            await client.SignedInAsync(who);
            var response = await client.GetAsync($"/certificates/{id}/pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task An_employee_never_sees_someone_elses_reflection()
    {
        // Manuel completed every pillar; Lucía opens the same lesson and must see only her own (empty) work.
        var manuelsText = await app.WithDbAsync(db => db.Reflections
            .Where(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0102" && r.AssignmentPillar.Pillar!.Key == "listen")
            .Select(r => r.Meaning).SingleAsync());
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        var page = await UserStories.ReadLessonAsync(client, "/pillars/listen");
        Assert.All(page.QuerySelectorAll("textarea"), t => Assert.Equal("", t.TextContent));
        Assert.DoesNotContain(manuelsText[..40], page.DocumentElement.OuterHtml);
        var certificates = await client.GetPageAsync("/certificates");
        Assert.DoesNotContain("Manuel", certificates.Text());
    }
}
