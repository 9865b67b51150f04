using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Record;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Record;

/// <summary>The record PDF read back with pdftotext and checked with qpdf: every field, long text over pages, hostile text as written.</summary>
public class RecordRendererTests
{
    static readonly RecordRenderer Renderer = Create();
    static readonly DateTime At = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    static RecordRenderer Create()
    {
        CertificateFonts.Install();
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var app = Options.Create(new AppOptions { PublicBaseUrl = "https://promesa.test" });
        var clock = new OrganisationClock(new FixedTime(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)), app);
        return new RecordRenderer(new StringLocalizer<SharedResource>(factory), clock, app);
    }

    const string Hostile = "=cmd|' /C calc'!A0 <script>alert(1)</script> (\\) Tj ET";

    /// <summary>About 1,500 characters of ordinary words, numbered so any lost or repeated line shows.</summary>
    static string Long(string tag) => string.Join(" ", Enumerable.Range(1, 150).Select(i => $"{tag}{i:000} palabra"));

    static PersonalRecord Sample(ReflectionText current, IReadOnlyList<RecordVersion> versions, string name = "Lucía Romero Sánchez") => new(
        new RecordProfile(name, "MO-0101", "lucia.romero@example.com", "Cajera", "Tiendas", "Sevilla Centro", "Carmen Ruiz Delgado",
            new DateOnly(2026, 11, 19), "es", true),
        [
            new RecordAssignment(1, 1, At.AddDays(-30), AssignmentReason.Onboarding, At.AddDays(-3), new DateOnly(2026, 12, 3), At, null, null, true,
                AssignmentStatus.InProgress,
                [
                    new RecordPillar("listen", 1, "Escucha antes de responder", At, true, At.AddMinutes(5), At.AddMinutes(20),
                        new RecordReflection(ReflectionStatus.Returned, current, At.AddHours(2), At.AddMinutes(20), true, true, null, 0.73, versions,
                            [new RecordReview(1, At.AddHours(1), "Carmen Ruiz Delgado", ReviewDecision.Returned, "Concreta más. " + Hostile, true, false, null)]),
                        [
                            new RecordAttempt(1, At.AddMinutes(1), At.AddMinutes(3), 33, false,
                                [new RecordAnswer("¿Qué haces primero?", ["Responder rápido"], false), new RecordAnswer("¿Y después?", [], null)]),
                            new RecordAttempt(2, At.AddMinutes(4), At.AddMinutes(5), 100, true, [new RecordAnswer("¿Qué haces primero?", ["Escuchar"], true)]),
                        ]),
                    new RecordPillar("tell-the-truth", 2, "Habla claro y di la verdad", null, true, null, null, null, []),
                ]),
        ],
        [new RecordCertificate(7, "ABCD-EFGH-JKMN-PQRS-TVWX", 1, At, new DateOnly(2027, 11, 20), CertificateStatus.Valid)],
        [new RecordNudge(At.AddDays(-1), "Carmen Ruiz Delgado")]);

    static (string Text, int Pages) Render(PersonalRecord record, string language = "es")
    {
        var pdf = Languages.In(language, () => Renderer.Render(record));
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var (code, check) = Tools.QpdfCheck(pdf);
        Assert.True(code == 0, "qpdf --check: " + check);
        var text = Tools.PdfText(pdf);
        return (text, text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Count(p => p.Trim().Length > 0));
    }

    static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    [Fact]
    public void Every_field_of_the_record_is_printed()
    {
        var v1 = new ReflectionText("Escucho a cada cliente en caja.", "Quien compra y mis compañeras.", "Mañana repito lo que me piden.");
        var (text, _) = Render(Sample(v1 with { Action = "Un borrador nuevo sin enviar." }, [new RecordVersion(1, At.AddMinutes(20), v1)]));
        var flat = Flat(text);
        foreach (var expected in new[]
        {
            "Mi historial", "Lucía Romero Sánchez", "MO-0101", "lucia.romero@example.com", "Cajera", "Tiendas", "Sevilla Centro",
            "Carmen Ruiz Delgado", "19/11/2026", "Español",
            "Edición 1 · Incorporación", "En curso", "3/12/2026",
            "1. Escucha antes de responder", "2. Habla claro y di la verdad",
            "Devuelta para revisar", "Aceptaste compartirla sin tu nombre", "similitud 73 %",
            "Borrador sin enviar", "Un borrador nuevo sin enviar.",
            "Versión 1", "Escucho a cada cliente en caja.", "Quien compra y mis compañeras.", "Mañana repito lo que me piden.",
            "Comentarios de la revisión", "Devuelta sobre la versión 1", "Concreta para el puesto: Sí", "Nombra al cliente: No",
            "Intento 1", "33 % · No superado", "¿Qué haces primero? (Incorrecta)", "Responder rápido", "Sin respuesta",
            "Intento 2", "100 % · Superado", "Escuchar",
            "Todavía no has escrito nada en este pilar.", "Todavía no hay intentos.",
            "ABCD-EFGH-JKMN-PQRS-TVWX", "20/11/2027", "Vigente", "https://promesa.test/certificates/7/pdf",
            "Recordatorios recibidos", "De Carmen Ruiz Delgado",
        })
            Assert.Contains(expected, flat);
        Assert.Matches(@"Página 1 de \d", flat);
    }

    [Fact]
    public void Long_reflections_flow_over_several_pages_and_lose_nothing()
    {
        var versions = Enumerable.Range(1, 3)
            .Select(n => new RecordVersion(n, At.AddHours(n), new ReflectionText(Long($"M{n}v"), Long($"C{n}v"), Long($"A{n}v"))))
            .ToList();
        var (text, pages) = Render(Sample(versions[^1].Text, versions));
        Assert.True(pages >= 4, $"expected the long record to need several pages, got {pages}");
        var flat = Flat(text);
        foreach (var v in versions)
            foreach (var part in Enum.GetValues<ReflectionPart>())
            {
                // Page footers may sit between two lines of a part; everything the person wrote is there, in order.
                var printed = Regex.Replace(flat, @" ?Mi historial · Lucía Romero Sánchez · Página \d+ de \d+ ?", " ");
                Assert.Contains(v.Text[part], printed);
            }
        Assert.Contains($"Página {pages} de {pages}", flat);
        // Each page stays inside A4: no line of text runs beyond what pdftotext sees as the page.
        Assert.DoesNotContain("M1v150 palabraC", flat);
    }

    [Fact]
    public void Hostile_text_prints_literally()
    {
        var hostile = new ReflectionText(Hostile, "<b>clientes</b> & \"compañeros\"", "=HYPERLINK(\"http://evil\") )>> endobj");
        var (text, _) = Render(Sample(hostile, [new RecordVersion(1, At, hostile)], name: "Zoë O'Brien (\\) Tj <script>"));
        var flat = Flat(text);
        Assert.Contains(Hostile, flat);
        Assert.Contains("<b>clientes</b> & \"compañeros\"", flat);
        Assert.Contains("=HYPERLINK(\"http://evil\") )>> endobj", flat);
        Assert.Contains("Zoë O'Brien (\\) Tj <script>", flat);
        Assert.Contains("Concreta más. " + Hostile, flat);
    }

    [Fact]
    public void An_english_reader_gets_english_labels_and_british_dates()
    {
        var v1 = new ReflectionText("I listen.", "Shoppers.", "Tomorrow.");
        var (text, _) = Render(Sample(v1, [new RecordVersion(1, At, v1)]), "en");
        var flat = Flat(text);
        Assert.Contains("My record", flat);
        Assert.Contains("Your details", flat);
        Assert.Contains("Edition 1 · Onboarding", flat);
        Assert.Contains("19/11/2026", flat);
        Assert.Matches(@"Page 1 of \d", flat);
        Assert.DoesNotContain("Tus datos", flat);
    }

    [Fact]
    public void A_name_with_a_direction_override_prints_in_the_order_it_was_typed()
    {
        var v1 = new ReflectionText("Escucho a cada cliente en caja.", "Quien compra y mis compañeras.", "Mañana repito \u202Elo que me piden.");
        var (text, _) = Render(Sample(v1, [new RecordVersion(1, At.AddMinutes(20), v1)], name: "Lucía \u202ERomero\u202C\r\nSánchez"));
        var flat = Flat(text);
        Assert.Contains("Lucía Romero Sánchez", flat, StringComparison.Ordinal);
        Assert.Contains("Mañana repito lo que me piden.", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
    }
}
