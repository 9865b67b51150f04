using System.Text;
using ServicePromise.Web.Measurement;

namespace ServicePromise.Tests.Measurement;

/// <summary>The audit file reader: separators, encodings, headers in either language, scores and periods as people write them.</summary>
public class AuditFileTests
{
    static AuditFileContent Read(string text, Encoding? encoding = null) => AuditFile.Read((encoding ?? new UTF8Encoding(false)).GetBytes(text));

    [Theory]
    [InlineData("Tienda;Periodo;Fuente;Estándar;Puntuación;Muestra\nSevilla Centro;2026-10;Q-Shop;escucha;62,5;12\n", ';')]
    [InlineData("Store,Period,Source,Standard,Score,Sample\nSevilla Centro,2026-10,Q-Shop,escucha,\"62,5\",12\n", ',')]
    public void Reads_semicolon_and_comma_files_with_spanish_or_english_headers(string text, char delimiter)
    {
        var file = Read(text);
        Assert.Empty(file.Problems);
        Assert.Equal(delimiter, file.Delimiter);
        var row = Assert.Single(file.Rows);
        Assert.Equal(new AuditRow(2, "Sevilla Centro", "", "2026-10", "Q-Shop", "escucha", "62,5", "12", ""), row);
    }

    [Fact]
    public void Reads_utf8_with_and_without_bom_and_windows_1252()
    {
        const string text = "Sede;Mes;Origen;Pilar;Nota;N;Comentario\nMálaga;2026-10;Encuesta;Escucha;80;9;Atención rápida\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        foreach (var (encoding, name) in new (Encoding, string)[] { (new UTF8Encoding(true), "UTF-8"), (new UTF8Encoding(false), "UTF-8"), (Encoding.GetEncoding(1252), "Windows-1252") })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
            var file = AuditFile.Read(bytes);
            Assert.Equal(name, file.Encoding);
            var row = Assert.Single(file.Rows);
            Assert.Equal("Málaga", row.Site);
            Assert.Equal("Atención rápida", row.Comment);
        }
    }

    [Theory]
    [InlineData("62,5", 62.5)]
    [InlineData("62.5", 62.5)]
    [InlineData("62,5 %", 62.5)]
    [InlineData(" 80 ", 80)]
    [InlineData("100", 100)]
    public void Reads_scores_with_decimal_comma_point_or_percent(string text, decimal expected) => Assert.Equal(expected, AuditFile.Score(text));

    [Theory]
    [InlineData("")]
    [InlineData("muy bien")]
    [InlineData("62,5,1")]
    public void A_score_that_is_not_a_number_reads_as_none(string text) => Assert.Null(AuditFile.Score(text));

    [Theory]
    [InlineData("2026-10", PeriodKind.Month, 2026, 10)]
    [InlineData("10/2026", PeriodKind.Month, 2026, 10)]
    [InlineData("oct 2026", PeriodKind.Month, 2026, 10)]
    [InlineData("octubre 2026", PeriodKind.Month, 2026, 10)]
    [InlineData("Oct-2026", PeriodKind.Month, 2026, 10)]
    [InlineData("Septiembre de 2026", PeriodKind.Month, 2026, 9)]
    [InlineData("2026-Q3", PeriodKind.Quarter, 2026, 7)]
    [InlineData("T3 2026", PeriodKind.Quarter, 2026, 7)]
    [InlineData("Q3 2026", PeriodKind.Quarter, 2026, 7)]
    [InlineData("3T 2026", PeriodKind.Quarter, 2026, 7)]
    [InlineData("2026-T1", PeriodKind.Quarter, 2026, 1)]
    public void Reads_every_period_form(string text, PeriodKind kind, int year, int month) =>
        Assert.Equal(new AuditPeriod(kind, new DateOnly(year, month, 1)), AuditPeriod.Parse(text));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("Q5 2026")]
    [InlineData("octubrе 2026")] // a Cyrillic "е"
    [InlineData("pronto")]
    [InlineData("")]
    public void An_unreadable_period_reads_as_none(string text) => Assert.Null(AuditPeriod.Parse(text));

    [Fact]
    public void A_missing_required_column_is_reported_before_any_row()
    {
        var file = Read("Tienda;Periodo;Fuente;Estándar;Muestra\nSevilla Centro;2026-10;Q-Shop;escucha;12\n");
        Assert.Empty(file.Rows);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Equal("The column “Score” is missing.", problem.Message.ToString());
    }

    [Fact]
    public void A_file_without_a_place_column_is_refused()
    {
        var file = Read("Periodo;Fuente;Estándar;Puntuación;Muestra\n2026-10;Q-Shop;escucha;80;12\n");
        Assert.Equal("The column “Store” (or “Department”) is missing.", Assert.Single(file.Problems).Message.ToString());
    }

    [Fact]
    public void Two_columns_for_the_same_thing_are_refused()
    {
        var file = Read("Tienda;Periodo;Fuente;Estándar;Nota;Puntuación (%);Muestra\nSevilla Centro;2026-10;Q-Shop;escucha;80;80;12\n");
        Assert.Empty(file.Rows);
        Assert.Equal("The columns “Nota” and “Puntuación (%)” say the same thing (Score): keep only one.", Assert.Single(file.Problems).Message.ToString());
    }

    [Fact]
    public void An_empty_file_an_open_quote_and_a_false_bom_are_refused()
    {
        Assert.Equal("The file is empty.", Assert.Single(Read("").Problems).Message.ToString());
        Assert.Contains("never closed", Assert.Single(Read("Tienda;Periodo\n\"Sevilla;2026-10\n").Problems).Message.ToString());
        Assert.Contains("UTF-8", Assert.Single(AuditFile.Read([0xEF, 0xBB, 0xBF, 0x41, 0xE9]).Problems).Message.ToString());
    }

    [Fact]
    public void The_same_bytes_have_the_same_sha256()
    {
        const string text = "Tienda;Periodo;Fuente;Estándar;Puntuación;Muestra\nSevilla Centro;2026-10;Q-Shop;escucha;62,5;12\n";
        Assert.Equal(Read(text).Sha256, Read(text).Sha256);
        Assert.NotEqual(Read(text).Sha256, Read(text + "Málaga;2026-10;Q-Shop;escucha;70;12\n").Sha256);
    }
}
