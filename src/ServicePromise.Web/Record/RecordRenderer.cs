using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.CheckIns;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Practice;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Web.Record;

/// <summary>
/// "Mi historial" as an A4 PDF: the same record the page shows, flowing over as many pages as it needs. Uses the
/// certificate's fonts (<see cref="CertificateFonts"/>); what people wrote is drawn as text, exactly as written —
/// PDFsharp encodes every string, so nothing in it is ever read as PDF syntax.
/// </summary>
public sealed class RecordRenderer(IStringLocalizer<SharedResource> L, OrganisationClock clock, IOptions<AppOptions> app)
{
    static readonly XColor Olive = XColor.FromArgb(0x3F, 0x51, 0x19);
    static readonly XColor Ink = XColor.FromArgb(0x1F, 0x1F, 0x1F);
    static readonly XColor Muted = XColor.FromArgb(0x55, 0x55, 0x55);

    /// <summary>Renders in the current UI culture (the reader's language).</summary>
    /// <param name="checkIns">The person's check-ins on their committed actions, as the page shows them (none: no section).</param>
    /// <param name="knowledge">Their knowledge kept from the weekly questions (none, or no answers: no section).</param>
    public byte[] Render(PersonalRecord record, RecordCheckIns? checkIns = null, KeptView? knowledge = null)
    {
        var culture = CultureInfo.CurrentCulture;
        string When(DateTime utc) => clock.Format(utc);
        string WhenOrDash(DateTime? utc) => utc is { } value ? clock.Format(value) : "—";
        string Day(DateOnly date) => date.ToString("d", culture);

        using var document = new PdfDocument();
        var p = record.Profile;
        var fullName = Infrastructure.DisplayText.Clean(p.FullName);
        document.Info.Title = L["Mi historial"] + " · " + fullName;
        document.Info.Creator = "ServicePromise";
        // As for certificates: PDFsharp's deflater ends page streams in a way qpdf flags, so store them plain.
        document.Options.CompressContentStreams = false;

        using (var flow = new Flow(document))
        {
            flow.Text(L["Mi historial"], Font(20, bold: true), Olive, after: 4);
            flow.Text(fullName, Font(14, bold: true), Ink, after: 2);
            flow.Text(L["Generado el {0}: todo lo que ServicePromise guarda sobre ti.", When(clock.UtcNow)], Font(9), Muted, after: 12);

            flow.Heading(L["Tus datos"], 14);
            flow.Field(L["Nombre"], fullName);
            flow.Field(L["Número"], p.EmployeeNumber);
            flow.Field(L["Correo electrónico"], p.Email ?? "—");
            flow.Field(L["Puesto"], Infrastructure.DisplayText.Clean(p.JobTitle));
            flow.Field(L["Departamento"], p.Department is null ? "—" : Infrastructure.DisplayText.Clean(p.Department));
            flow.Field(L["Centro"], p.Site is null ? "—" : Infrastructure.DisplayText.Clean(p.Site));
            flow.Field(L["Responsable"], p.Manager is null ? "—" : Infrastructure.DisplayText.Clean(p.Manager));
            flow.Field(L["Fecha de incorporación"], Day(p.HireDate));
            flow.Field(L["Idioma"], RecordText.Language(p.Language, L));

            flow.Heading(L["Formaciones"], 14);
            if (record.Assignments.Count == 0) flow.Text(L["Todavía no tienes ninguna formación asignada."], Font(10), Muted);
            foreach (var a in record.Assignments)
            {
                flow.Heading(L["Edición {0}", a.EditionNumber] + " · " + RecordText.Reason(a.Reason, L), 12.5);
                flow.Field(L["Estado"], RecordText.Status(a, L));
                if (a.JobTitle is { } job) flow.Field(L["Puesto"], job);
                flow.Field(L["Asignada"], When(a.AssignedAt));
                flow.Field(L["Fecha límite"], Day(a.DueOn));
                flow.Field(L["Completada"], WhenOrDash(a.CompletedAt));
                if (a.SupersededAt is { } superseded) flow.Field(L["Sustituida"], When(superseded));
                foreach (var pillar in a.Pillars)
                {
                    flow.Heading($"{pillar.Order}. {pillar.Title}", 11, indent: 10);
                    flow.Field(L["Leído"], WhenOrDash(pillar.ReadAt), indent: 10);
                    flow.Field(L["Comprobación superada"], pillar.HasCheck ? WhenOrDash(pillar.CheckPassedAt) : L["Sin comprobación"], indent: 10);
                    flow.Field(L["Reflexión enviada"], WhenOrDash(pillar.ReflectedAt), indent: 10);
                    Reflection(flow, pillar.Reflection, When);
                    Attempts(flow, pillar, When);
                }
            }

            flow.Heading(L["Certificados"], 14);
            if (record.Certificates.Count == 0) flow.Text(L["Aún no tienes certificados. Completa todos los pilares de tu promesa para obtener el primero."], Font(10), Muted);
            foreach (var c in record.Certificates)
            {
                flow.Heading(c.Code, 11);
                flow.Field(L["Edición"], c.EditionNumber.ToString(culture));
                flow.Field(L["Fecha de emisión"], When(c.IssuedAt));
                flow.Field(L["Válido hasta"], c.ExpiresOn is { } expires ? Day(expires) : L["Sin caducidad"]);
                flow.Field(L["Estado"], RecordText.Certificate(c.Status, L));
                var url = app.Value.Link($"/certificates/{c.Id}/pdf");
                flow.Field(L["Descargar PDF"], url, link: url);
            }

            if (checkIns is not null) CheckInSection(flow, checkIns, When, Day);

            if (knowledge is { Rows: [{ Answered: > 0 } mine] })
            {
                flow.Heading(L["Conocimiento conservado"], 14);
                flow.Text(L["Conocimiento conservado: {0} % de aciertos en los últimos {1} días ({2} respuestas).", mine.Percent ?? 0, knowledge.Days, mine.Answered],
                    Font(10), Ink);
            }

            if (record.Nudges.Count > 0)
            {
                flow.Heading(L["Recordatorios recibidos"], 14);
                foreach (var n in record.Nudges) flow.Field(When(n.SentAt), L["De {0}", n.SentBy]);
            }
        }

        // Every page says whose record it is and where it sits, so a loose printed page is never a mystery.
        var pages = document.PageCount;
        for (var i = 0; i < pages; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var footer = L["Mi historial"] + " · " + Truncate(g, fullName, Font(8), 300) + " · " + L["Página {0} de {1}", i + 1, pages];
            g.DrawString(footer, Font(8), new XSolidBrush(Muted), new XPoint(Flow.Margin, page.Height.Point - 28));
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    void Reflection(Flow flow, RecordReflection? r, Func<DateTime, string> when)
    {
        const double indent = 20;
        flow.Text(L["Tu reflexión"], Font(10, bold: true), Ink, indent, before: 4, keepWithNext: 2);
        if (r is null)
        {
            flow.Text(L["Todavía no has escrito nada en este pilar."], Font(10), Muted, indent);
            return;
        }
        flow.Field(L["Estado"], RecordText.Reflection(r.Status, L), indent: indent);
        flow.Field(L["Compartir"], RecordText.Sharing(r, L, when), indent: indent);
        if (r.Similarity is double similarity)
            flow.Field(L["Aviso"], L["Se parece a la reflexión de otra persona (similitud {0} %).", (int)Math.Round(similarity * 100)], indent: indent);
        if (r.HasUnsentText)
        {
            flow.Text(L["Borrador sin enviar (guardado el {0})", when(r.UpdatedAt)], Font(10, bold: true), Ink, indent, before: 4, keepWithNext: 2);
            Parts(flow, r.Current, indent + 10);
        }
        foreach (var v in r.Versions.Reverse())
        {
            flow.Text(L["Versión {0}", v.Number] + " · " + L["enviada el {0}", when(v.SubmittedAt)], Font(10, bold: true), Ink, indent, before: 4, keepWithNext: 2);
            Parts(flow, v.Text, indent + 10);
        }
        if (r.Reviews.Count > 0)
        {
            flow.Text(L["Comentarios de la revisión"], Font(10, bold: true), Ink, indent, before: 4, keepWithNext: 2);
            foreach (var review in r.Reviews)
            {
                flow.Text($"{Infrastructure.DisplayText.Clean(review.Reviewer)} · {when(review.DecidedAt)} · {RecordText.Decision(review.Decision, L)} {L["sobre la versión {0}", review.VersionNumber]}",
                    Font(9.5, bold: true), Ink, indent + 10, keepWithNext: 1);
                if (RecordText.Rubric(review, L) is { } rubric) flow.Text(rubric, Font(9), Muted, indent + 10);
                if (!string.IsNullOrWhiteSpace(review.Comment)) flow.Text(review.Comment, Font(10), Ink, indent + 10, after: 3);
            }
        }
    }

    void CheckInSection(Flow flow, RecordCheckIns record, Func<DateTime, string> when, Func<DateOnly, string> day)
    {
        flow.Heading(L["Seguimiento de tus compromisos"], 14);
        foreach (var c in record.CheckIns)
        {
            flow.Heading($"{c.PillarTitle} · {(c.Step == 0 ? L["Primera pregunta"] : L["Seguimiento {0}", c.Step])} · {day(c.DueOn)}", 11);
            flow.Field(L["Tu acción"], c.Action);
            flow.Field(L["Respuesta"], CheckInText.Summary(c, L));
            if (c.AnsweredAt is { } answered) flow.Field(L["Respondida"], when(answered));
            if (!string.IsNullOrWhiteSpace(c.Note)) flow.Field(L["Nota"], c.Note);
            if (!string.IsNullOrWhiteSpace(c.Obstacle)) flow.Field(L["Lo que lo impidió"], c.Obstacle);
            foreach (var (author, at, text) in record.Replies[c.Id])
            {
                flow.Text($"{Infrastructure.DisplayText.Clean(author)} · {when(at)}", Font(9.5, bold: true), Ink, 10, before: 2, keepWithNext: 1);
                flow.Text(text, Font(10), Ink, 10, after: 3);
            }
        }
    }

    void Parts(Flow flow, ReflectionText text, double indent)
    {
        foreach (var part in Enum.GetValues<ReflectionPart>())
        {
            flow.Text(RecordText.Part(part, L), Font(9, bold: true), Muted, indent, keepWithNext: 1);
            flow.Text(text[part].Length == 0 ? "—" : text[part], Font(10), Ink, indent, after: 3);
        }
    }

    void Attempts(Flow flow, RecordPillar pillar, Func<DateTime, string> when)
    {
        if (!pillar.HasCheck && pillar.Attempts.Count == 0) return;
        const double indent = 20;
        flow.Text(L["Intentos de comprobación"], Font(10, bold: true), Ink, indent, before: 4, keepWithNext: 1);
        if (pillar.Attempts.Count == 0) flow.Text(L["Todavía no hay intentos."], Font(10), Muted, indent);
        foreach (var a in pillar.Attempts)
        {
            var sent = a.SubmittedAt is { } at ? L["enviado el {0}", when(at)].Value : L["Sin enviar"].Value;
            flow.Text($"{L["Intento {0}", a.Number]} · {L["empezado el {0}", when(a.StartedAt)]} · {sent} · {RecordText.Attempt(a, L)}",
                Font(9.5, bold: true), Ink, indent + 10, keepWithNext: 1);
            foreach (var answer in a.Answers)
            {
                var mark = answer.Correct switch { true => " (" + L["Correcta"] + ")", false => " (" + L["Incorrecta"] + ")", _ => "" };
                flow.Text(answer.Question + mark, Font(9.5), Ink, indent + 20, keepWithNext: 1);
                flow.Text("→ " + (answer.Chosen.Count == 0 ? L["Sin respuesta"].Value : string.Join(" · ", answer.Chosen)), Font(9.5), Muted, indent + 30, after: 2);
            }
        }
    }

    internal static XFont Font(double size, bool bold = false) =>
        new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    static string Truncate(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && g.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

    /// <summary>Writes top to bottom and starts a new A4 page whenever the next line would not fit.</summary>
    sealed class Flow : IDisposable
    {
        public const double Margin = 50;
        const double Bottom = 50;
        const double LabelWidth = 150;
        readonly PdfDocument _document;
        PdfPage _page = null!;
        XGraphics _g = null!;
        double _y;

        public Flow(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        XGraphics G => _g;
        double Width => _page.Width.Point - 2 * Margin;
        double Limit => _page.Height.Point - Bottom;

        void NewPage()
        {
            _g?.Dispose();
            _page = _document.AddPage();
            _page.Size = PageSize.A4;
            _g = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        static double LineHeight(XFont font) => font.Size * 1.35;

        /// <summary>Room for <paramref name="height"/> more points on this page, or a new page.</summary>
        void Ensure(double height)
        {
            if (_y + height > Limit && _y > Margin) NewPage();
        }

        IReadOnlyList<string> Wrap(string text, XFont font, double width)
        {
            var g = G;
            // Stored text may hold direction overrides (a name, a reflection): drawn without them, in the order it was typed.
            return TextWrap.Lines(Infrastructure.DisplayText.CleanLines(text), width, s => g.MeasureString(s, font).Width);
        }

        /// <param name="keepWithNext">Lines of what follows to keep on the same page (a heading never ends a page).</param>
        public void Text(string text, XFont font, XColor color, double indent = 0, double before = 0, double after = 0, int keepWithNext = 0)
        {
            var lines = Wrap(text, font, Width - indent);
            var height = LineHeight(font);
            _y += before;
            Ensure(height * (Math.Min(lines.Count, 2) + keepWithNext));
            var brush = new XSolidBrush(color);
            foreach (var line in lines)
            {
                Ensure(height);
                G.DrawString(line, font, brush, new XRect(Margin + indent, _y, Width - indent, height), XStringFormats.TopLeft);
                _y += height;
            }
            _y += after;
        }

        public void Heading(string text, double size, double indent = 0) =>
            Text(text, Font(size, bold: true), size >= 14 ? Olive : Ink, indent, before: size >= 14 ? 10 : 6, after: 3, keepWithNext: 3);

        /// <summary>A label and its value side by side; the value wraps in its own column. With a link, the value is clickable.</summary>
        public void Field(string label, string value, double indent = 0, string? link = null)
        {
            var labelFont = Font(9.5, bold: true);
            var valueFont = Font(10);
            var labelLines = Wrap(label, labelFont, LabelWidth - 8);
            var valueX = Margin + indent + LabelWidth;
            var valueWidth = Width - indent - LabelWidth;
            var valueLines = Wrap(value, valueFont, valueWidth);
            var height = LineHeight(valueFont);
            var rows = Math.Max(labelLines.Count, valueLines.Count);
            Ensure(height * Math.Min(rows, 2));
            for (var i = 0; i < rows; i++)
            {
                Ensure(height);
                if (i < labelLines.Count)
                    G.DrawString(labelLines[i], labelFont, new XSolidBrush(Muted), new XRect(Margin + indent, _y + 0.5, LabelWidth - 8, height), XStringFormats.TopLeft);
                if (i < valueLines.Count)
                {
                    var rect = new XRect(valueX, _y, valueWidth, height);
                    G.DrawString(valueLines[i], valueFont, new XSolidBrush(link is null ? Ink : Olive), rect, XStringFormats.TopLeft);
                    if (link is not null)
                    {
                        var box = new XRect(valueX, _y, G.MeasureString(valueLines[i], valueFont).Width, height);
                        _page.AddWebLink(new PdfSharp.Pdf.PdfRectangle(G.Transformer.WorldToDefaultPage(box)), link);
                    }
                }
                _y += height;
            }
            _y += 1.5;
        }

        public void Dispose() => _g.Dispose();
    }
}
