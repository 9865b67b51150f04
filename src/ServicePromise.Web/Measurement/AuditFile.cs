using System.Globalization;
using System.Text.RegularExpressions;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Web.Measurement;

public enum AuditColumn { Site, Department, Period, Source, Standard, Score, Sample, Comment }

/// <summary>A problem of an audit file: line 1 is the header (the whole file), a later line one row.</summary>
public sealed record AuditProblem(int Line, Message Message);

/// <summary>One row of an audit file as written (trimmed); the planner reads and checks its values.</summary>
public sealed record AuditRow(int Line, string Site, string Department, string Period, string Source, string Standard, string Score, string Sample, string Comment);

/// <summary>What an audit file holds: its rows, or (when its header cannot be read) only the problems that say why.</summary>
public sealed record AuditFileContent(string Encoding, char Delimiter, string Sha256, IReadOnlyList<AuditRow> Rows, IReadOnlyList<AuditProblem> Problems)
{
    public bool Unreadable => Problems.Count > 0;
}

/// <summary>
/// Reads a CSV of audit results from a mystery-shopping provider, a survey tool or an internal audit: ';' or ',',
/// UTF-8 or Windows-1252 (<see cref="CsvText"/>), Spanish or English headers. Header problems (a required column
/// missing, two columns for the same thing) are reported before any row is read. Plain rules, no database.
/// </summary>
public static class AuditFile
{
    static readonly Messages L = new();

    /// <summary>The header words of each column, folded (lower case, no accents).</summary>
    static readonly Dictionary<string, AuditColumn> Vocabulary = new (AuditColumn Column, string[] Words)[]
    {
        (AuditColumn.Site, ["tienda", "sede", "centro", "site", "store", "shop"]),
        (AuditColumn.Department, ["departamento", "department", "dept"]),
        (AuditColumn.Period, ["periodo", "mes", "trimestre", "period", "month", "quarter"]),
        (AuditColumn.Source, ["fuente", "origen", "proveedor", "source", "provider"]),
        (AuditColumn.Standard, ["estandar", "standard", "pilar", "pillar"]),
        (AuditColumn.Score, ["puntuacion", "nota", "resultado", "score", "result"]),
        (AuditColumn.Sample, ["muestra", "n", "visitas", "respuestas", "sample", "visits", "responses"]),
        (AuditColumn.Comment, ["comentario", "comentarios", "comment", "comments", "verbatim"]),
    }.SelectMany(c => c.Words.Select(w => (w, c.Column))).ToDictionary(x => x.w, x => x.Column);

    static readonly AuditColumn[] Required = [AuditColumn.Period, AuditColumn.Source, AuditColumn.Standard, AuditColumn.Score, AuditColumn.Sample];

    public static Message ColumnName(AuditColumn column) => column switch
    {
        AuditColumn.Site => L["Tienda"],
        AuditColumn.Department => L["Departamento"],
        AuditColumn.Period => L["Periodo"],
        AuditColumn.Source => L["Fuente"],
        AuditColumn.Standard => L["Estándar"],
        AuditColumn.Score => L["Puntuación"],
        AuditColumn.Sample => L["Muestra"],
        _ => L["Comentario"],
    };

    /// <summary>The column a header cell names, if any: "Puntuación (%)" and "Score" both read as the score.</summary>
    public static AuditColumn? ColumnOf(string header)
    {
        var folded = SearchText.Fold(Regex.Replace(header, @"\(.*?\)|[%#:]", " ", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return Vocabulary.TryGetValue(folded, out var column) ? column : null;
    }

    public static AuditFileContent Read(byte[] bytes)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        string text, encoding;
        try
        {
            (text, encoding) = CsvText.Decode(bytes);
        }
        catch (CsvEncodingException)
        {
            return Fail("UTF-8", ',', sha, L["El archivo dice ser UTF-8 pero tiene caracteres que no lo son: guárdalo otra vez como «CSV UTF-8»."]);
        }
        var delimiter = CsvText.DetectDelimiter(text);
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvText.Parse(text, delimiter);
        }
        catch (CsvFormatException ex)
        {
            return Fail(encoding, delimiter, sha, L["Línea {0}: unas comillas se abren y no se cierran.", ex.Line]);
        }
        catch (CsvTooLargeException ex)
        {
            return Fail(encoding, delimiter, sha, L["Línea {0}: la fila es demasiado larga para ser un resultado de auditoría.", ex.Line]);
        }
        if (records.Count == 0) return Fail(encoding, delimiter, sha, L["El archivo está vacío."]);

        var header = records[0];
        var columns = new Dictionary<AuditColumn, int>();
        var problems = new List<AuditProblem>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (ColumnOf(header.Fields[i]) is not { } column) continue;
            if (columns.TryGetValue(column, out var first))
                problems.Add(new(1, L["Las columnas «{0}» y «{1}» dicen lo mismo ({2}): deja solo una.", header.Fields[first].Trim(), header.Fields[i].Trim(), ColumnName(column)]));
            else columns[column] = i;
        }
        foreach (var column in Required.Where(c => !columns.ContainsKey(c)))
            problems.Add(new(1, L["Falta la columna «{0}».", ColumnName(column)]));
        if (!columns.ContainsKey(AuditColumn.Site) && !columns.ContainsKey(AuditColumn.Department))
            problems.Add(new(1, L["Falta la columna «{0}» (o «{1}»).", ColumnName(AuditColumn.Site), ColumnName(AuditColumn.Department)]));
        if (problems.Count > 0) return new(encoding, delimiter, sha, [], problems);

        string Cell(CsvRecord record, AuditColumn column) =>
            columns.TryGetValue(column, out var i) && i < record.Fields.Count ? record.Fields[i].Trim() : "";
        var rows = records.Skip(1).Select(r => new AuditRow(r.Line, Cell(r, AuditColumn.Site), Cell(r, AuditColumn.Department), Cell(r, AuditColumn.Period),
            Cell(r, AuditColumn.Source), Cell(r, AuditColumn.Standard), Cell(r, AuditColumn.Score), Cell(r, AuditColumn.Sample), Cell(r, AuditColumn.Comment))).ToList();
        return new(encoding, delimiter, sha, rows, []);
    }

    static AuditFileContent Fail(string encoding, char delimiter, string sha, Message message) => new(encoding, delimiter, sha, [], [new(1, message)]);

    /// <summary>A score as people write it: "62,5", "62.5", "62,5 %"; null when it is not a number (the range is the planner's).</summary>
    public static decimal? Score(string text)
    {
        var value = text.Trim().TrimEnd('%').Trim().Replace(',', '.');
        return value.Length > 0 && decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score)
            ? score
            : null;
    }

    /// <summary>A sample size: a whole number, nothing else ("12.0" and "doce" are not).</summary>
    public static int? Sample(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sample) ? sample : null;
}
