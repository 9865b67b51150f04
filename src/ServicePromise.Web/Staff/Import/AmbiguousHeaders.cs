using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Staff.Import;

/// <summary>How a header that means different things in different countries was read, and why.</summary>
/// <param name="Read">False: the column is not one of ours in this file, and is left out.</param>
public sealed record HeaderReading(int Column, bool Read, Message Says);

/// <summary>
/// Headers whose meaning depends on the country, decided with the evidence of the file itself. "Estado" is the
/// person's status in Spain and most of Latin America, but the state they work in in Mexico; "Departamento" is the
/// department in most files, but the region in Colombia, where "Área" (or "Dependencia") is the department. The
/// column's values decide — status words are a status, Mexican states or Colombian departments are a place — and when
/// a file has both "Área" and "Departamento", "Área" is the department. Plain rules, no database.
/// </summary>
public static class AmbiguousHeaders
{
    static readonly Messages L = new();

    static readonly string StatusKey = HeaderVocabulary.Key("Estado");
    static readonly string DepartmentKey = HeaderVocabulary.Key("Departamento");
    /// <summary>Headers that hold the department in a Colombian file, beside "Departamento" holding the region.</summary>
    static readonly HashSet<string> DepartmentBesideRegion = new[] { "Área", "Dependencia" }.Select(HeaderVocabulary.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The 32 federal entities of Mexico, with their usual short forms, folded as <see cref="StaffFile.Fold"/> folds a value.</summary>
    static readonly HashSet<string> MexicanStates = new[]
    {
        "Aguascalientes", "Ags", "Baja California", "BC", "Baja California Sur", "BCS", "Campeche", "Camp", "Chiapas", "Chis", "Chihuahua", "Chih",
        "Ciudad de México", "CDMX", "Distrito Federal", "DF", "Coahuila", "Coahuila de Zaragoza", "Coah", "Colima", "Col", "Durango", "Dgo",
        "Guanajuato", "Gto", "Guerrero", "Gro", "Hidalgo", "Hgo", "Jalisco", "Jal", "Estado de México", "México", "Edomex", "Edo. Méx.", "Méx",
        "Michoacán", "Michoacán de Ocampo", "Mich", "Morelos", "Mor", "Nayarit", "Nay", "Nuevo León", "NL", "N.L.", "Oaxaca", "Oax", "Puebla", "Pue",
        "Querétaro", "Qro", "Quintana Roo", "Q. Roo", "QRoo", "San Luis Potosí", "SLP", "Sinaloa", "Sin", "Sonora", "Son", "Tabasco", "Tab",
        "Tamaulipas", "Tamps", "Tlaxcala", "Tlax", "Veracruz", "Veracruz de Ignacio de la Llave", "Ver", "Yucatán", "Yuc", "Zacatecas", "Zac",
    }.Select(StaffFile.Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>The 32 departments of Colombia and its capital district, folded as <see cref="StaffFile.Fold"/> folds a value.</summary>
    static readonly HashSet<string> ColombianDepartments = new[]
    {
        "Amazonas", "Antioquia", "Arauca", "Atlántico", "Bolívar", "Boyacá", "Caldas", "Caquetá", "Casanare", "Cauca", "Cesar", "Chocó", "Córdoba",
        "Cundinamarca", "Guainía", "Guaviare", "Huila", "La Guajira", "Guajira", "Magdalena", "Meta", "Nariño", "Norte de Santander", "Putumayo",
        "Quindío", "Risaralda", "San Andrés", "San Andrés y Providencia", "San Andrés, Providencia y Santa Catalina", "Santander", "Sucre", "Tolima",
        "Valle del Cauca", "Valle", "Vaupés", "Vichada", "Bogotá", "Bogotá D.C.", "Bogotá DC", "Bogotá, D.C.", "Distrito Capital", "Bogotá Distrito Capital",
    }.Select(StaffFile.Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// How each ambiguous column among <paramref name="headers"/> is read. <paramref name="valuesOf"/> gives a column's
    /// cells, data rows only.
    /// </summary>
    public static IReadOnlyList<HeaderReading> Decide(IReadOnlyList<string> headers, Func<int, IEnumerable<string>> valuesOf)
    {
        var readings = new List<HeaderReading>();
        var keys = headers.Select(HeaderVocabulary.Key).ToList();
        for (var column = 0; column < headers.Count; column++)
        {
            var header = headers[column];
            if (keys[column] == StatusKey)
            {
                var (values, places, statuses) = Count(valuesOf(column), MexicanStates, v => StaffFile.ParseFlag(v) is not null);
                if (places > 0 && places >= statuses)
                    readings.Add(new(column, false, L["La columna «{0}» tiene estados de México (como «{1}»), no la situación de la persona: no se importa.", header, Example(valuesOf(column), MexicanStates)]));
                else if (values > 0 && statuses == 0)
                    readings.Add(new(column, false, L["La columna «{0}» no tiene ninguna palabra de situación (como «activo» o «baja»): no se lee como la situación de la persona y no se importa.", header]));
                else
                    readings.Add(new(column, true, L["La columna «{0}» se lee como la situación de la persona (activo o de baja).", header]));
            }
            else if (keys[column] == DepartmentKey)
            {
                var beside = keys.FindIndex(k => DepartmentBesideRegion.Contains(k));
                var (values, places, _) = Count(valuesOf(column), ColombianDepartments, _ => false);
                if (beside >= 0)
                    readings.Add(new(column, false, L["El archivo tiene «{0}» y «{1}»: el departamento de la persona se lee de «{0}»; «{1}» (la región, como en Colombia) no se importa.", headers[beside], header]));
                else if (places > 0 && places * 2 > values)
                    readings.Add(new(column, false, L["La columna «{0}» tiene departamentos de Colombia (como «{1}»), no el departamento de la empresa: no se importa.", header, Example(valuesOf(column), ColombianDepartments)]));
                else
                    readings.Add(new(column, true, L["La columna «{0}» se lee como el departamento de la persona en la empresa.", header]));
            }
        }
        return readings;
    }

    /// <summary>The column's non-empty values, how many of them are places of the list, and how many pass <paramref name="isField"/>.</summary>
    static (int Values, int Places, int Fields) Count(IEnumerable<string> cells, HashSet<string> places, Func<string, bool> isField)
    {
        int values = 0, inPlaces = 0, fields = 0;
        foreach (var cell in cells)
        {
            var value = cell.Trim();
            if (value.Length == 0) continue;
            values++;
            if (places.Contains(StaffFile.Fold(value))) inPlaces++;
            else if (isField(value)) fields++;
        }
        return (values, inPlaces, fields);
    }

    static string Example(IEnumerable<string> cells, HashSet<string> places) =>
        cells.Select(c => c.Trim()).First(c => c.Length > 0 && places.Contains(StaffFile.Fold(c)));
}
