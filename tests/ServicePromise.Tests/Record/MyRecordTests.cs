using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Record;

/// <summary>"Mi historial" over HTTP: everything about the signed-in person, and never anything about anyone else.</summary>
public class MyRecordTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Manuel = Pages.OtherEmployee;
    const string Hostile = "=cmd|' /C calc'!A0 <script>alert(1)</script>";

    static readonly ServicePromise.Web.Content.PillarContent TellTheTruth =
        ServicePromise.Web.Content.ContentLoader.Load(Repo.Content, "es").Default.Pillars.Single(p => p.Key == "tell-the-truth");

    static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    Task<string> ReflectionOfAsync(string employeeNumber, string key) => app.WithDbAsync(db => db.Reflections
        .Where(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == employeeNumber && r.AssignmentPillar.Pillar!.Key == key)
        .Select(r => r.Meaning).SingleAsync());

    async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.Browser();
        await client.SignedInAsync(email);
        return client;
    }

    [Fact]
    public async Task The_header_links_every_employee_to_their_record()
    {
        var client = await SignedInAsync(Pages.Employee);
        var home = await client.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("header nav a[href='/me/record']"));
        Assert.Equal("Mi historial", home.QuerySelector("header nav a[href='/me/record']")!.TextContent);
    }

    [Fact]
    public async Task A_person_sees_their_profile_assignment_reflections_and_certificates()
    {
        var client = await SignedInAsync(Manuel);
        var response = await client.GetAsync("/me/record");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a personal record must not be cached");
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        var text = Flat(page.Text());

        foreach (var expected in new[]
        {
            "Manuel Ortiz Campos", "MO-0102", "manuel.ortiz@demo.mercadosolivo.es", "Reponedor", "Tiendas", "Sevilla Centro",
            "Carmen Ruiz Delgado", "Español", "Edición 1 · Incorporación", "Completado", "5 de 5 pilares completados",
            "Escucha antes de responder", "Cliente es todo aquel que no soy yo", "Aceptada", "No compartida como ejemplo.", "Vigente",
        })
            Assert.Contains(expected, text);
        Assert.Contains(await ReflectionOfAsync("MO-0102", "listen"), text);

        var certificate = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => new { c.Id, c.Code }).SingleAsync());
        Assert.Contains(certificate.Code, text);
        Assert.NotNull(page.QuerySelector($"#certificates a[href='/certificates/{certificate.Id}/pdf']"));
        Assert.NotNull(page.QuerySelector("a[href='/me/record/pdf']"));
        // The current assignment is open; its pillars fold, so the page stays short on a phone.
        Assert.NotNull(page.QuerySelector("details.record[open]"));
        Assert.Equal(5, page.QuerySelectorAll("details.record details.record-pillar").Length);
    }

    [Fact]
    public async Task Every_sent_version_and_the_review_thread_are_shown_as_written()
    {
        var reflectionId = await app.WithDbAsync(async db =>
        {
            var r = await db.Reflections.SingleAsync(x => x.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0105" && x.AssignmentPillar.Pillar!.Key == "listen");
            var carmen = await db.Employees.Where(e => e.EmployeeNumber == "MO-0001").Select(e => e.Id).SingleAsync();
            var first = await db.ReflectionVersions.SingleAsync(v => v.ReflectionId == r.Id);
            db.ReflectionReviews.Add(new ReflectionReview
            {
                ReflectionId = r.Id, VersionNumber = 1, ReviewerId = carmen, Decision = ReviewDecision.Returned, Comment = "Concreta más. " + Hostile,
                SpecificToRole = false, DecidedAt = first.SubmittedAt.AddHours(1),
            });
            db.ReflectionVersions.Add(new ReflectionVersion
            {
                ReflectionId = r.Id, Number = 2, Meaning = "Segunda versión: " + Hostile, Customers = "Clientes de caja.", Action = "Desde el lunes.",
                SubmittedAt = first.SubmittedAt.AddHours(2),
            });
            await db.SaveChangesAsync();
            return r.Id;
        });
        var first = await app.WithDbAsync(db => db.ReflectionVersions.Where(v => v.ReflectionId == reflectionId && v.Number == 1).Select(v => v.Meaning).SingleAsync());

        var client = await SignedInAsync("elena.prieto@demo.mercadosolivo.es");
        var html = await client.GetStringAsync("/me/record");
        var text = Flat(Pages.Parse(html).Text());
        Assert.Contains("Versión 1", text);
        Assert.Contains(first, text);
        Assert.Contains("Versión 2", text);
        Assert.Contains("Segunda versión: " + Hostile, text);
        Assert.Contains("Comentarios de la revisión", text);
        Assert.Contains("Carmen Ruiz Delgado", text);
        Assert.Contains("Devuelta sobre la versión 1", text);
        Assert.Contains("Concreta para el puesto: No", text);
        Assert.Contains("Concreta más. " + Hostile, text);
        // Shown as text, never as markup.
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public async Task Every_check_attempt_is_shown_with_its_questions_and_chosen_answers()
    {
        var client = await SignedInAsync("hugo.santana@demo.mercadosolivo.es");
        var lesson = await client.GetPageAsync("/pillars/tell-the-truth");
        await client.SubmitAsync(lesson, "form[action*='handler=Read']", new Dictionary<string, string>());
        var check = await client.GetPageAsync("/pillars/tell-the-truth");
        Assert.Equal(HttpStatusCode.Redirect, (await UserStories.AnswerCheckAsync(client, check, "tell-the-truth", right: false)).StatusCode);
        var failed = await client.GetPageAsync("/pillars/tell-the-truth");
        await client.SubmitAsync(failed, "form[action*='handler=Retry']", new Dictionary<string, string>());
        var again = await client.GetPageAsync("/pillars/tell-the-truth");
        Assert.Equal(HttpStatusCode.Redirect, (await UserStories.AnswerCheckAsync(client, again, "tell-the-truth")).StatusCode);

        var page = await client.GetPageAsync("/me/record");
        var attempts = page.QuerySelectorAll(".record-attempts > li").Select(li => Flat(li.TextContent)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Contains("Intento 1 · 0 % · No superado", attempts[0]);
        Assert.Contains("Intento 2 · 100 % · Superado", attempts[1]);
        foreach (var q in TellTheTruth.Check!.Questions)
        {
            Assert.Contains(q.Text, attempts[0]);
            Assert.Contains(q.Text, attempts[1]);
            Assert.Contains(q.Options.First(o => !o.Correct).Text, attempts[0]);
            foreach (var right in q.Options.Where(o => o.Correct)) Assert.Contains(right.Text, attempts[1]);
        }
        Assert.Contains("Incorrecta", attempts[0]);
        Assert.DoesNotContain("Incorrecta", attempts[1]);
    }

    [Fact]
    public async Task A_new_person_sees_empty_states_rather_than_blanks()
    {
        var client = await SignedInAsync("alberto.garrido@demo.mercadosolivo.es");
        var text = Flat((await client.GetPageAsync("/me/record")).Text());
        Assert.Contains("Alberto Garrido Pastor", text);
        Assert.Contains("Sin empezar", text);
        Assert.Contains("Todavía no has escrito nada en este pilar.", text);
        Assert.Contains("Todavía no hay intentos.", text);
        Assert.Contains("Aún no tienes certificados.", text);
    }

    [Fact]
    public async Task Another_persons_record_is_never_reachable()
    {
        var manuelsReflection = await ReflectionOfAsync("MO-0102", "listen");
        var manuelsCode = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.Code).SingleAsync());
        var manuelsId = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0102").Select(e => e.Id).SingleAsync());
        var client = await SignedInAsync(Pages.Employee);

        // The route takes no id; anything added to the address is ignored, and an id in the path is no page at all.
        foreach (var url in new[] { "/me/record", $"/me/record?id={manuelsId}&employeeId={manuelsId}", $"/me/record?handler=Pdf&id={manuelsId}" })
        {
            var text = (await client.GetPageAsync(url)).Text();
            Assert.Contains("Lucía Romero Sánchez", text);
            Assert.DoesNotContain("Manuel Ortiz", text);
            Assert.DoesNotContain(manuelsReflection[..40], text);
            Assert.DoesNotContain(manuelsCode, text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/me/record/{manuelsId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/me/record/pdf/{manuelsId}")).StatusCode);

        var pdf = Tools.PdfText(await client.GetByteArrayAsync($"/me/record/pdf?id={manuelsId}"));
        Assert.Contains("Lucía Romero Sánchez", pdf);
        Assert.DoesNotContain("Manuel Ortiz", pdf);
        Assert.DoesNotContain(manuelsCode, pdf);
    }

    [Theory]
    [InlineData("/me/record")]
    [InlineData("/me/record/pdf")]
    public async Task Signing_in_is_required(string url)
    {
        var response = await app.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login?ReturnUrl=", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_pdf_holds_the_same_record()
    {
        var client = await SignedInAsync(Manuel);
        var response = await client.GetAsync("/me/record/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Matches(@"^mi-historial-\d{4}-\d{2}-\d{2}\.pdf$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var (code, check) = Tools.QpdfCheck(pdf);
        Assert.True(code == 0, "qpdf --check: " + check);

        var text = Flat(Tools.PdfText(pdf));
        var certificate = await app.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => new { c.Id, c.Code }).SingleAsync());
        foreach (var expected in new[]
        {
            "Mi historial", "Manuel Ortiz Campos", "MO-0102", "manuel.ortiz@demo.mercadosolivo.es", "Reponedor", "Tiendas", "Sevilla Centro",
            "Carmen Ruiz Delgado", "Edición 1 · Incorporación", "Escucha antes de responder", "Versión 1",
            certificate.Code, "Vigente", $"https://promesa.test/certificates/{certificate.Id}/pdf",
        })
            Assert.Contains(expected, text);
        Assert.Contains(Flat(await ReflectionOfAsync("MO-0102", "listen")), text);
    }

    [Fact]
    public async Task The_record_speaks_the_readers_language()
    {
        await app.WithDbAsync(async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.EmployeeNumber == "MO-0601");
            e.Language = "en";
            return await db.SaveChangesAsync();
        });
        var client = await SignedInAsync("beatriz.santos@demo.mercadosolivo.es");
        var text = Flat((await client.GetPageAsync("/me/record")).Text());
        Assert.Contains("My record", text);
        Assert.Contains("Edition 1 · Onboarding", text);
        Assert.Contains("English", text);
        Assert.Contains("Current", text);
        var pdf = Flat(Tools.PdfText(await client.GetByteArrayAsync("/me/record/pdf")));
        Assert.Contains("Your details", pdf);
        Assert.Contains("Beatriz Santos Aguilar", pdf);
    }
}
