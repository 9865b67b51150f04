using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Letters;

/// <summary>How letters are laid out on A4.</summary>
public enum LetterLayout
{
    /// <summary>One person per page, with the steps written out.</summary>
    Page = 0,
    /// <summary>Eight cut-out cards per page (two columns of four), to hand out at a shift change.</summary>
    Cards = 1,
}

/// <summary>
/// Draws welcome letters as an A4 portrait PDF, each in its person's language: their name, a QR code that opens the
/// set-password page with the code filled in, and the code itself in groups for whoever types it.
/// </summary>
public sealed class LetterRenderer(IStringLocalizer<SharedResource> L, OrganisationClock clock, IOptions<AppOptions> app)
{
    static readonly XColor Olive = XColor.FromArgb(0x4A, 0x5D, 0x23);
    static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    /// <summary>
    /// The page the QR code opens, in the person's language, with the code after "#": a browser never sends that part, so
    /// no server or proxy log, nor a Referer, keeps a code that still works. The page's script puts it in the field.
    /// </summary>
    public string Link(PrintedLetter letter) =>
        app.Value.Link($"/account/letter?culture={Uri.EscapeDataString(letter.Person.Language)}#{Uri.EscapeDataString(letter.Code)}");

    /// <summary>The address printed for typing by hand, without the code.</summary>
    string TypedLink => app.Value.Link("/account/letter");

    public byte[] Render(IReadOnlyList<PrintedLetter> letters, LetterLayout layout, string title)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "ServicePromise";
        // As the certificates: PDFsharp's deflater ends page streams in a way qpdf flags.
        document.Options.CompressContentStreams = false;
        if (layout == LetterLayout.Cards)
        {
            foreach (var sheet in letters.Chunk(8))
            {
                var page = NewPage(document);
                using var g = XGraphics.FromPdfPage(page);
                for (var i = 0; i < sheet.Length; i++)
                {
                    var letter = sheet[i];
                    Languages.In(letter.Person.Language, () => DrawCard(g, letter, page.Width.Point, page.Height.Point, i));
                }
            }
        }
        else
        {
            foreach (var letter in letters)
            {
                var page = NewPage(document);
                using var g = XGraphics.FromPdfPage(page);
                Languages.In(letter.Person.Language, () => DrawLetter(g, letter, page.Width.Point));
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        return page;
    }

    bool DrawLetter(XGraphics g, PrintedLetter letter, double w)
    {
        var culture = CultureInfo.CurrentCulture;
        var p = letter.Person;
        const double margin = 56;
        var width = w - 2 * margin;
        var y = 64.0;
        var ink = new XSolidBrush(Ink);
        var muted = new XSolidBrush(Muted);
        if (p.Company.Length > 0)
        {
            g.DrawString(p.Company.ToUpper(culture), Font(11, bold: true), new XSolidBrush(Olive), margin, y);
            y += 34;
        }
        g.DrawString(L["Tu acceso a la promesa de servicio"], Font(20, bold: true), ink, margin, y);
        y += 36;
        g.DrawString(Fit(g, L["Hola, {0}:", p.FullName], Font(13, bold: true), width), Font(13, bold: true), ink, margin, y);
        y += 22;
        var detail = p.Site is null ? L["Nº de empleado {0}", p.EmployeeNumber].Value : L["Nº de empleado {0} · {1}", p.EmployeeNumber, p.Site].Value;
        g.DrawString(Fit(g, detail, Font(10), width), Font(10), muted, margin, y);
        y += 26;
        var formatter = new XTextFormatter(g);
        formatter.DrawString(L["No necesitas correo electrónico para entrar. Con esta carta eliges tu contraseña en tu móvil, en un minuto."].Value,
            Font(11.5), ink, new XRect(margin, y, width, 40));
        y += 46;

        const double qrSize = 150;
        Infrastructure.PdfQr.Draw(g, Link(letter), w - margin - qrSize, y, qrSize);
        var stepsWidth = width - qrSize - 24;
        var steps = new[]
        {
            L["1. Escanea el código QR con la cámara del móvil, o abre {0}", TypedLink].Value,
            L["2. Si te lo pide, escribe este código:"].Value,
        };
        foreach (var step in steps)
        {
            formatter.DrawString(step, Font(11.5), ink, new XRect(margin, y, stepsWidth, 34));
            y += 38;
        }
        g.DrawString(letter.Code, Font(24, bold: true), ink, margin + 14, y + 16);
        y += 48;
        formatter.DrawString(L["3. Elige tu contraseña. Después entrarás siempre con tu número de empleado, {0}, y esa contraseña.", p.EmployeeNumber].Value,
            Font(11.5), ink, new XRect(margin, y, stepsWidth, 50));
        y = Math.Max(y + 70, 64 + 34 + 36 + 22 + 26 + 46 + qrSize + 30);

        var expires = clock.LocalDate(letter.ExpiresAt).ToString("D", culture);
        formatter.DrawString(L["El código sirve una sola vez y caduca el {0}. Si lo pierdes, caduca u olvidas tu contraseña, pide una carta nueva a tu responsable o a Personas (RR. HH.).", expires].Value,
            Font(10), muted, new XRect(margin, y, width, 40));
        y += 44;
        formatter.DrawString(L["Tu contraseña solo la sabes tú: nadie de la empresa te la pedirá nunca."].Value, Font(10), muted, new XRect(margin, y, width, 20));
        return true;
    }

    bool DrawCard(XGraphics g, PrintedLetter letter, double pageWidth, double pageHeight, int index)
    {
        const double margin = 28;
        var cardWidth = (pageWidth - 2 * margin) / 2;
        var cardHeight = (pageHeight - 2 * margin) / 4;
        var x = margin + index % 2 * cardWidth;
        var top = margin + index / 2 * cardHeight;
        // Dashed cut lines round each card.
        g.DrawRectangle(new XPen(Muted, 0.5) { DashStyle = XDashStyle.Dash }, x, top, cardWidth, cardHeight);
        var p = letter.Person;
        const double pad = 12;
        const double qrSize = 92;
        var textWidth = cardWidth - 3 * pad - qrSize;
        var ink = new XSolidBrush(Ink);
        var muted = new XSolidBrush(Muted);
        var y = top + pad + 10;
        g.DrawString(Fit(g, p.FullName, Font(11, bold: true), textWidth), Font(11, bold: true), ink, x + pad, y);
        y += 16;
        g.DrawString(Fit(g, L["Nº de empleado {0}", p.EmployeeNumber].Value, Font(8.5), textWidth), Font(8.5), muted, x + pad, y);
        y += 20;
        g.DrawString(L["Tu código"], Font(8.5), muted, x + pad, y);
        y += 18;
        g.DrawString(letter.Code, Font(14, bold: true), ink, x + pad, y);
        y += 18;
        var formatter = new XTextFormatter(g);
        formatter.DrawString(L["Escanea el QR o abre {0} y elige tu contraseña.", TypedLink].Value, Font(8), ink, new XRect(x + pad, y, textWidth, 34));
        y += 36;
        formatter.DrawString(L["Caduca el {0}. Sirve una vez.", clock.LocalDate(letter.ExpiresAt).ToString("d", CultureInfo.CurrentCulture)].Value,
            Font(8), muted, new XRect(x + pad, y, textWidth, 14));
        Infrastructure.PdfQr.Draw(g, Link(letter), x + cardWidth - pad - qrSize, top + (cardHeight - qrSize) / 2, qrSize);
        return true;
    }

    static XFont Font(double size, bool bold = false) => new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && g.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

}
