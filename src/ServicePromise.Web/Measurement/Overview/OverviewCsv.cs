using Microsoft.Extensions.Localization;
using ServicePromise.Web.Reports;

namespace ServicePromise.Web.Measurement.Overview;

/// <summary>The heat map as CSV: one line per site, per pillar its weakest standard's score, threshold and verdict; formula-safe.</summary>
public static class OverviewCsv
{
    public static async Task WriteAsync(Stream destination, char delimiter, IReadOnlyList<PillarColumn> columns, IEnumerable<SiteRow> rows, IStringLocalizer L)
    {
        await using var csv = new SpreadsheetSafeCsv(destination, delimiter);
        var header = new List<string> { L["Centro"] };
        foreach (var pillar in columns)
            header.AddRange([L["{0}: puntuación", pillar.Title], L["{0}: estándar", pillar.Title], L["{0}: resultado", pillar.Title]]);
        header.Add(L["Media de la auditoría"]);
        await csv.WriteRowAsync(header);
        foreach (var row in rows)
        {
            var cells = new List<string?> { row.Name };
            foreach (var pillar in columns)
            {
                var cell = row.Cells.GetValueOrDefault(pillar.Key);
                cells.AddRange(cell is null ? ["", "", ""] : [OverviewText.Score(cell.Weakest.ScoreHundredths),
                    cell.Weakest.ThresholdHundredths is int t ? OverviewText.Score(t) : "", OverviewText.Verdict(cell.Weakest, L)]);
            }
            cells.Add(row.MeanHundredths is int mean ? OverviewText.Score(mean) : "");
            await csv.WriteRowAsync(cells);
        }
    }
}
