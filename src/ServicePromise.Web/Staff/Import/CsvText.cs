using System.Text;

namespace ServicePromise.Web.Staff.Import;

/// <summary>One record of a CSV file: its fields and the line of the file it starts on (for messages people can act on).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads the CSV files HR systems and spreadsheets export: comma or semicolon (Spanish-locale Excel uses ';'),
/// fields quoted with double quotes (doubled inside), line breaks inside quoted fields, CRLF or LF, and the
/// text in UTF-8 (with or without BOM) or Windows-1252 — whichever the bytes are. Plain rules, no database.
/// </summary>
public static class CsvText
{
    /// <summary>
    /// Fields a record may have. A staff export has a dozen or two; a header of hundreds of thousands of cells once made
    /// a 250 MB preview page and 1.5 GB of memory, so reading stops at the first record past this.
    /// </summary>
    public const int MaxFields = 200;
    /// <summary>Characters a field may have: no staff detail comes near it, and a runaway quote would make one cell of the rest of the file.</summary>
    public const int MaxFieldLength = 4_000;

    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 when there is a BOM or the bytes are valid UTF-8; otherwise Windows-1252, the other encoding Excel writes here.</summary>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // The BOM says UTF-8, so reading it as Windows-1252 would be a guess against the file's own word.
            try
            {
                return (StrictUtf8.GetString(bytes[3..]), "UTF-8");
            }
            catch (DecoderFallbackException)
            {
                throw new CsvEncodingException();
            }
        }
        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(bytes), "Windows-1252");
        }
    }

    /// <summary>The delimiter of the header line: whichever of ';' and ',' occurs more often outside quotes (',' on a tie).</summary>
    public static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    /// <summary>Every record, blank lines skipped. A quote left open at the end of the file is an error naming its line.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, char delimiter)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var fieldStarted = false;

        void EndField()
        {
            if (fields.Count >= MaxFields) throw new CsvTooLargeException(recordLine, tooManyFields: true);
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            if (fields.Count > 1 || fields[0].Trim().Length > 0) records.Add(new CsvRecord(recordLine, fields.ToArray()));
            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    if (field.Length >= MaxFieldLength) throw new CsvTooLargeException(recordLine, tooManyFields: false);
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && !fieldStarted && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
                quoteLine = line;
                fieldStarted = true;
            }
            else if (c == delimiter) EndField();
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                if (field.Length >= MaxFieldLength) throw new CsvTooLargeException(recordLine, tooManyFields: false);
                field.Append(c);
                if (!char.IsWhiteSpace(c)) fieldStarted = true;
            }
        }
        if (quoted) throw new CsvFormatException(quoteLine);
        if (field.Length > 0 || fields.Count > 0) EndRecord();
        return records;
    }
}

/// <summary>A record with more than <see cref="CsvText.MaxFields"/> fields, or a field longer than <see cref="CsvText.MaxFieldLength"/>: not read further.</summary>
public sealed class CsvTooLargeException(int line, bool tooManyFields)
    : Exception(tooManyFields ? $"Line {line}: more than {CsvText.MaxFields} fields." : $"Line {line}: a field of more than {CsvText.MaxFieldLength} characters.")
{
    public int Line { get; } = line;
    public bool TooManyFields { get; } = tooManyFields;
}

/// <summary>A quoted field never closed: everything after it would be misread, so nothing is read.</summary>
/// <summary>The file starts with a UTF-8 BOM but has bytes that are not UTF-8.</summary>
public sealed class CsvEncodingException() : Exception("The file has a UTF-8 byte order mark but bytes that are not UTF-8.");

public sealed class CsvFormatException(int line) : Exception($"Line {line}: a quoted field is never closed.")
{
    public int Line { get; } = line;
}
