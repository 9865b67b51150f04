using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServicePromise.Tests.Coaching;
using ServicePromise.Tests.Support;
using ServicePromise.Web;
using ServicePromise.Web.CheckIns;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using static ServicePromise.Tests.Support.CheckInSteps;

namespace ServicePromise.Tests.CheckIns;

/// <summary>
/// Check-ins as evidence: the evidence pack's check-ins.csv (what was asked, what was answered, formula-safe, the
/// manager's replies counted but not quoted) and the person's Mi historial PDF (their action, note and the replies).
/// </summary>
public class CheckInEvidenceTests
{
    const string Lucia = "MO-0101";
    const string Note = "=HYPERLINK(\"http://x\") lo hice con dos clientes";
    const string Obstacle = "La cola del sábado por la tarde.";
    const string Reply = "Buen comienzo: el sábado pide ayuda en la segunda caja.";

    static async Task<(CheckInAppFactory App, CommitmentCheckIn First)> AnsweredAndRepliedAsync()
    {
        var app = new CheckInAppFactory();
        var lucia = await app.SignedInAsync(Pages.Employee);
        Redirected(await lucia.CommitAsync("listen", Date(app.Today.AddDays(4))));
        var first = Assert.Single(await app.CheckInsOfAsync(Lucia));
        app.MoveTo(first.DueOn);
        lucia = await app.SignedInAsync(Pages.Employee); // the sign-in does not outlast days
        Redirected(await lucia.AnswerAsync(first.Id,
            new Dictionary<string, string> { ["Outcome"] = "Partly", ["Rating"] = "3", ["Note"] = Note, ["Obstacle"] = Obstacle }));
        Redirected(await (await app.SignedInAsync(Coach.Carmen)).ReplyAsync(first.Id, Reply));
        return (app, first);
    }

    static async Task<(int Count, string Csv)> CsvAsync(CheckInAppFactory app)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-ES");
        try
        {
            using var scope = app.Services.CreateScope();
            var services = scope.ServiceProvider;
            using var stream = new MemoryStream();
            var count = await CheckInCsv.WriteAsync(stream, ';', services.GetRequiredService<AppDbContext>(), app.Today,
                services.GetRequiredService<OrganisationClock>(), services.GetRequiredService<IStringLocalizer<SharedResource>>());
            return (count, Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task The_pack_lists_each_check_in_asked_with_its_answer_formula_safe_and_counts_the_replies_without_quoting_them()
    {
        var (app, first) = await AnsweredAndRepliedAsync();
        using var _ = app;
        var (count, csv) = await CsvAsync(app);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // The answered check-in only: its 30-day follow-up is planned but not yet asked, so it is not evidence yet.
        Assert.Equal(1, count);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Número;Nombre;Departamento;Centro;Pilar;Acción comprometida;Fecha del plan;Pregunta;Fecha de la pregunta", lines[0]);
        var row = lines[1];
        Assert.StartsWith(Lucia + ";Lucía Romero Sánchez;", row);
        Assert.Contains(";" + Date(first.DueOn) + ";", row);
        Assert.Contains(";En parte;3;", row);
        Assert.Contains(Obstacle, row);
        // The note would run as a formula in a spreadsheet: it is written as text.
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") lo hice con dos clientes\"", row);
        Assert.DoesNotContain(";=HYPERLINK", row);
        Assert.DoesNotContain(";\"=HYPERLINK", row);
        // One reply from Carmen, counted; the coaching itself stays between her, Lucía and the screen HR drills into.
        Assert.EndsWith(";1", row);
        Assert.DoesNotContain(Reply, csv);

        // Once the follow-up's day comes, it is asked, and the pack lists it, unanswered.
        app.MoveTo(first.DueOn.AddDays(30));
        (count, csv) = await CsvAsync(app);
        Assert.Equal(2, count);
        Assert.Contains(";Seguimiento 1;" + Date(first.DueOn.AddDays(30)) + ";", csv);
    }

    [Fact]
    public async Task The_record_pdf_keeps_the_action_the_answer_the_note_and_the_managers_reply()
    {
        var (app, _) = await AnsweredAndRepliedAsync();
        using var __ = app;
        var lucia = await app.SignedInAsync(Pages.Employee);
        var text = Tools.PdfText(await lucia.GetByteArrayAsync("/me/record/pdf"));
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("Seguimiento de tus compromisos", flat);
        Assert.Contains("lo hice con dos clientes", flat);
        Assert.Contains(Obstacle, flat);
        Assert.Contains("Buen comienzo: el sábado pide ayuda en la segunda caja.", flat);
        Assert.Contains("Carmen", flat);
    }
}
