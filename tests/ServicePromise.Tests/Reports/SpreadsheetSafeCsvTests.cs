using System.Text;
using ServicePromise.Web.Reports;

namespace ServicePromise.Tests.Reports;

public class SpreadsheetSafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+34 600 000 000", "\"'+34 600 000 000\"")]
    [InlineData("-1+1", "\"'-1+1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    public void Cells_that_a_spreadsheet_would_run_become_text(string value, string written)
    {
        Assert.Equal(written, SpreadsheetSafeCsv.Cell(value));
    }

    [Theory]
    [InlineData("Lucía Romero", "Lucía Romero")]
    [InlineData("Ruiz, Carmen", "\"Ruiz, Carmen\"")]
    [InlineData("dice \"hola\"", "\"dice \"\"hola\"\"\"")]
    [InlineData("dos\nlíneas", "\"dos\nlíneas\"")]
    [InlineData("a=b", "a=b")]
    [InlineData(null, "")]
    public void Ordinary_cells_follow_rfc_4180(string? value, string written)
    {
        Assert.Equal(written, SpreadsheetSafeCsv.Cell(value));
    }

    [Fact]
    public async Task A_file_starts_with_a_utf8_bom_and_ends_rows_with_crlf()
    {
        using var stream = new MemoryStream();
        await using (var csv = new SpreadsheetSafeCsv(stream))
        {
            await csv.WriteRowAsync("Nombre", "Estado");
            await csv.WriteRowAsync("Óscar", "=1+1");
        }
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Nombre,Estado\r\nÓscar,\"'=1+1\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
