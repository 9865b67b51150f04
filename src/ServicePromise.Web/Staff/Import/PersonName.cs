namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// A full name from the columns HR files split it into: given name(s), a middle name, and one or two surnames
/// ("Nombre(s)", "Apellido paterno", "Apellido materno"; "Primer nombre", "Segundo nombre", "Primer apellido",
/// "Segundo apellido"; "First name", "Last name") — in the order people say it: given names first, then the
/// surnames, the father's (or first) before the mother's (or second).
/// </summary>
public static class PersonName
{
    /// <summary>The name parts that stand for a full name when a file has no full-name column.</summary>
    public static readonly StaffField[] Parts = [StaffField.GivenName, StaffField.MiddleName, StaffField.Surname, StaffField.SecondSurname];

    /// <summary>The parts joined by single spaces, empty ones left out; runs of spaces inside a part are folded to one.</summary>
    public static string Join(string? given, string? middle, string? surname, string? secondSurname) =>
        string.Join(' ', new[] { given, middle, surname, secondSurname }
            .SelectMany(p => (p ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// A name written surname first, as "Apellido y nombre" columns hold it ("BENÍTEZ ACOSTA, Sofía"), in the order
    /// people say it ("Sofía BENÍTEZ ACOSTA"). Without exactly one comma nobody can tell where the surnames end, so
    /// the name is kept as written.
    /// </summary>
    public static string FromSurnameFirst(string name)
    {
        var parts = name.Split(',');
        return parts.Length == 2 && parts[0].Trim().Length > 0 && parts[1].Trim().Length > 0 ? Join(parts[1], null, parts[0], null) : name;
    }

    /// <summary>Words written in lower case inside a name: "de", "del", "y" and the article after "de" ("de la", "de los").</summary>
    static readonly HashSet<string> Particles = ["de", "del", "y", "e", "i"];
    static readonly HashSet<string> Articles = ["la", "las", "los", "lo"];

    /// <summary>
    /// A name written in capitals, as many payroll systems keep them ("GARCÍA LÓPEZ, JUAN CARLOS", "JUAN CARLOS GARCIA
    /// LOPEZ"), as people write it: "Juan Carlos García López" — the surnames after the given names when a single comma
    /// says they come first; each word capitalised, also after a hyphen or an apostrophe ("Pérez-Reverte", "D'Angelo");
    /// "de", "del", "y" and "de la/los/las" in lower case except at the start. A name with any lower-case letter is
    /// kept exactly as written: whoever typed it chose its capitals ("McDonald", "de la Fuente").
    /// </summary>
    public static string FromCapitals(string name)
    {
        if (!name.Any(char.IsLetter) || name.Any(char.IsLower)) return name;
        var ordered = name.Count(c => c == ',') == 1 ? FromSurnameFirst(name) : name;
        var words = ordered.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var sb = new System.Text.StringBuilder(ordered.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var lower = words[i].ToLowerInvariant();
            if (i > 0) sb.Append(' ');
            if (i > 0 && (Particles.Contains(lower) || (Articles.Contains(lower) && words[i - 1].Equals("de", StringComparison.OrdinalIgnoreCase))))
            {
                sb.Append(lower);
                continue;
            }
            // A capital at the start and after each hyphen or apostrophe: "PÉREZ-REVERTE" → "Pérez-Reverte", "D'ANGELO" → "D'Angelo".
            var start = true;
            foreach (var c in lower)
            {
                sb.Append(start ? char.ToUpperInvariant(c) : c);
                start = c is '-' or '\'' or '’';
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A file can give the name in parts: at least a given-name column and a surname column (a second surname and a
    /// middle name are optional: many people have one surname).
    /// </summary>
    public static bool InParts(IReadOnlyCollection<StaffField> columns) =>
        columns.Contains(StaffField.GivenName) && columns.Contains(StaffField.Surname);
}
