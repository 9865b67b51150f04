using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Web.CheckIns;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Support;

/// <summary>The demo site with a clock the test moves, for the check-ins that come due days after a plan is made.</summary>
public sealed class CheckInAppFactory : AppFactory
{
    public MovableTime Time { get; } = new();
    // The clock moves only after the start: the first start is the plain site's.
    protected override bool StartsLikeItsSettings => true;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public DateOnly Today => Services.GetRequiredService<OrganisationClock>().Today;

    public void MoveTo(DateOnly day) => Time.Offset += TimeSpan.FromDays(day.DayNumber - Today.DayNumber);

    public async Task<int> RunMailerAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CheckInMailer>().RunOnceAsync();
    }

    public Task<List<CommitmentCheckIn>> CheckInsOfAsync(string employeeNumber) =>
        WithDbAsync(db => db.CommitmentCheckIns.AsNoTracking().Where(c => c.Employee!.EmployeeNumber == employeeNumber).OrderBy(c => c.Id).ToListAsync());
}

/// <summary>What people do with check-ins over HTTP: commit to an action with a date, answer a check-in, reply to one.</summary>
public static class CheckInSteps
{
    public const string AnswerForm = "form[action*='handler=Answer']";
    public const string ReplyForm = "form[action*='handler=Reply']";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads the pillar, passes its check and sends the reflection with its plan's date; returns the answer.</summary>
    public static async Task<HttpResponseMessage> CommitAsync(this HttpClient client, string key, string? date)
    {
        var link = "/pillars/" + key;
        var page = await UserStories.ReadLessonAsync(client, link);
        var fields = UserStories.Fields(link);
        fields["ActionDueOn"] = date ?? "";
        return await client.SubmitAsync(page, ReflectionPage.Form, fields);
    }

    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient client, int checkInId, IDictionary<string, string> values)
    {
        var page = await client.GetPageAsync($"/checkins/{checkInId}");
        return await client.SubmitAsync(page, AnswerForm, values.ToDictionary(v => "Input." + v.Key, v => v.Value));
    }

    public static async Task<HttpResponseMessage> ReplyAsync(this HttpClient client, int checkInId, string text)
    {
        var page = await client.GetPageAsync($"/checkins/{checkInId}");
        return await client.SubmitAsync(page, ReplyForm, new Dictionary<string, string> { ["Reply"] = text });
    }

    public static void Redirected(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
}
