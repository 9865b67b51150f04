using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Robustness;

/// <summary>The odd requests the corpus found answering 500, each with the clear 4xx it gets now.</summary>
public class RequestGuardTests(AppFactory app) : IClassFixture<AppFactory>
{
    static string Token(IHtmlDocument page) => ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    static async Task<HttpResponseMessage> SendFormAsync(HttpClient client, HttpMethod method, string url, string token, params (string, string)[] fields)
    {
        var request = new HttpRequestMessage(method, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))),
        };
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData(Pages.Hr, "POST", "/hr/dashboard", "GET, HEAD")]
    [InlineData(Pages.Hr, "DELETE", "/hr/reminders", "GET, HEAD")]
    [InlineData(Pages.Hr, "PATCH", "/hr/reviews", "GET, HEAD")]
    [InlineData(Pages.Employee, "POST", "/me/record", "GET, HEAD")]
    [InlineData(Pages.Employee, "PUT", "/pillars/listen?handler=Draft", "GET, HEAD, POST")]
    [InlineData(Pages.Employee, "PUT", "/pillars/listen/reflection?handler=Draft", "GET, HEAD, POST")]
    [InlineData(Pages.Admin, "POST", "/admin/content/editions/1", "GET, HEAD")]
    public async Task A_method_no_handler_takes_is_405_naming_what_the_page_accepts(string who, string method, string url, string allow)
    {
        var client = app.Browser();
        await client.SignedInAsync(who);
        var token = Token(await client.GetPageAsync("/"));
        var response = await SendFormAsync(client, new HttpMethod(method), url, token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_still_sent_to_sign_in_and_a_post_without_a_token_is_still_400()
    {
        var anonymous = app.Browser();
        var login = await anonymous.GetPageAsync("/account/login");
        var response = await SendFormAsync(anonymous, HttpMethod.Post, "/hr/dashboard", Token(login));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var noToken = await hr.PostAsync("/hr/dashboard", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"q0\":[0]}")]
    [InlineData("text/plain", "q0=0")]
    [InlineData("application/x-www-form-urlencoded; charset=utf-7", "q0=+ADA-")]
    [InlineData("application/x-www-form-urlencoded; charset=klingon", "q0=0")]
    public async Task A_body_the_pages_cannot_read_is_415(string type, string body)
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        var token = Token(await client.GetPageAsync("/"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        var request = new HttpRequestMessage(HttpMethod.Post, "/pillars/listen?handler=Check") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_broken_multipart_form_is_400()
    {
        var client = app.Browser();
        await client.SignedInAsync(Pages.Hr);
        var token = Token(await client.GetPageAsync("/"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        var request = new HttpRequestMessage(HttpMethod.Post, "/hr/import?handler=Upload") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public void The_form_guard_reads_the_staff_import_with_its_own_larger_limits()
    {
        // The guard reads forms before MVC's own [RequestSizeLimit]/[RequestFormLimits] filters would apply; it takes
        // the same limits from the endpoint's metadata, so a 40 MB staff file is still accepted behind Kestrel.
        _ = app.Server;
        var import = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Single(e => e.RoutePattern.RawText == "hr/import");
        const long limit = ServicePromise.Web.Staff.Import.IndexModel.MaxBytes + 1_000_000;
        Assert.Equal(limit, import.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()!.MaxRequestBodySize);
        Assert.Equal(limit, import.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IFormOptionsMetadata>()!.MultipartBodyLengthLimit);
    }

    [Theory]
    [InlineData("es", "El valor «maybe» no es válido para Mantener la sesión iniciada.")]
    [InlineData("en", "The value “maybe” is not valid for Keep me signed in.")]
    public async Task A_checkbox_that_is_not_true_or_false_is_a_field_error_in_the_readers_language(string culture, string message)
    {
        var client = app.Browser();
        var page = await client.GetPageAsync("/account/login?culture=" + culture);
        // Nothing in the page speaks the framework's English behind the reader's back (its client-side messages for a bool).
        Assert.DoesNotContain(page.QuerySelectorAll("#Input_RememberMe").SelectMany(e => e.Attributes), a => a.Value.Contains("field is required", StringComparison.Ordinal));
        Assert.Single(page.QuerySelectorAll("#Input_RememberMe"));
        var response = await client.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Login"] = Pages.OtherEmployee,
            ["Input.Password"] = Pages.Password,
            ["Input.RememberMe"] = "maybe",
        }, "/account/login?culture=" + culture);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, shown.QuerySelector("[data-valmsg-for='Input.RememberMe']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode); // not signed in
    }

    [Fact]
    public async Task A_sharing_choice_that_is_not_yes_or_no_is_a_field_error_and_sends_nothing()
    {
        var client = app.Browser();
        await client.SignedInAsync("teresa.marin@demo.mercadosolivo.es");
        var page = await UserStories.ReadLessonAsync(client, "/pillars/listen");
        var values = new Dictionary<string, string>(UserStories.Fields("/pillars/listen")) { ["ShareConsent"] = "maybe" };
        var response = await client.SubmitAsync(page, ReflectionPage.Form, values);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var shown = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("El valor «maybe» no es válido", shown.QuerySelector("fieldset.sharing")!.TextContent);
        Assert.Equal(values["Meaning"], shown.QuerySelector("textarea[name=Meaning]")!.TextContent.Trim());
        Assert.False(await app.WithDbAsync(db => db.Reflections.AnyAsync(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0701" && r.SubmittedAt != null)));
    }

    [Fact]
    public async Task The_error_page_opened_directly_is_not_a_server_error()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/error")).StatusCode);
    }
}

/// <summary>Publishing with a confirmation box that is not a yes or no.</summary>
public class PublishConfirmationTests
{
    /// <summary>An admin publishes a changed pillar with these form values; the page shown back, and how many editions there are then.</summary>
    static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Shown, int Editions)> PublishAsync(string note, string confirm)
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var client = app.Browser();
        await client.SignedInAsync(Pages.Admin);
        var path = Path.Combine(content, "es/pillars/02-tell-the-truth.md");
        File.WriteAllText(path, File.ReadAllText(path) + "\nSi hoy no puedes responder, di cuándo lo harás y cúmplelo.\n");
        var page = await client.GetPageAsync("/admin/content");
        var response = await client.SubmitAsync(page, "form[action*='handler=Publish']", new Dictionary<string, string> { ["Input.Note"] = note, ["Input.Confirm"] = confirm });
        var shown = Pages.Parse(await response.Content.ReadAsStringAsync());
        return (response, shown, await app.WithDbAsync(db => db.Editions.CountAsync()));
    }

    [Fact]
    public async Task A_confirmation_that_is_not_true_or_false_is_a_field_error_and_publishes_nothing()
    {
        var (response, shown, editions) = await PublishAsync("Pilar 2", "sí");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("El valor «sí» no es válido", shown.QuerySelector("#confirm-error")!.TextContent);
        Assert.Equal(1, editions);
    }

    [Fact]
    public async Task A_change_note_on_two_lines_is_a_field_error_and_publishes_nothing()
    {
        var (response, shown, editions) = await PublishAsync("Pilar 2\r\naclarado", "true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nota de cambios: sin saltos de línea", shown.QuerySelector("#note-error")!.TextContent);
        Assert.Equal(1, editions);
    }
}

/// <summary>The revocation reason is shown on the public verification page: it cannot reverse what it says.</summary>
public class RevocationReasonTests
{
    [Fact]
    public async Task A_revocation_reason_with_a_direction_override_is_refused_with_a_field_message()
    {
        using var app = new AppFactory();
        var (personId, code) = await DemoCertificates.ManuelsAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{personId}");
        var response = await hr.SubmitAsync(page, "#certificates ~ ul form", new Dictionary<string, string> { ["reason"] = "Emitido \u202Erorre rop", ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cambian el sentido de la escritura", await response.Content.ReadAsStringAsync());
        Assert.Null(await app.WithDbAsync(db => db.Certificates.Where(c => c.Code == code).Select(c => c.RevokedAt).SingleAsync()));
    }
}
