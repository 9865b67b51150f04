using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Staff.Import;

/// <summary>A person as the database has them now, as far as the import is concerned.</summary>
public sealed record ExistingPerson(
    string EmployeeNumber, string FullName, string Email, string JobTitle, string? Department, string? Site,
    string? ManagerNumber, DateOnly HireDate, string Language, EmploymentType EmploymentType, bool Active);

/// <summary>One change an import would make to one person.</summary>
public enum ChangeAction { Create, Update, Deactivate }

/// <summary>A planned change: for an update, the names of the fields that differ.</summary>
public sealed record PlannedChange(ChangeAction Action, string EmployeeNumber, string FullName, int Line, IReadOnlyList<StaffField> Fields, StaffRow? Row);

public sealed record StaffImportPlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<ImportProblem> Problems, int Unchanged)
{
    public int Creates => Changes.Count(c => c.Action == ChangeAction.Create);
    public int Updates => Changes.Count(c => c.Action == ChangeAction.Update);
    public int Deactivations => Changes.Count(c => c.Action == ChangeAction.Deactivate);
}

/// <summary>
/// Compares a checked staff file with the people already known and says what applying it would do: who is
/// created, whose details change, who is deactivated (marked inactive, or — in a full import — missing from the
/// file). Rows that cannot be applied are refused with their line: a manager nobody knows, a chain of managers
/// that loops, an email another person already has. Applying the same file twice plans nothing the second time.
/// Plain rules, no database.
/// </summary>
public static class StaffImportPlanner
{
    static readonly Messages L = new();

    /// <param name="numbersInFile">Every employee number in the file, refused rows included: a person whose row has a
    /// typo is not "missing" from a full import, and must not be deactivated for it. Defaults to the rows' numbers.</param>
    public static StaffImportPlan Plan(IReadOnlyList<StaffRow> rows, IReadOnlyList<ExistingPerson> existing, bool fullImport,
        IReadOnlySet<string>? numbersInFile = null)
    {
        var problems = new List<ImportProblem>();
        var byNumber = existing.ToDictionary(p => p.EmployeeNumber, StringComparer.OrdinalIgnoreCase);
        var byEmail = existing.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var accepted = new List<StaffRow>();

        foreach (var row in rows)
        {
            if (byEmail.TryGetValue(row.Email, out var owner) && !string.Equals(owner.EmployeeNumber, row.EmployeeNumber, StringComparison.OrdinalIgnoreCase)
                && !rows.Any(r => string.Equals(r.EmployeeNumber, owner.EmployeeNumber, StringComparison.OrdinalIgnoreCase) && !string.Equals(r.Email, row.Email, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(new(row.Line, L["El correo «{0}» ya es de {1} ({2}).", row.Email, owner.FullName, owner.EmployeeNumber]));
                continue;
            }
            accepted.Add(row);
        }

        // Managers must exist after the import: in the file (and applied) or already known and not leaving.
        var inFile = accepted.ToDictionary(r => r.EmployeeNumber, StringComparer.OrdinalIgnoreCase);
        bool Known(string number) => inFile.ContainsKey(number)
            || (byNumber.TryGetValue(number, out var p) && p.Active && !fullImport);
        bool changed;
        do
        {
            changed = false;
            foreach (var row in accepted.ToList())
            {
                if (row.ManagerNumber is { } manager && !Known(manager))
                {
                    problems.Add(new(row.Line, L["El responsable «{0}» no está en el archivo ni entre las personas activas.", manager]));
                    accepted.Remove(row);
                    inFile.Remove(row.EmployeeNumber);
                    changed = true;
                }
            }
        } while (changed); // refusing a manager's row can leave their reports without a manager in turn

        // Cycles in the resulting chain of managers (A reports to B, B to A…): every row in the loop is refused.
        string? ManagerOf(string number) => inFile.TryGetValue(number, out var r) ? r.ManagerNumber
            : byNumber.TryGetValue(number, out var p) ? p.ManagerNumber : null;
        var inCycle = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in accepted)
        {
            var seen = new List<string> { row.EmployeeNumber };
            for (var at = ManagerOf(row.EmployeeNumber); at is not null; at = ManagerOf(at))
            {
                var index = seen.FindIndex(s => string.Equals(s, at, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    foreach (var member in seen.Skip(index)) inCycle.Add(member);
                    break;
                }
                seen.Add(at);
                if (seen.Count > accepted.Count + existing.Count + 1) break;
            }
        }
        foreach (var row in accepted.Where(r => inCycle.Contains(r.EmployeeNumber)).ToList())
        {
            var chain = new List<string> { row.EmployeeNumber };
            for (var at = ManagerOf(row.EmployeeNumber); at is not null && !string.Equals(at, row.EmployeeNumber, StringComparison.OrdinalIgnoreCase) && chain.Count < 20; at = ManagerOf(at))
                chain.Add(at);
            problems.Add(new(row.Line, L["Los responsables forman un círculo: {0}. Revisa quién es el responsable de quién.", string.Join(" → ", chain.Append(row.EmployeeNumber))]));
            accepted.Remove(row);
        }

        var changes = new List<PlannedChange>();
        var unchanged = 0;
        foreach (var row in accepted)
        {
            if (!byNumber.TryGetValue(row.EmployeeNumber, out var before))
            {
                changes.Add(new(ChangeAction.Create, row.EmployeeNumber, row.FullName, row.Line, [], row));
                continue;
            }
            var fields = Differences(before, row);
            if (fields.Count == 0) { unchanged++; continue; }
            var action = before.Active && !row.Active && fields.Count == 1 ? ChangeAction.Deactivate : ChangeAction.Update;
            changes.Add(new(action, row.EmployeeNumber, row.FullName, row.Line, fields, row));
        }
        if (fullImport)
        {
            var listed = new HashSet<string>(numbersInFile ?? rows.Select(r => r.EmployeeNumber).ToHashSet(), StringComparer.OrdinalIgnoreCase);
            foreach (var person in existing.Where(p => p.Active && !listed.Contains(p.EmployeeNumber)))
                changes.Add(new(ChangeAction.Deactivate, person.EmployeeNumber, person.FullName, 0, [StaffField.Active], null));
        }
        return new StaffImportPlan(changes, problems.OrderBy(p => p.Line).ToList(), unchanged);
    }

    static List<StaffField> Differences(ExistingPerson before, StaffRow row)
    {
        var fields = new List<StaffField>();
        void Check(StaffField field, bool same) { if (!same) fields.Add(field); }
        Check(StaffField.FullName, before.FullName == row.FullName);
        Check(StaffField.Email, string.Equals(before.Email, row.Email, StringComparison.OrdinalIgnoreCase));
        Check(StaffField.JobTitle, before.JobTitle == row.JobTitle);
        Check(StaffField.Department, before.Department == row.Department);
        Check(StaffField.Site, before.Site == row.Site);
        Check(StaffField.ManagerNumber, string.Equals(before.ManagerNumber, row.ManagerNumber, StringComparison.OrdinalIgnoreCase));
        Check(StaffField.HireDate, before.HireDate == row.HireDate);
        Check(StaffField.Language, before.Language == row.Language);
        Check(StaffField.EmploymentType, before.EmploymentType == row.EmploymentType);
        Check(StaffField.Active, before.Active == row.Active);
        return fields;
    }
}
