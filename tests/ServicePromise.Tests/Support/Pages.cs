using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Support;

/// <summary>Page-object helpers: read real pages, post real forms with their antiforgery token.</summary>
public static class Pages
{
    public const string Password = DemoOrganisation.Password;
    public const string Employee = "lucia.romero@" + DemoOrganisation.EmailDomain;
    public const string OtherEmployee = "manuel.ortiz@" + DemoOrganisation.EmailDomain;
    public const string Hr = "marta.jimenez@" + DemoOrganisation.EmailDomain;
    public const string Admin = "pablo.serrano@" + DemoOrganisation.EmailDomain;

    static readonly HtmlParser Parser = new();
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IHtmlDocument, string> Urls = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Urls.AddOrUpdate(document, url);
        return document;
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Submits the form that contains <paramref name="formSelector"/>, with its own hidden fields (and filled-in dates) plus the given values.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector,
        IDictionary<string, string> values, string? submitButtonFormAction = null)
    {
        var form = (IHtmlFormElement?)page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}'");
        var fields = new Dictionary<string, string>();
        // A browser also sends what the page filled in for the person: a date picker's suggested date.
        foreach (var input in form.QuerySelectorAll("input[type=hidden], input[type=date][value]").OfType<IHtmlInputElement>())
            fields[input.Name!] = input.Value;
        foreach (var (k, v) in values) fields[k] = v;
        var action = submitButtonFormAction ?? form.GetAttribute("action");
        // A form without an action posts back to the address it came from, as a browser does.
        if (string.IsNullOrEmpty(action)) action = Urls.TryGetValue(page, out var url) ? url : throw new InvalidOperationException("Unknown page address");
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password = Password)
    {
        var page = await client.GetPageAsync("/account/login");
        return await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        }, "/account/login");
    }

    public static async Task SignedInAsync(this HttpClient client, string login, string password = Password)
    {
        var response = await client.SignInAsync(login, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    public static string Text(this IHtmlDocument page) => page.Body?.TextContent ?? "";
}
