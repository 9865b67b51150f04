using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

public class CsvTextTests
{
    [Fact]
    public void Utf8_with_and_without_bom_and_windows_1252_are_told_apart()
    {
        const string text = "nombre\nNúñez, Óscar";
        Assert.Equal((text, "UTF-8"), CsvText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal((text, "UTF-8"), CsvText.Decode(Encoding.UTF8.GetBytes(text)));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Assert.Equal((text, "Windows-1252"), CsvText.Decode(Encoding.GetEncoding(1252).GetBytes(text)));
    }

    [Theory]
    [InlineData("a;b;c\n1,5;2;3", ';')]
    [InlineData("a,b,c\n1;2,3", ',')]
    [InlineData("\"x;y\",b,c", ',')]
    [InlineData("solo", ',')]
    public void The_delimiter_is_the_one_the_header_uses(string text, char expected)
    {
        Assert.Equal(expected, CsvText.DetectDelimiter(text));
    }

    [Fact]
    public void Quotes_doubled_quotes_and_line_breaks_inside_fields_are_read_as_written()
    {
        var records = CsvText.Parse("a;b\r\n\"Pérez; \"\"el jefe\"\"\";\"dos\nlíneas\"\r\n\r\nx;\n", ';');
        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["Pérez; \"el jefe\"", "dos\nlíneas"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        // The record after the quoted line break starts on line 5 (line 4 is blank).
        Assert.Equal(5, records[2].Line);
        Assert.Equal(["x", ""], records[2].Fields);
    }

    [Fact]
    public void A_quote_never_closed_names_its_line()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvText.Parse("a,b\n1,2\n3,\"sin cerrar\n4,5", ','));
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void A_record_of_more_than_the_maximum_fields_stops_the_reader_at_its_line()
    {
        var ok = string.Join(',', Enumerable.Range(0, CsvText.MaxFields).Select(i => "c" + i));
        Assert.Equal(CsvText.MaxFields, CsvText.Parse(ok, ',')[0].Fields.Count);

        // Line 3 has one field too many; the quote left open at the end would be the error if the reader went on.
        var text = $"a,b\n1,2\n{ok},extra\n4,\"never closed\n";
        var ex = Assert.Throws<CsvTooLargeException>(() => CsvText.Parse(text, ','));
        Assert.Equal((3, true), (ex.Line, ex.TooManyFields));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_field_longer_than_the_maximum_stops_the_reader_at_its_line(bool quoted)
    {
        var longest = new string('x', CsvText.MaxFieldLength);
        Assert.Equal(longest, CsvText.Parse($"a,{longest}", ',')[0].Fields[1]);

        var giant = quoted ? "\"" + longest + "\nmore\"" : longest + "y";
        var ex = Assert.Throws<CsvTooLargeException>(() => CsvText.Parse($"a,b\n1,{giant}\n", ','));
        Assert.Equal((2, false), (ex.Line, ex.TooManyFields));
    }
}
