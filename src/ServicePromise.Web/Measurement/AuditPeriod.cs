using System.Globalization;
using System.Text.RegularExpressions;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Measurement;

/// <summary>A month or a quarter, by its first day.</summary>
public readonly record struct AuditPeriod(PeriodKind Kind, DateOnly Start)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Month names and their usual short forms, Spanish and English (folded), to the month's number.</summary>
    static readonly Dictionary<string, int> Months = new (int Month, string[] Names)[]
    {
        (1, ["enero", "ene", "january", "jan"]), (2, ["febrero", "feb", "february"]), (3, ["marzo", "mar", "march"]),
        (4, ["abril", "abr", "april", "apr"]), (5, ["mayo", "may"]), (6, ["junio", "jun", "june"]),
        (7, ["julio", "jul", "july"]), (8, ["agosto", "ago", "august", "aug"]),
        (9, ["septiembre", "setiembre", "sep", "sept", "set", "september"]), (10, ["octubre", "oct", "october"]),
        (11, ["noviembre", "nov", "november"]), (12, ["diciembre", "dic", "december", "dec"]),
    }.SelectMany(m => m.Names.Select(n => (n, m.Month))).ToDictionary(x => x.n, x => x.Month);

    /// <summary>
    /// "2026-10", "10/2026", "oct 2026", "octubre 2026", "Oct-2026" (months); "2026-Q3", "T3 2026", "Q3 2026", "3T 2026"
    /// (quarters). Null when the text is none of these.
    /// </summary>
    public static AuditPeriod? Parse(string text)
    {
        var t = SearchText.Fold(text).Replace('.', ' ').Trim();
        Match m;
        if ((m = Regex.Match(t, @"^(\d{4})\s*[-/]\s*(\d{1,2})$", RegexOptions.None, Timeout)).Success) return Month(m.Groups[1].Value, m.Groups[2].Value);
        if ((m = Regex.Match(t, @"^(\d{1,2})\s*[-/]\s*(\d{4})$", RegexOptions.None, Timeout)).Success) return Month(m.Groups[2].Value, m.Groups[1].Value);
        if ((m = Regex.Match(t, @"^(\d{4})\s*[-/ ]?\s*[qt]([1-4])$", RegexOptions.None, Timeout)).Success) return Quarter(m.Groups[1].Value, m.Groups[2].Value);
        if ((m = Regex.Match(t, @"^[qt]([1-4])\s*[-/ ]?\s*(\d{4})$", RegexOptions.None, Timeout)).Success) return Quarter(m.Groups[2].Value, m.Groups[1].Value);
        if ((m = Regex.Match(t, @"^([1-4])\s*[qt]\s*[-/ ]?\s*(\d{4})$", RegexOptions.None, Timeout)).Success) return Quarter(m.Groups[2].Value, m.Groups[1].Value);
        if ((m = Regex.Match(t, @"^([a-z]+)\s*(?:[-/ ]|\s+de\s+)\s*(\d{4})$", RegexOptions.None, Timeout)).Success && Months.TryGetValue(m.Groups[1].Value, out var month))
            return Month(m.Groups[2].Value, month.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    static AuditPeriod? Month(string year, string month) =>
        int.Parse(month, CultureInfo.InvariantCulture) is var n and >= 1 and <= 12 && Year(year) is { } y ? new(PeriodKind.Month, new DateOnly(y, n, 1)) : null;

    static AuditPeriod? Quarter(string year, string quarter) =>
        Year(year) is { } y ? new(PeriodKind.Quarter, new DateOnly(y, (int.Parse(quarter, CultureInfo.InvariantCulture) - 1) * 3 + 1, 1)) : null;

    static int? Year(string year) => int.Parse(year, CultureInfo.InvariantCulture) is var y and >= 2000 and <= 2100 ? y : null;

    /// <summary>The period as the file and the pages write it back: "2026-10", "2026-T3".</summary>
    public override string ToString() => Kind == PeriodKind.Month
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : $"{Start.Year}-T{(Start.Month - 1) / 3 + 1}";
}
