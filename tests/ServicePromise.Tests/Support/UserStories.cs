using System.Net;
using AngleSharp.Html.Dom;

namespace ServicePromise.Tests.Support;

/// <summary>
/// What people do on the site, step by step over HTTP, for the tests of every feature: open a lesson, mark it read,
/// pass its check, write the reflection, import a staff file. The steps are page objects in the shape of ASP.NET Core
/// Identity UI's functional tests: each wraps a page's HTML and the client, offers what a person can do there and
/// returns the page that comes next.
/// </summary>
public static class UserStories
{
    /// <summary>A reflection long enough to be accepted, about serving customers and colleagues.</summary>
    public const string Reflection = "En caja atiendo a decenas de clientes cada día y también a mis compañeras de turno. Voy a mirar a la persona, dejar que termine de hablar y repetir lo que necesita antes de responder, empezando mañana.";

    /// <summary>Opens a lesson, marks it read, passes its check, and returns the page with its reflection form.</summary>
    public static async Task<IHtmlDocument> ReadLessonAsync(HttpClient client, string link) =>
        (await (await PillarPage.OpenAsync(client, link)).ReadAndPassAsync()).Document;

    static readonly Lazy<ServicePromise.Web.Content.ContentSet> Content = new(() => ServicePromise.Web.Content.ContentLoader.Load(Repo.Content, "es"));

    /// <summary>The right answers for a pillar's check, by question index, from the shipped content.</summary>
    public static Dictionary<string, string> RightAnswers(string key, bool right = true) =>
        Content.Value.Default.Pillars.Single(p => p.Key == key).Check!.Questions
            .SelectMany((q, i) => q.Options.Select((o, j) => (i, j, o.Correct)).Where(x => x.Correct == right).Take(right ? 99 : 1))
            .GroupBy(x => x.i)
            .ToDictionary(g => $"q{g.Key}", g => string.Join(",", g.Select(x => x.j)));

    /// <summary>Answers the check (if the page shows one) with the given answers and returns the page after it.</summary>
    public static Task<HttpResponseMessage> AnswerCheckAsync(HttpClient client, IHtmlDocument page, string key, bool right = true) =>
        new PillarPage(client, page, "/pillars/" + key).AnswerCheckAsync(right);

    /// <summary>Reads a lesson, passes its check and sends a reflection of <paramref name="text"/>; the pillar is done.</summary>
    public static async Task CompletePillarAsync(HttpClient client, string link, string text)
    {
        var reflection = await (await PillarPage.OpenAsync(client, link)).ReadAndPassAsync();
        var submitted = await reflection.SendAsync(Fields(link, text));
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The three parts of a reflection for a pillar, built from one idea. Each pillar gets its own wording: the same
    /// text for two pillars is refused, as it should be.
    /// </summary>
    public static Dictionary<string, string> Fields(string link, string meaning = Reflection)
    {
        var key = link.Split('/').Last().Split('?')[0];
        return new Dictionary<string, string>
        {
            ["Meaning"] = $"{meaning} Lo pienso para «{key}».",
            ["Customers"] = $"Para «{key}», mis clientes son las personas que pasan por mi puesto y mis compañeras del turno.",
            ["Action"] = $"Con «{key}» empiezo mañana: lo aplico con el primer cliente del turno y lo comento con mi encargada el viernes.",
        };
    }

    /// <summary>The fields of <see cref="Fields"/> with one part replaced.</summary>
    public static Dictionary<string, string> With(Dictionary<string, string> fields, string part, string value) =>
        new(fields) { [part] = value };
}

/// <summary>A page as a person sees it: its HTML and the client (cookies) that fetched it.</summary>
public abstract class HtmlPage(HttpClient client, IHtmlDocument document)
{
    public HttpClient Client { get; } = client;
    public IHtmlDocument Document { get; } = document;
}

/// <summary>A lesson (<c>/pillars/{key}</c>): read it, answer its check, and then its reflection can be written.</summary>
public sealed class PillarPage(HttpClient client, IHtmlDocument document, string link) : HtmlPage(client, document)
{
    const string ReadForm = "form[action*='handler=Read']";
    const string CheckForm = "form[action*='handler=Check']";

    public string Link { get; } = link;
    public string Key => Link.Split('/').Last().Split('?')[0];
    public bool AsksToBeRead => Document.QuerySelector(ReadForm) is not null;
    public bool ShowsCheck => Document.QuerySelector(CheckForm) is not null;

    public static async Task<PillarPage> OpenAsync(HttpClient client, string link) => new(client, await client.GetPageAsync(link), link);

    /// <summary>"He leído la lección": the lesson again, with its check (or its reflection) next.</summary>
    public async Task<PillarPage> MarkReadAsync()
    {
        var read = await Client.SubmitAsync(Document, ReadForm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        return await OpenAsync(Client, Link);
    }

    /// <summary>Answers the check with the right answers (or one wrong answer per question) and returns the raw answer.</summary>
    public async Task<HttpResponseMessage> AnswerCheckAsync(bool right = true)
    {
        var form = Document.QuerySelector(CheckForm)!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        foreach (var (name, values) in UserStories.RightAnswers(Key, right))
            fields.AddRange(values.Split(',').Select(v => new KeyValuePair<string, string>(name, v)));
        return await Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>Passes the check: the lesson again, now with its reflection.</summary>
    public async Task<PillarPage> PassCheckAsync()
    {
        var passed = await AnswerCheckAsync();
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        return await OpenAsync(Client, Link);
    }

    /// <summary>Whatever is still to do before writing: mark read, pass the check. Returns the reflection to write.</summary>
    public async Task<ReflectionPage> ReadAndPassAsync()
    {
        var page = this;
        if (page.AsksToBeRead) page = await page.MarkReadAsync();
        if (page.ShowsCheck) page = await page.PassCheckAsync();
        return ReflectionPage.On(page);
    }
}

/// <summary>
/// The reflection form of a pillar. Where the form lives and which handlers it posts to is known here only, so that
/// moving the reflection to a page of its own changes this class and not the tests.
/// </summary>
public sealed class ReflectionPage(HttpClient client, IHtmlDocument document, string link) : HtmlPage(client, document)
{
    /// <summary>The reflection form on the page.</summary>
    public const string Form = "form[data-autosave]";

    /// <summary>The pillar's address (<c>/pillars/{key}</c>).</summary>
    public string Link { get; } = link;

    /// <summary>Where a draft is saved.</summary>
    public static string DraftAction(string link) => link + "/reflection?handler=Draft";

    /// <summary>Where the reflection is sent (the form's own action).</summary>
    public static string SendAction(string link) => link + "/reflection?handler=Submit";

    public static ReflectionPage On(PillarPage pillar) => new(pillar.Client, pillar.Document, pillar.Link);

    public static async Task<ReflectionPage> OpenAsync(HttpClient client, string link) => new(client, await client.GetPageAsync(link), link);

    public bool HasForm => Document.QuerySelector(Form) is not null;

    /// <summary>Sends the reflection (the form's own submit).</summary>
    public Task<HttpResponseMessage> SendAsync(IDictionary<string, string> fields) => Client.SubmitAsync(Document, Form, fields);

    /// <summary>Saves a draft ("Guardar borrador").</summary>
    public Task<HttpResponseMessage> SaveDraftAsync(IDictionary<string, string> fields) => Client.SubmitAsync(Document, Form, fields, DraftAction(Link));
}

/// <summary>HR's staff import (<c>/hr/import</c>): upload a file, read the dry run, apply it.</summary>
public sealed class ImportPage(HttpClient client, IHtmlDocument document) : HtmlPage(client, document)
{
    public const string Url = "/hr/import";

    public static async Task<ImportPage> OpenAsync(HttpClient client) => new(client, await client.GetPageAsync(Url));

    /// <summary>Uploads a file; the answer redirects to its dry run when the file can be read.</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] bytes, bool fullImport = false, string fileName = "plantilla.csv")
    {
        var token = Document.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        if (fullImport) form.Add(new StringContent("true"), "fullImport");
        return await Client.PostAsync(Url + "?handler=Upload", form);
    }

    /// <summary>Uploads a file and opens its dry run.</summary>
    public async Task<ImportPreviewPage> PreviewAsync(byte[] bytes, bool fullImport = false)
    {
        var uploaded = await UploadAsync(bytes, fullImport);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return new(Client, await Client.GetPageAsync(uploaded.Headers.Location!.OriginalString));
    }
}

/// <summary>An import's dry run: what would change, and the button that applies it.</summary>
public sealed class ImportPreviewPage(HttpClient client, IHtmlDocument document) : HtmlPage(client, document)
{
    public const string ApplyForm = "form[action*='handler=Apply']";

    /// <summary>Applies the valid rows; <paramref name="confirmed"/> is the "I have checked" box.</summary>
    public Task<HttpResponseMessage> ApplyAsync(bool confirmed = true) =>
        Client.SubmitAsync(Document, ApplyForm, confirmed ? new Dictionary<string, string> { ["confirm"] = "true" } : new Dictionary<string, string>());
}
