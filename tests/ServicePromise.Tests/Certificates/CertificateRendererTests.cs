using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicePromise.Tests.Support;
using ServicePromise.Web;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Tests.Certificates;

public class CertificateRendererTests
{
    static readonly CertificateRenderer Renderer = Create();

    static CertificateRenderer Create()
    {
        CertificateFonts.Install();
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var clock = new OrganisationClock(new FixedTime(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)), Options.Create(new AppOptions()));
        return new CertificateRenderer(new StringLocalizer<SharedResource>(factory), clock);
    }

    static Certificate Sample(string name, string job = "Cajera") => new()
    {
        Code = "ABCD-EFGH-JKMN-PQRS-TVWX",
        HolderName = name,
        JobTitle = job,
        Company = "Mercados Olivo",
        EditionNumber = 3,
        EditionPublishedAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
        // 23:30 UTC on the 21st is already the 22nd in Madrid: the certificate shows the local date.
        IssuedAt = new DateTime(2026, 11, 21, 23, 30, 0, DateTimeKind.Utc),
        PillarTitles = "Escucha antes de responder\nHabla claro y di la verdad",
    };

    static string Render(Certificate certificate, string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var pdf = Renderer.Render(certificate, "https://promesa.test/verify/" + certificate.Code);
            var (code, check) = Tools.QpdfCheck(pdf);
            Assert.True(code == 0, check);
            return Tools.PdfText(pdf);
        }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous; }
    }

    [Fact]
    public void Text_that_looks_like_pdf_syntax_is_printed_as_written()
    {
        const string hostile = "Zoë O'Brien (\\) Tj ET <script>";
        var text = Render(Sample(hostile, "Caja ) ] >> endobj"), "es");
        Assert.Contains(hostile, text);
        Assert.Contains("Caja ) ] >> endobj", text);
    }

    [Fact]
    public void A_very_long_name_still_prints_in_full_on_one_page()
    {
        var name = "María de los Ángeles Fernández-Villaverde de la Concepción y Santísima Trinidad Rodríguez-Montesinos";
        var text = Render(Sample(name), "es");
        Assert.Contains(name, System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
    }

    [Fact]
    public void An_english_certificate_uses_english_labels_and_dates_in_the_organisation_time_zone()
    {
        var spanish = Render(Sample("Lucía Romero"), "es");
        Assert.Contains("Certificado de la promesa de servicio", spanish);
        Assert.Contains("Emitido el 22/11/2026", spanish);
        var english = Render(Sample("Lucía Romero"), "en");
        Assert.Contains("Service Promise Certificate", english);
        Assert.DoesNotContain("Se certifica que", english);
    }

    [Fact]
    public void A_stored_name_with_direction_overrides_or_line_breaks_prints_on_one_line_in_the_order_it_was_typed()
    {
        // U+202E would show "Romero" reversed; CR/LF would split the name over two lines.
        var text = Render(Sample("Lucía \u202ERomero\u202C\r\nSánchez", "Caje\u2067ra"), "es");
        Assert.Contains("Lucía Romero Sánchez", text, StringComparison.Ordinal);
        Assert.Contains("Cajera", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
        Assert.DoesNotContain("oremoR", text, StringComparison.Ordinal);
    }
}
