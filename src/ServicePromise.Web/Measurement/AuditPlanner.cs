using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff;

namespace ServicePromise.Web.Measurement;

/// <summary>A standard of the current edition, with what a file may call its pillar by.</summary>
public sealed record StandardRef(string Key, string PillarKey, IReadOnlyList<string> PillarTitles);

/// <summary>The places and standards a file's rows are matched against.</summary>
public sealed record AuditCatalogue(IReadOnlyDictionary<int, string> Sites, IReadOnlyDictionary<int, string> Departments, IReadOnlyList<StandardRef> Standards);

/// <summary>The live result a row meets: the same place, standard and period.</summary>
public sealed record LiveResult(int Id, int? SiteId, int? DepartmentId, string StandardKey, PeriodKind Kind, DateOnly PeriodStart,
    string Source, int ScoreHundredths, int Sample, string? Comment)
{
    public (int?, int?, string, PeriodKind, DateOnly) Place => (SiteId, DepartmentId, StandardKey, Kind, PeriodStart);
}

/// <summary>A row that will be recorded: new, or a correction of <see cref="Before"/>.</summary>
public sealed record PlannedResult(int Line, int? SiteId, int? DepartmentId, string PlaceName, AuditPeriod Period, string Source,
    string StandardKey, string PillarKey, int ScoreHundredths, int Sample, string? Comment, LiveResult? Before)
{
    public (int?, int?, string, PeriodKind, DateOnly) Place => (SiteId, DepartmentId, StandardKey, Period.Kind, Period.Start);
}

public sealed record AuditPlan(IReadOnlyList<PlannedResult> New, IReadOnlyList<PlannedResult> Corrections, IReadOnlyList<PlannedResult> Unchanged, IReadOnlyList<AuditProblem> Problems)
{
    public bool HasChanges => New.Count + Corrections.Count > 0;
}

/// <summary>
/// Turns the rows of an audit file into what would be recorded — new results, corrections (a row that differs from
/// the live result for its place, standard and period), rows already recorded — and a problem with its line and
/// reason for every row that cannot be. Plain rules; the importer gives it the database's places and live results.
/// </summary>
public static class AuditPlanner
{
    static readonly Messages L = new();
    public const int MaxSource = 200, MaxComment = 2000;

    public static AuditPlan Plan(IReadOnlyList<AuditRow> rows, AuditCatalogue catalogue, IReadOnlyDictionary<(int?, int?, string, PeriodKind, DateOnly), LiveResult> live, int minimumSample)
    {
        var sites = ByName(catalogue.Sites);
        var departments = ByName(catalogue.Departments);
        var planned = new List<PlannedResult>();
        var problems = new List<AuditProblem>();
        var seen = new Dictionary<(int?, int?, string, PeriodKind, DateOnly), int>();
        foreach (var row in rows)
        {
            var result = Read(row, catalogue, sites, departments, minimumSample, out var problem);
            if (result is null)
            {
                problems.Add(new(row.Line, problem!));
                continue;
            }
            if (seen.TryGetValue(result.Place, out var first))
            {
                problems.Add(new(row.Line, L["fila repetida: la línea {0} ya da «{1}», {2}, {3}", first, result.PlaceName, result.StandardKey, result.Period.ToString()]));
                continue;
            }
            seen[result.Place] = row.Line;
            planned.Add(live.TryGetValue(result.Place, out var before) ? result with { Before = before } : result);
        }
        return new(planned.Where(p => p.Before is null).ToList(), planned.Where(p => p.Before is { } b && !Same(p, b)).ToList(),
            planned.Where(p => p.Before is { } b && Same(p, b)).ToList(), problems);
    }

    static bool Same(PlannedResult row, LiveResult live) =>
        row.ScoreHundredths == live.ScoreHundredths && row.Sample == live.Sample && row.Source == live.Source && (row.Comment ?? "") == (live.Comment ?? "");

    static Dictionary<string, (int Id, string Name)> ByName(IReadOnlyDictionary<int, string> places)
    {
        var byName = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var (id, name) in places) byName.TryAdd(SearchText.Fold(name), (id, name));
        return byName;
    }

    static PlannedResult? Read(AuditRow row, AuditCatalogue catalogue, Dictionary<string, (int Id, string Name)> sites, Dictionary<string, (int Id, string Name)> departments,
        int minimumSample, out Message? problem)
    {
        problem = null;
        int? siteId = null, departmentId = null;
        string placeName;
        if (row.Site.Length > 0 && row.Department.Length > 0)
            problem = L["indica la tienda o el departamento, no los dos («{0}», «{1}»)", row.Site, row.Department];
        else if (row.Site.Length == 0 && row.Department.Length == 0)
            problem = L["falta la tienda (o el departamento)"];
        else if (row.Site.Length > 0 && !sites.ContainsKey(SearchText.Fold(row.Site)))
            problem = L["no hay ninguna tienda llamada «{0}»", row.Site];
        else if (row.Department.Length > 0 && !departments.ContainsKey(SearchText.Fold(row.Department)))
            problem = L["no hay ningún departamento llamado «{0}»", row.Department];
        if (problem is not null) return null;
        if (row.Site.Length > 0) (siteId, placeName) = sites[SearchText.Fold(row.Site)];
        else (departmentId, placeName) = departments[SearchText.Fold(row.Department)];

        if (AuditPeriod.Parse(row.Period) is not { } period)
        {
            problem = row.Period.Length == 0 ? L["falta el periodo"] : L["no se entiende el periodo «{0}» (escribe 2026-10, octubre 2026 o 2026-T3)", row.Period];
            return null;
        }
        if (row.Source.Length == 0) problem = L["falta la fuente (quién hizo la auditoría)"];
        else if (row.Source.Length > MaxSource) problem = L["la fuente tiene {0} caracteres; el máximo es {1}", row.Source.Length, MaxSource];
        else if (row.Comment.Length > MaxComment) problem = L["el comentario tiene {0} caracteres; el máximo es {1}", row.Comment.Length, MaxComment];
        if (problem is not null) return null;

        var standard = Standard(row.Standard, catalogue.Standards, out problem);
        if (standard is null) return null;

        var score = AuditFile.Score(row.Score);
        if (row.Score.Length == 0) problem = L["falta la puntuación"];
        else if (score is null) problem = L["la puntuación «{0}» no es un número", row.Score];
        else if (score is < 0m or > 100m) problem = L["la puntuación {0} está fuera de 0–100", row.Score];
        else if (decimal.Round(score.Value, 2) != score.Value) problem = L["la puntuación «{0}» tiene más de dos decimales", row.Score];
        if (problem is not null) return null;

        var sample = AuditFile.Sample(row.Sample);
        if (row.Sample.Length == 0) problem = L["falta la muestra (cuántas visitas o respuestas)"];
        else if (sample is null) problem = L["la muestra «{0}» no es un número entero", row.Sample];
        else if (sample < minimumSample) problem = L["muestra demasiado pequeña: {0}; el mínimo es {1}", sample, minimumSample];
        if (problem is not null) return null;

        return new(row.Line, siteId, departmentId, placeName, period, row.Source, standard.Key, standard.PillarKey,
            (int)(score!.Value * 100), sample!.Value, row.Comment.Length > 0 ? row.Comment : null, null);
    }

    /// <summary>A standard's key; or a pillar's key or title (any language) when that pillar has exactly one standard.</summary>
    static StandardRef? Standard(string text, IReadOnlyList<StandardRef> standards, out Message? problem)
    {
        problem = null;
        if (text.Length == 0)
        {
            problem = L["falta el estándar"];
            return null;
        }
        var folded = SearchText.Fold(text);
        if (standards.FirstOrDefault(s => SearchText.Fold(s.Key) == folded) is { } byKey) return byKey;
        var pillar = standards.Where(s => SearchText.Fold(s.PillarKey) == folded || s.PillarTitles.Any(t => SearchText.Fold(t) == folded)).ToList();
        if (pillar.Count == 1) return pillar[0];
        problem = pillar.Count > 1
            ? L["el pilar «{0}» tiene varios estándares ({1}): indica la clave del estándar", text, string.Join(", ", pillar.Select(s => s.Key))]
            : L["no hay ningún estándar ni pilar «{0}» en la edición actual", text];
        return null;
    }
}
