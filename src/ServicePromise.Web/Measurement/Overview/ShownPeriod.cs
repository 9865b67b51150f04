using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ServicePromise.Web.Measurement.Overview;

/// <summary>One audit period as the overview's addresses name it: "2026-10" for October 2026, "2026-Q4" for its last quarter.</summary>
public readonly record struct ShownPeriod(PeriodKind Kind, DateOnly Start)
{
    public string Key => Kind == PeriodKind.Quarter
        ? $"{Start.Year.ToString(CultureInfo.InvariantCulture)}-Q{(Start.Month - 1) / 3 + 1}"
        : Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A period from its key; null for anything else (an unreadable address falls back to the latest period).</summary>
    public static ShownPeriod? Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length < 6 || key[4] != '-') return null;
        if (!int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1) return null;
        var rest = key.AsSpan(5);
        if (rest.Length == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] is >= '1' and <= '4')
            return new ShownPeriod(PeriodKind.Quarter, new DateOnly(year, (rest[1] - '1') * 3 + 1, 1));
        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            return new ShownPeriod(PeriodKind.Month, new DateOnly(year, month, 1));
        return null;
    }

    /// <summary>"octubre de 2026", "4.º trimestre de 2026" in the reader's language.</summary>
    public string Label(IStringLocalizer L) => Kind == PeriodKind.Quarter
        ? L["{0}.º trimestre de {1}", (Start.Month - 1) / 3 + 1, Start.Year]
        : Start.ToString("Y", CultureInfo.CurrentCulture);
}
