using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace ServicePromise.Web.Certificates;

/// <summary>Draws a certificate as a one-page A4 landscape PDF with a QR code for its verification page.</summary>
public sealed class CertificateRenderer(IStringLocalizer<SharedResource> L, Infrastructure.OrganisationClock clock)
{
    static readonly XColor Olive = XColor.FromArgb(0x4A, 0x5D, 0x23);
    static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    /// <summary>Renders in the current UI culture; callers switch to the certificate's language first.</summary>
    public byte[] Render(Certificate c, string verificationUrl)
    {
        var culture = CultureInfo.CurrentCulture;
        // Printed from stored text: on one line each and without direction overrides, so «Ana» never prints as «anA».
        var holder = Infrastructure.DisplayText.Clean(c.HolderName);
        var jobTitle = Infrastructure.DisplayText.Clean(c.JobTitle);
        var company = Infrastructure.DisplayText.Clean(c.Company);
        using var document = new PdfDocument();
        document.Info.Title = L["Certificado {0}", c.Code];
        document.Info.Author = company;
        document.Info.Subject = L["Promesa de servicio, edición {0}", c.EditionNumber];
        document.Info.Creator = "ServicePromise";
        // PDFsharp's deflater ends page streams in a way qpdf flags; the page is small, so store it plain.
        document.Options.CompressContentStreams = false;

        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using var g = XGraphics.FromPdfPage(page);
        var w = page.Width.Point;
        var h = page.Height.Point;
        const double margin = 48;

        g.DrawRectangle(new XPen(Olive, 3), 24, 24, w - 48, h - 48);
        g.DrawRectangle(new XPen(Olive, 0.75), 30, 30, w - 60, h - 60);

        var y = 70.0;
        Centered(g, company.ToUpper(culture), Font(12, bold: true), Olive, w, ref y, 36);
        Centered(g, L["Certificado de la promesa de servicio"], Font(26, bold: true), Ink, w, ref y, 42);
        Centered(g, L["Se certifica que"], Font(12), Muted, w, ref y, 30);
        Centered(g, holder, FitFont(g, holder, 30, w - 2 * margin - 40), Ink, w, ref y, 30);
        if (!string.IsNullOrWhiteSpace(jobTitle))
            Centered(g, jobTitle, FitFont(g, jobTitle, 14, w - 2 * margin - 40, bold: false), Muted, w, ref y, 30);

        var statement = L["ha completado la edición {0} de la promesa de servicio, publicada el {1}, y ha escrito cómo aplica cada uno de sus pilares en su puesto:",
            c.EditionNumber, clock.LocalDate(c.EditionPublishedAt).ToString("d", culture)].Value;
        var formatter = new XTextFormatter(g) { Alignment = XParagraphAlignment.Center };
        formatter.DrawString(statement, Font(12), new XSolidBrush(Ink), new XRect(margin + 40, y, w - 2 * margin - 80, 34));
        y += 44;

        var pillars = c.PillarTitles.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Infrastructure.DisplayText.Clean).ToArray();
        var pillarFont = Font(pillars.Length > 6 ? 10 : 11.5);
        for (var i = 0; i < pillars.Length; i++)
        {
            var line = $"{i + 1}. {pillars[i]}";
            g.DrawString(Truncate(g, line, pillarFont, w - 2 * margin - 260), pillarFont, new XSolidBrush(Ink), new XPoint(margin + 120, y));
            y += pillarFont.Size + 6;
        }

        // Footer: issue date and code on the left, the QR code on the right.
        const double qrSize = 104;
        var footerTop = h - margin - qrSize;
        var small = Font(10);
        var textX = margin + 10;
        var issued = L["Emitido el {0}", clock.LocalDate(c.IssuedAt).ToString("d", culture)].Value;
        if (c.ExpiresOn is { } expires) issued += " · " + L["Válido hasta {0}", expires.ToString("d", culture)].Value;
        g.DrawString(issued, small, new XSolidBrush(Muted), textX, footerTop + 22);
        g.DrawString(L["Código de verificación"], small, new XSolidBrush(Muted), textX, footerTop + 44);
        g.DrawString(c.Code, Font(16, bold: true), new XSolidBrush(Ink), textX, footerTop + 66);
        g.DrawString(L["Compruébelo en {0}", verificationUrl], Font(9), new XSolidBrush(Muted), textX, footerTop + 88);
        Infrastructure.PdfQr.Draw(g, verificationUrl, w - margin - qrSize - 6, footerTop, qrSize);

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    static XFont Font(double size, bool bold = false) =>
        new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    /// <summary>Shrinks long names to fit on one line rather than running off the page.</summary>
    static XFont FitFont(XGraphics g, string text, double size, double width, bool bold = true)
    {
        var font = Font(size, bold);
        while (size > 10 && g.MeasureString(text, font).Width > width)
        {
            size -= 1;
            font = Font(size, bold);
        }
        return font;
    }

    static string Truncate(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && g.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

    static void Centered(XGraphics g, string text, XFont font, XColor color, double pageWidth, ref double y, double advance)
    {
        g.DrawString(text, font, new XSolidBrush(color), new XRect(0, y - font.Size, pageWidth, font.Size * 1.4), XStringFormats.TopCenter);
        y += advance;
    }

}
