using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Coaching;

/// <summary>The demo people the coaching tests use, and the steps they take over HTTP.</summary>
static class Coach
{
    /// <summary>Store manager, Sevilla Centro: Lucía, Manuel, Ana Belén, Sergio, Elena, Raúl and Rosa (no email) report to her.</summary>
    public const string Carmen = "carmen.ruiz@" + DemoOrganisation.EmailDomain;
    /// <summary>Store manager, Córdoba: Cristina, David, Nuria, Alberto and Sara report to him.</summary>
    public const string Javier = "javier.morales@" + DemoOrganisation.EmailDomain;
    /// <summary>Warehouse manager: Diego, Alejandro, Laura, Jorge and Ismael (no email) report to her.</summary>
    public const string Rocio = "rocio.navarro@" + DemoOrganisation.EmailDomain;
    /// <summary>Store manager, Málaga: Patricia, Hugo and Irene report to him.</summary>
    public const string Francisco = "francisco.reyes@" + DemoOrganisation.EmailDomain;

    public static string Email(string name) => name + "@" + DemoOrganisation.EmailDomain;

    public static async Task<HttpClient> SignedInAsync(this AppFactory app, string email)
    {
        var client = app.Browser();
        await client.SignedInAsync(email);
        return client;
    }

    /// <summary>The person reads the pillar, passes its check and sends their reflection; returns the reflection's id.</summary>
    public static async Task<int> SendReflectionAsync(this AppFactory app, string email, string key, Dictionary<string, string>? fields = null, bool share = false)
    {
        var client = await app.SignedInAsync(email);
        return await client.SendReflectionAsync(app, email, key, fields, share);
    }

    /// <summary>The same, for a person already signed in on <paramref name="client"/> as <paramref name="email"/>.</summary>
    public static async Task<int> SendReflectionAsync(this HttpClient client, AppFactory app, string email, string key, Dictionary<string, string>? fields = null, bool share = false)
    {
        var page = await UserStories.ReadLessonAsync(client, "/pillars/" + key);
        var values = new Dictionary<string, string>(fields ?? UserStories.Fields("/pillars/" + key));
        if (share) values["ShareConsent"] = "true";
        var response = await client.SubmitAsync(page, ReflectionPage.Form, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var number = await app.WithDbAsync(db => db.Employees.Where(e => db.Users.Any(u => u.Id == e.UserId && u.Email == email)).Select(e => e.EmployeeNumber).SingleAsync());
        return await app.ReflectionIdAsync(number, key);
    }

    public static Task<int> ReflectionIdAsync(this AppFactory app, string employeeNumber, string key) =>
        app.WithDbAsync(db => db.Reflections
            .Where(r => r.AssignmentPillar!.Pillar!.Key == key && r.AssignmentPillar.Assignment!.SupersededAt == null
                && r.AssignmentPillar.Assignment.Employee!.EmployeeNumber == employeeNumber)
            .Select(r => r.Id).SingleAsync());

    /// <summary>Opens the review page and posts its decision form.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this HttpClient reviewer, int reflectionId, string decision, string comment = "",
        IDictionary<string, string>? rubric = null)
    {
        var page = await reviewer.GetPageAsync($"/reviews/{reflectionId}");
        var values = new Dictionary<string, string> { ["Decision"] = decision, ["Comment"] = comment };
        foreach (var (k, v) in rubric ?? new Dictionary<string, string>()) values[k] = v;
        return await reviewer.SubmitAsync(page, "form#decision", values);
    }

    /// <summary>The antiforgery token of any form on a page the client can open, for posts a page does not offer.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, string token, Dictionary<string, string>? values = null) =>
        client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(values ?? []) { ["__RequestVerificationToken"] = token }));

    public static async Task<string> FollowAsync(this HttpClient client, HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode == HttpStatusCode.Redirect, $"{(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync()}");
        return (await client.GetPageAsync(redirect.Headers.Location!.OriginalString)).Text();
    }
}
