using System.Text;

namespace ServicePromise.Web.Reports;

/// <summary>
/// Writes RFC 4180 CSV that spreadsheets open safely: UTF-8 with a byte-order mark (so Excel reads accents),
/// fields quoted when needed, and any cell starting with = + - @ (or tab or carriage return) prefixed with an
/// apostrophe so "=HYPERLINK(...)" in a name stays text instead of becoming a formula. Rows go out one at a
/// time with async writes, so an export of any size streams with flat memory.
/// </summary>
public sealed class SpreadsheetSafeCsv(Stream destination, char delimiter = ',') : IAsyncDisposable
{
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    readonly StreamWriter _writer = new(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 32 * 1024, leaveOpen: true);
    readonly StringBuilder _line = new();

    public Task WriteRowAsync(params IEnumerable<string?> cells)
    {
        _line.Clear();
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) _line.Append(delimiter);
            first = false;
            AppendCell(_line, cell, delimiter);
        }
        _line.Append("\r\n");
        return _writer.WriteAsync(_line);
    }

    /// <summary>The text of one cell as written to the file.</summary>
    public static string Cell(string? value, char delimiter = ',') => AppendCell(new StringBuilder(), value, delimiter).ToString();

    static StringBuilder AppendCell(StringBuilder sb, string? value, char delimiter)
    {
        value ??= "";
        var neutralised = value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;
        var needsQuotes = neutralised != value
            || neutralised.IndexOfAny([delimiter, '"', '\r', '\n']) >= 0
            || (neutralised.Length > 0 && (char.IsWhiteSpace(neutralised[0]) || char.IsWhiteSpace(neutralised[^1])));
        if (!needsQuotes) return sb.Append(neutralised);
        return sb.Append('"').Append(neutralised.Replace("\"", "\"\"")).Append('"');
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
