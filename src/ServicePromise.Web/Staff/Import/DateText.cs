using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// Reads the dates HR files hold: ISO (2025-03-03), day first as Spanish-speaking countries write it (3/3/2025,
/// 03-03-2025, 3.3.25), month names in Spanish or English ("3 de marzo de 2025", "3-mar-2025", "March 3, 2025",
/// "lunes, 3 de marzo de 2025", Peru's "setiembre"), SAP's yyyyMMdd and Excel's serial day numbers. Numbers only are
/// day first — 03/04/2025 is the 3rd of April, as in every country this reads files from — unless the whole column
/// says otherwise (<see cref="MonthFirst"/>).
/// </summary>
public static partial class DateText
{
    static readonly string[] Formats =
    [
        "yyyy-M-d", "yyyy/M/d", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d/M/yy", "d-M-yy", "d.M.yy",
        "yyyy-M-dTHH:mm:ss", "yyyy-M-dTHH:mm:ss.fff", "yyyy-M-d HH:mm:ss", "yyyy-M-d H:mm",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss",
    ];

    /// <summary>Two-digit years up to this one are 20yy, later ones 19yy (a hire date in 49 or 1950 is seldom in doubt).</summary>
    const int TwoDigitYearMax = 2049;

    static readonly CultureInfo Invariant = Culture();

    static CultureInfo Culture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = TwoDigitYearMax;
        return culture;
    }

    /// <summary>Month names and their short forms, Spanish and English, without accents.</summary>
    static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["enero"] = 1, ["ene"] = 1, ["january"] = 1, ["jan"] = 1,
        ["febrero"] = 2, ["feb"] = 2, ["february"] = 2,
        ["marzo"] = 3, ["mar"] = 3, ["march"] = 3,
        ["abril"] = 4, ["abr"] = 4, ["april"] = 4, ["apr"] = 4,
        ["mayo"] = 5, ["may"] = 5,
        ["junio"] = 6, ["jun"] = 6, ["june"] = 6,
        ["julio"] = 7, ["jul"] = 7, ["july"] = 7,
        ["agosto"] = 8, ["ago"] = 8, ["august"] = 8, ["aug"] = 8,
        ["septiembre"] = 9, ["setiembre"] = 9, ["sep"] = 9, ["sept"] = 9, ["set"] = 9, ["september"] = 9,
        ["octubre"] = 10, ["oct"] = 10, ["october"] = 10,
        ["noviembre"] = 11, ["nov"] = 11, ["november"] = 11,
        ["diciembre"] = 12, ["dic"] = 12, ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>Words a written date may carry that say nothing about which day it is.</summary>
    static readonly HashSet<string> Filler =
    [
        "de", "del", "of", "the",
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ];

    /// <summary>Excel's day numbers for 1955-01-01 to 2119-01-01: a five-digit number in a date column is nothing else.</summary>
    const int FirstSerial = 20090, LastSerial = 80000;

    /// <summary>
    /// Whether a column of dates writes the month first, as US-configured Workday or BambooHR exports do (03/15/2025):
    /// when some value cannot be day first (its second number is over 12) and none can be month first (its first
    /// number is over 12). A column that has both is day first, and its impossible dates are row problems.
    /// </summary>
    public static bool MonthFirst(IEnumerable<string> values)
    {
        var monthFirst = false;
        foreach (var value in values)
            if (Numbers(value) is (var first, var second, _, _))
            {
                if (first > 12) return false;
                if (second > 12) monthFirst = true;
            }
        return monthFirst;
    }

    /// <summary>A date written as three numbers, day or month first ("3/15/25", "03-15-2025 0:00"): its two first numbers, the year and what follows.</summary>
    static (int First, int Second, string Year, string After)? Numbers(string value)
    {
        var match = NumbersPattern().Match(value.Trim());
        return match.Success
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), match.Groups[4].Value, match.Groups[5].Value)
            : null;
    }

    [GeneratedRegex(@"^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(\s.*)?$")]
    private static partial Regex NumbersPattern();

    /// <param name="monthFirst">The column writes numbers month first (<see cref="MonthFirst"/>).</param>
    public static DateOnly? Parse(string value, bool monthFirst = false)
    {
        if (monthFirst && Numbers(value) is (var month, var day, var year, var rest))
            value = $"{day}/{month}/{year}{rest}";
        var text = value.Trim();
        if (text.Length == 0 || text.Length > 60) return null;
        if (DateTime.TryParseExact(text, Formats, Invariant, DateTimeStyles.AllowWhiteSpaces, out var exact)) return DateOnly.FromDateTime(exact);
        if (text.All(char.IsAsciiDigit) || (text.EndsWith(".0", StringComparison.Ordinal) && text[..^2].All(char.IsAsciiDigit)))
            return Digits(text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text);
        return Written(text);
    }

    /// <summary>yyyyMMdd (SAP, many payroll exports) or an Excel serial day number.</summary>
    static DateOnly? Digits(string digits)
    {
        if (digits.Length == 8)
            return DateTime.TryParseExact(digits, "yyyyMMdd", Invariant, DateTimeStyles.None, out var d) ? DateOnly.FromDateTime(d) : null;
        if (digits.Length == 5 && int.Parse(digits, CultureInfo.InvariantCulture) is >= FirstSerial and <= LastSerial and var serial)
            return new DateOnly(1899, 12, 30).AddDays(serial); // Excel's day 1 is 1900-01-01, counting its phantom 29 February 1900
        return null;
    }

    /// <summary>A day, a month name and a year: "3 de marzo de 2025", "3-mar-25", "March 3rd, 2025", "2025-mar-03".</summary>
    static DateOnly? Written(string text)
    {
        var words = Tokens(text).Where(w => !Filler.Contains(w)).ToList();
        if (words.Count != 3) return null;
        string dayWord, yearWord;
        int month;
        if (Months.TryGetValue(words[0], out month)) (dayWord, yearWord) = (words[1], words[2]); // March 3, 2025
        else if (Months.TryGetValue(words[1], out month))
            (dayWord, yearWord) = words[0].Length == 4 ? (words[2], words[0]) : (words[0], words[2]); // 2025-mar-03 or 3 de marzo de 2025
        else return null;
        if (Number(dayWord) is not { } day || !yearWord.All(char.IsAsciiDigit) || yearWord.Length is not (2 or 4)) return null;
        var year = int.Parse(yearWord, CultureInfo.InvariantCulture);
        if (yearWord.Length == 2) year = Invariant.DateTimeFormat.Calendar.ToFourDigitYear(year);
        return year >= 1900 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>A day or a year: digits, with an ordinal ending left off ("1º", "1ro", "1er", "1st", "3rd").</summary>
    static int? Number(string word)
    {
        var digits = word;
        foreach (var ending in (string[])["st", "nd", "rd", "th", "ero", "ro", "er", "o"])
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal) && char.IsAsciiDigit(word[^(ending.Length + 1)]))
            {
                digits = word[..^ending.Length];
                break;
            }
        return digits.Length is >= 1 and <= 4 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Lowercase words without accents; "º" and "°" after a day read as an ordinal ending; letters and digits run together are split ("3mar2025").</summary>
    static IEnumerable<string> Tokens(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Replace('º', 'o').Replace('°', 'o').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        foreach (var word in sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "3rd" and "1o" stay whole (ordinals); "3mar2025" splits into 3, mar, 2025.
            if (Number(word) is not null || word.All(char.IsLetter) || word.All(char.IsAsciiDigit)) { yield return word; continue; }
            var start = 0;
            for (var i = 1; i <= word.Length; i++)
                if (i == word.Length || char.IsAsciiDigit(word[i]) != char.IsAsciiDigit(word[i - 1]))
                {
                    yield return word[start..i];
                    start = i;
                }
        }
    }
}
