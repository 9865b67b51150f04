using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Staff.Import;

/// <summary>What a person's roles protect them from: HR and admin accounts are changed by an admin on their page, never by an import.</summary>
public enum Privilege { None = 0, Hr = 1, Admin = 2 }

/// <summary>A person as the database has them now, as far as the import is concerned.</summary>
public sealed record ExistingPerson(
    string EmployeeNumber, string FullName, string Email, string JobTitle, string? Department, string? Site,
    string? ManagerNumber, DateOnly HireDate, string Language, EmploymentType EmploymentType, bool Active,
    Privilege Privilege = Privilege.None)
{
    public string? MobilePhone { get; init; }
}

/// <summary>
/// What kind of problem a row has, for callers that answer differently to each (SCIM: 409, 403, 400): a status must
/// follow from the kind, never from the wording of the message.
/// </summary>
public enum ProblemKind
{
    /// <summary>A value in the row that cannot be read or is missing (the file's own checks).</summary>
    Row = 0,
    /// <summary>Another person signs in with the row's email, and keeps it.</summary>
    EmailTaken,
    /// <summary>The row would change an HR or admin account's email or active flag.</summary>
    Protected,
    /// <summary>The row's manager is nobody known.</summary>
    UnknownManager,
    /// <summary>The row's chain of managers loops back to the row.</summary>
    ManagerLoop,
}

/// <summary>One change an import would make to one person.</summary>
public enum ChangeAction { Create, Update, Deactivate }

/// <summary>A planned change: for an update, the names of the fields that differ.</summary>
public sealed record PlannedChange(ChangeAction Action, string EmployeeNumber, string FullName, int Line, IReadOnlyList<StaffField> Fields, StaffRow? Row);

/// <param name="Notes">What the import leaves alone on purpose and HR should know (an administrator missing from a full
/// import is not deactivated): shown with the dry run, not counted as problems.</param>
public sealed record StaffImportPlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<ImportProblem> Problems, int Unchanged,
    IReadOnlyList<ImportProblem>? Notes = null)
{
    /// <summary>
    /// With <see cref="UnknownManagers.Defer"/>: employee number → the manager a row named whom nobody knows yet. The row
    /// is planned without a manager; the caller keeps the reference and links it when that person arrives.
    /// </summary>
    public IReadOnlyDictionary<string, string> DeferredManagers { get; init; } = new Dictionary<string, string>();

    public int Creates => Changes.Count(c => c.Action == ChangeAction.Create);
    public int Updates => Changes.Count(c => c.Action == ChangeAction.Update);
    public int Deactivations => Changes.Count(c => c.Action == ChangeAction.Deactivate);
}

/// <summary>What to do with a row whose manager nobody knows.</summary>
public enum UnknownManagers
{
    /// <summary>Refuse the row (a staff file: HR fixes the file and uploads it again).</summary>
    Refuse,
    /// <summary>
    /// Apply the row without a manager and say which one it named (<see cref="StaffImportPlan.DeferredManagers"/>):
    /// an identity provider sends people one at a time, often a report before their manager.
    /// </summary>
    Defer,
}

/// <summary>
/// Compares a checked staff file with the people already known and says what applying it would do: who is
/// created, whose details change, who is deactivated (marked inactive, or — in a full import — missing from the
/// file). Rows that cannot be applied are refused with their line: a manager nobody knows, a chain of managers
/// that loops, an email another person already has (or keeps), a manager named by a name two people share
/// (<see cref="ManagerNames"/>: a manager's name stands for their number when one person has it). Applying the same file twice plans nothing the second time.
/// An import never changes the sign-in email or the active flag of a person holding the HR or Admin role (nor, in the
/// importer, their roles): those parts of their row are refused with the reason, the rest of it (name, job title,
/// department, site, manager, hire date, language, type) applies, and a full import does not deactivate them for being
/// missing. Plain rules, no database.
/// One rulebook: the staff file, provisioning from an identity provider (SCIM) and any other path that changes people
/// call <see cref="Plan"/> or, with one person's row, <see cref="PlanOne"/>.
/// </summary>
public static class StaffImportPlanner
{
    static readonly Messages L = new();

    /// <summary>Why an import leaves this person's account alone, in the reader's language.</summary>
    public static Message Reason(Privilege privilege) => privilege == Privilege.Admin
        ? L["esta persona es administradora: un administrador cambia su cuenta en su página"]
        : L["esta persona es de RR. HH.: un administrador cambia su cuenta en su página"];

    /// <param name="numbersInFile">Every employee number in the file, refused rows included: a person whose row has a
    /// typo is not "missing" from a full import, and must not be deactivated for it. Defaults to the rows' numbers.</param>
    public static StaffImportPlan Plan(IReadOnlyList<StaffRow> rows, IReadOnlyList<ExistingPerson> existing, bool fullImport,
        IReadOnlySet<string>? numbersInFile = null, UnknownManagers unknownManagers = UnknownManagers.Refuse)
    {
        var deferred = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<ImportProblem>();
        var notes = new List<ImportProblem>();
        var byNumber = existing.ToDictionary(p => p.EmployeeNumber, StringComparer.OrdinalIgnoreCase);
        var byEmail = existing.Where(p => p.Email.Length > 0).ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var listed = new HashSet<string>(numbersInFile ?? rows.Select(r => r.EmployeeNumber).ToHashSet(), StringComparer.OrdinalIgnoreCase);

        // A file may name managers by name ("Jefe inmediato"); one person at a time (provisioning, a sign-in) names them by
        // number, and a number not known yet is deferred, never guessed from a name.
        if (unknownManagers == UnknownManagers.Refuse)
        {
            var (resolved, ambiguous) = ManagerNames.Resolve(rows, existing, numbersInFile);
            rows = resolved;
            problems.AddRange(ambiguous);
        }

        // HR and admin people: their sign-in email and active flag stay as they are; the rest of the row may apply.
        var accepted = new List<StaffRow>(rows.Count);
        foreach (var given in rows)
        {
            // A row without email or phone leaves a known person's as they are: a file without those columns removes nobody's.
            var row = given;
            if (byNumber.TryGetValue(row.EmployeeNumber, out var known))
                row = row with { Email = row.Email.Length == 0 ? known.Email : row.Email, MobilePhone = row.MobilePhone ?? known.MobilePhone };
            if (byNumber.TryGetValue(row.EmployeeNumber, out var person) && person.Privilege != Privilege.None)
            {
                var refused = new List<StaffField>();
                if (!string.Equals(person.Email, row.Email, StringComparison.OrdinalIgnoreCase)) refused.Add(StaffField.Email);
                if (person.Active != row.Active) refused.Add(StaffField.Active);
                foreach (var field in refused)
                    problems.Add(new(row.Line, L["{0} ({1}): no se cambia «{2}», porque {3}. El resto de la fila sí se aplica.",
                        person.FullName, person.EmployeeNumber, StaffFile.FieldName(field), Reason(person.Privilege)], ProblemKind.Protected));
                if (refused.Count > 0)
                {
                    accepted.Add(row with { Email = person.Email, Active = person.Active });
                    continue;
                }
            }
            accepted.Add(row);
        }

        // Refusing one row can invalidate another (its person keeps the email another row takes, its reports lose their
        // manager), so the checks run again until a round refuses nothing.
        var inFile = accepted.ToDictionary(r => r.EmployeeNumber, StringComparer.OrdinalIgnoreCase);
        void Refuse(StaffRow row, Message why, ProblemKind kind)
        {
            problems.Add(new(row.Line, why, kind));
            accepted.Remove(row);
            inFile.Remove(row.EmployeeNumber);
        }
        // Managers must exist after the import: in the file (and applied) or already known and staying active.
        bool Known(string number) => inFile.ContainsKey(number)
            || (byNumber.TryGetValue(number, out var p) && p.Active && (!fullImport || p.Privilege != Privilege.None));
        string? ManagerOf(string number) => inFile.TryGetValue(number, out var r) ? r.ManagerNumber
            : byNumber.TryGetValue(number, out var p) ? p.ManagerNumber : null;
        bool refusedAny;
        do
        {
            refusedAny = false;
            // An email someone else has and keeps (their row is not in the file, or was refused): both cannot sign in with it.
            foreach (var row in accepted.ToList())
            {
                if (row.Email.Length > 0 && byEmail.TryGetValue(row.Email, out var owner) && !string.Equals(owner.EmployeeNumber, row.EmployeeNumber, StringComparison.OrdinalIgnoreCase)
                    && (!inFile.TryGetValue(owner.EmployeeNumber, out var ownerRow) || string.Equals(ownerRow.Email, row.Email, StringComparison.OrdinalIgnoreCase)))
                {
                    Refuse(row, L["El correo «{0}» ya es de {1} ({2}).", row.Email, owner.FullName, owner.EmployeeNumber], ProblemKind.EmailTaken);
                    refusedAny = true;
                }
            }

            foreach (var row in accepted.ToList())
            {
                if (row.ManagerNumber is { } manager && !Known(manager))
                {
                    if (unknownManagers == UnknownManagers.Defer)
                    {
                        var without = row with { ManagerNumber = null };
                        accepted[accepted.IndexOf(row)] = without;
                        inFile[row.EmployeeNumber] = without;
                        deferred[row.EmployeeNumber] = manager;
                        continue;
                    }
                    Refuse(row, L["El responsable «{0}» no está en el archivo ni entre las personas activas.", manager], ProblemKind.UnknownManager);
                    refusedAny = true;
                }
            }

            // Cycles in the resulting chain of managers (A reports to B, B to A…): every row in the loop is refused.
            var inCycle = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in accepted)
            {
                if (inCycle.Contains(row.EmployeeNumber)) continue;
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
            var looping = accepted.Where(r => inCycle.Contains(r.EmployeeNumber)).ToList();
            foreach (var row in looping)
            {
                var chain = new List<string> { row.EmployeeNumber };
                for (var at = ManagerOf(row.EmployeeNumber); at is not null && !string.Equals(at, row.EmployeeNumber, StringComparison.OrdinalIgnoreCase) && chain.Count < 20; at = ManagerOf(at))
                    chain.Add(at);
                problems.Add(new(row.Line, L["Los responsables forman un círculo: {0}. Revisa quién es el responsable de quién.", string.Join(" → ", chain.Append(row.EmployeeNumber))], ProblemKind.ManagerLoop));
            }
            foreach (var row in looping)
            {
                accepted.Remove(row);
                inFile.Remove(row.EmployeeNumber);
                refusedAny = true;
            }
        } while (refusedAny);

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
            foreach (var person in existing.Where(p => p.Active && !listed.Contains(p.EmployeeNumber)))
            {
                if (person.Privilege != Privilege.None)
                    notes.Add(new(0, L["{0} ({1}) no está en el archivo, pero no se da de baja: {2}.", person.FullName, person.EmployeeNumber, Reason(person.Privilege)]));
                else
                    changes.Add(new(ChangeAction.Deactivate, person.EmployeeNumber, person.FullName, 0, [StaffField.Active], null));
            }
        }
        var applied = accepted.Select(r => r.EmployeeNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new StaffImportPlan(changes, problems.OrderBy(p => p.Line).ToList(), unchanged, notes)
        {
            DeferredManagers = deferred.Where(d => applied.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>
    /// One person's row (a provisioning request, a sign-in that creates its person) through the same rules as a file.
    /// <paramref name="related"/> needs only the people the row touches: the person, whoever has the row's email, and the
    /// chain of managers above the row's manager (see <c>StaffImporter.RelatedAsync</c>).
    /// </summary>
    public static StaffImportPlan PlanOne(StaffRow row, IReadOnlyList<ExistingPerson> related, UnknownManagers unknownManagers = UnknownManagers.Defer) =>
        Plan([row], related, fullImport: false, unknownManagers: unknownManagers);

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
        Check(StaffField.MobilePhone, before.MobilePhone == row.MobilePhone);
        return fields;
    }
}
