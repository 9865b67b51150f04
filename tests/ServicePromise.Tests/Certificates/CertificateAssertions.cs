using System.Net;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Certificates;

namespace ServicePromise.Tests.Certificates;

public static class CertificateAssertions
{
    /// <summary>The PDF is a valid PDF whose text has every printed field, and the public page shows the same fields.</summary>
    public static async Task PdfAndVerificationPageAgreeAsync(HttpClient anonymous, byte[] pdf, Certificate certificate)
    {
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var (code, check) = Tools.QpdfCheck(pdf);
        Assert.True(code == 0, "qpdf --check: " + check);

        var text = Tools.PdfText(pdf);
        Assert.Contains(certificate.HolderName, text);
        Assert.Contains(certificate.JobTitle, text);
        Assert.Contains(certificate.Code, text);
        Assert.Contains($"edición {certificate.EditionNumber}", text);
        Assert.Contains("https://promesa.test/verify/" + certificate.Code, text);
        Assert.Equal("https://promesa.test/verify/" + certificate.Code, Tools.QrText(pdf));
        foreach (var pillar in certificate.PillarTitles.Split('\n'))
            Assert.Contains(pillar[..Math.Min(pillar.Length, 30)], text);

        var page = await anonymous.GetPageAsync("/verify/" + certificate.Code);
        var shown = page.Text();
        Assert.Contains("Certificado válido", shown);
        Assert.Contains(certificate.HolderName, shown);
        Assert.Contains(certificate.JobTitle, shown);
        Assert.Contains(certificate.Company, shown);
        Assert.Contains($"Edición {certificate.EditionNumber}", shown);
        Assert.Contains(certificate.Code, shown);
        foreach (var pillar in certificate.PillarTitles.Split('\n'))
            Assert.Contains(pillar, shown);
    }

    public static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string url) => (await client.GetAsync(url)).StatusCode;
}
