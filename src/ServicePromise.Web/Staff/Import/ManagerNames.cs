using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// Many exports carry the manager's name ("Jefe inmediato", "Supervisor", "Manager name", "Reports To") instead of their
/// number. A manager value that is nobody's employee number is read as a name: when exactly one person has it — in the
/// file, or among the active people on file who are not in it — it stands for that person's number. Names are compared
/// without case, accents or extra spaces, and "Surname, Given" reads as "Given Surname". A name two people share is a row
/// problem naming it; a name nobody has is left as it is, for the planner to refuse as a manager nobody knows.
/// Plain rules, no database.
/// </summary>
public static class ManagerNames
{
    static readonly Messages L = new();

    /// <param name="numbersInFile">Every employee number in the file, refused rows included: a value that is one of them is a number, not a name.</param>
    public static (IReadOnlyList<StaffRow> Rows, IReadOnlyList<ImportProblem> Problems) Resolve(
        IReadOnlyList<StaffRow> rows, IReadOnlyList<ExistingPerson> existing, IReadOnlySet<string>? numbersInFile = null)
    {
        var numbers = new HashSet<string>(rows.Select(r => r.EmployeeNumber), StringComparer.OrdinalIgnoreCase);
        numbers.UnionWith(existing.Select(p => p.EmployeeNumber));
        if (numbersInFile is not null) numbers.UnionWith(numbersInFile);
        if (rows.All(r => r.ManagerNumber is null || numbers.Contains(r.ManagerNumber))) return (rows, []);

        // Who bears each name: the file's rows by the name they give, the people on file who are not in it by theirs.
        var byName = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string name, string number)
        {
            var key = Key(name);
            if (key.Length == 0) return;
            if (!byName.TryGetValue(key, out var bearers)) byName[key] = bearers = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            bearers.Add(number);
        }
        foreach (var row in rows) Add(row.FullName, row.EmployeeNumber);
        var inFile = new HashSet<string>(rows.Select(r => r.EmployeeNumber), StringComparer.OrdinalIgnoreCase);
        if (numbersInFile is not null) inFile.UnionWith(numbersInFile);
        foreach (var person in existing.Where(p => p.Active && !inFile.Contains(p.EmployeeNumber))) Add(person.FullName, person.EmployeeNumber);

        var resolved = new List<StaffRow>(rows.Count);
        var problems = new List<ImportProblem>();
        foreach (var row in rows)
        {
            if (row.ManagerNumber is not { } manager || numbers.Contains(manager))
            {
                resolved.Add(row);
                continue;
            }
            var bearers = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var reading in new[] { manager, PersonName.FromSurnameFirst(manager) }.Distinct())
                if (byName.TryGetValue(Key(reading), out var found)) bearers.UnionWith(found);
            if (bearers.Count == 1)
                resolved.Add(row with { ManagerNumber = bearers.Min });
            else if (bearers.Count > 1)
                problems.Add(new(row.Line, L["No se sabe quién es el responsable «{0}»: se llaman así {1} personas ({2}). Escribe su número de empleado.",
                    manager, bearers.Count, string.Join(", ", bearers)]));
            else
                resolved.Add(row);
        }
        return (resolved, problems);
    }

    /// <summary>A name as names are compared: without case, accents, punctuation or extra spaces.</summary>
    public static string Key(string name) => StaffFile.Fold(name);
}
