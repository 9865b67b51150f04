using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Staff;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Web.Provisioning;

/// <summary>A person as <c>/scim/v2/Users</c> shows them: their record, their account, and how the provider knows them.</summary>
/// <remarks>Init properties, not a positional record: EF composes filters and paging over a member-init projection only.</remarks>
public sealed record ScimPerson
{
    public int EmployeeId { get; init; }
    /// <summary>The SCIM id: the person's account id.</summary>
    public string Id { get; init; } = "";
    public string EmployeeNumber { get; init; } = "";
    public string FullName { get; init; } = "";
    public string? Email { get; init; }
    public string JobTitle { get; init; } = "";
    public string? Department { get; init; }
    public string? Site { get; init; }
    public string? ManagerId { get; init; }
    public string? ManagerNumber { get; init; }
    public string? ManagerName { get; init; }
    public DateOnly HireDate { get; init; }
    public string Language { get; init; } = "es";
    public EmploymentType EmploymentType { get; init; }
    public bool Active { get; init; }
    public bool Linked { get; init; }
    public string? UserName { get; init; }
    public string? ExternalId { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? PendingManager { get; init; }
    public bool Deleted { get; init; }
    public DateTime? Created { get; init; }
    public DateTime? Updated { get; init; }
    /// <summary>HR or admin: an account only an admin changes, which SCIM neither shows nor changes.</summary>
    public Privilege Privilege { get; init; }

    /// <summary>What the provider sees as the person's state, to patch or compare with.</summary>
    public ScimUser ToUser() => new()
    {
        UserName = ScimUserName,
        ExternalId = ExternalId,
        DisplayName = FullName,
        GivenName = GivenName,
        FamilyName = FamilyName,
        Email = Email,
        Title = JobTitle,
        Language = Language,
        Active = Active,
        EmployeeNumber = EmployeeNumber,
        Department = Department,
        Manager = PendingManager ?? ManagerNumber,
        Site = Site,
        EmploymentType = EmploymentType.ToString(),
        HireDate = HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A person the provider has not sent yet answers to their sign-in email, as providers match people on first sync
    /// (or, without one, to their employee number). One expression, so the <c>userName eq</c> filter finds exactly the
    /// userName a resource shows.
    /// </summary>
    public static readonly Expression<Func<ScimPerson, string>> UserNameOf = p => p.UserName ?? (p.Email != null && p.Email != "" ? p.Email : p.EmployeeNumber);
    static readonly Func<ScimPerson, string> CompiledUserNameOf = UserNameOf.Compile();

    public string ScimUserName => CompiledUserNameOf(this);

    /// <summary><see cref="UserNameOf"/> equals <paramref name="userName"/> without case (SQL UPPER on both sides' behalf).</summary>
    public static Expression<Func<ScimPerson, bool>> UserNameIs(string userName)
    {
        // A captured value, not a constant: the database gets a parameter.
        var key = Expression.Field(Expression.Constant(new StrongBox<string>(userName.ToUpperInvariant())), nameof(StrongBox<string>.Value));
        var upper = Expression.Call(UserNameOf.Body, typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!);
        return Expression.Lambda<Func<ScimPerson, bool>>(Expression.Equal(upper, key), UserNameOf.Parameters);
    }
}

/// <summary>The outcome of a provisioning write: the person as they are now, and the status to answer.</summary>
public sealed record ScimResult(ScimPerson Person, int Status);

/// <summary>
/// Applies what the identity provider sends through the staff rules (<see cref="StaffImportPlanner.PlanOne"/>, then
/// <see cref="StaffImporter.WriteAsync"/>): the same checks as a staff file — unknown managers (deferred here, linked
/// when that person arrives), manager loops, emails someone else has, HR and admin accounts nobody but an admin
/// changes — the same onboarding, invitations and audit entries. A request the rules refuse changes nothing. Every
/// write is recorded, with its outcome, for HR's list.
/// </summary>
public sealed class ScimProvisioner(AppDbContext db, StaffImporter importer, OrganisationClock clock,
    Audit.AuditLog audit, InvitationSignal invitations)
{
    static readonly Messages L = new();
    /// <summary>An invitation or notice was queued by the attempt that committed: the sender is woken after the commit.</summary>
    bool _queued;

    /// <summary>Everyone as SCIM shows them (deleted resources included: callers filter them).</summary>
    public IQueryable<ScimPerson> People() =>
        from e in db.Employees.AsNoTracking()
        join u in db.Users on e.UserId equals u.Id
        from l in db.ScimLinks.Where(l => l.EmployeeId == e.Id).DefaultIfEmpty()
        select new ScimPerson
        {
            EmployeeId = e.Id, Id = e.UserId, EmployeeNumber = e.EmployeeNumber, FullName = e.FullName, Email = u.Email, JobTitle = e.JobTitle,
            Department = e.Department!.Name, Site = e.Site!.Name, ManagerId = e.Manager!.UserId, ManagerNumber = e.Manager.EmployeeNumber,
            ManagerName = e.Manager.FullName, HireDate = e.HireDate, Language = e.Language, EmploymentType = e.EmploymentType, Active = e.IsActive,
            Linked = l != null, UserName = l == null ? null : l.UserName, ExternalId = l == null ? null : l.ExternalId,
            GivenName = l == null ? null : l.GivenName, FamilyName = l == null ? null : l.FamilyName,
            PendingManager = l == null ? null : l.PendingManager, Deleted = l != null && l.Deleted,
            Created = l == null ? null : l.CreatedAt, Updated = l == null ? null : l.UpdatedAt,
            Privilege = db.UserRoles.Any(r => r.UserId == e.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Admin)) ? Privilege.Admin
                : db.UserRoles.Any(r => r.UserId == e.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.HR)) ? Privilege.Hr
                : Privilege.None,
        };

    /// <summary>
    /// The people the provider sees: not deleted, and not HR or admin. Those accounts are the site's break-glass ones
    /// (they keep a password under SSO only, and only an admin changes them), so a provisioning token neither lists
    /// them nor reads, changes or deletes them.
    /// </summary>
    public IQueryable<ScimPerson> Visible() => People().Where(p => !p.Deleted && p.Privilege == Privilege.None);

    public async Task<ScimPerson?> FindAsync(string id, CancellationToken ct) =>
        await Visible().Where(p => p.Id == id).FirstOrDefaultAsync(ct);

    /// <summary>POST: a new person — or one already on file (from a staff file) whom the provider sends for the first time.</summary>
    public Task<ScimResult> CreateAsync(ScimUser user, string token, CancellationToken ct)
    {
        var number = NumberOf(user);
        var upper = number.ToUpperInvariant();
        return AttemptAsync(async () =>
        {
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(...)
            await LockAsync(db.Employees.Where(e => e.EmployeeNumber.ToUpper() == upper));
            var existing = await People().Where(p => p.EmployeeNumber.ToUpper() == upper).FirstOrDefaultAsync(None);
#pragma warning restore CA1304, CA1311, CA1862
            if (existing is { Privilege: not Privilege.None } kept) throw ProtectedAccount(kept.FullName, kept.Privilege);
            if (existing is { Linked: true, Deleted: false })
                throw new ScimException(409, "uniqueness", L["El número de empleado «{0}» ya es de otro usuario aprovisionado ({1}).", number, existing.ScimUserName]);
            return await SaveAsync(existing, user, HttpMethods.Post, token, deleting: false);
        }, ct);
    }

    /// <summary>
    /// PUT, PATCH and DELETE (<paramref name="deleting"/>: deactivated, and no longer a SCIM user): <paramref name="change"/>
    /// works out the new state from the person as they are once nobody else is writing them — so a change another
    /// request made meanwhile is kept, not overwritten. Null when the user is not there (any more).
    /// </summary>
    public Task<ScimResult?> UpdateAsync(string id, Func<ScimPerson, ScimUser> change, string method, string token, bool deleting, CancellationToken ct) =>
        AttemptAsync(async () =>
        {
            await LockAsync(db.Employees.Where(e => e.UserId == id));
            var person = await FindAsync(id, None);
            if (person is null) return null;
            var user = change(person);
            if (user.EmployeeNumber is { } number && !string.Equals(number.Trim(), person.EmployeeNumber, StringComparison.OrdinalIgnoreCase))
                throw new ScimException(400, "mutability", L["El número de empleado no se puede cambiar (es «{0}»).", person.EmployeeNumber]);
            user.EmployeeNumber = person.EmployeeNumber;
            return (ScimResult?)await SaveAsync(person, user, method, token, deleting);
        }, ct);

    /// <summary>Once writing, a dropped connection must not leave half a change: the writes do not take the request's token.</summary>
    static CancellationToken None => CancellationToken.None;

    /// <summary>
    /// One request's reads and writes in one transaction, whole or not at all, and one such transaction at a time
    /// (<see cref="LockAsync"/>): a provider's workers sending the same person twice, or a PATCH and a DELETE of them,
    /// are answered one after the other, each seeing what the one before wrote. Should a write still meet another's at a
    /// unique index or a row (the staff import, HR's pages), it is rolled back and tried once more, when it sees the
    /// other's rows and the rules answer it as they would have (a 409, or the change applied on top); a second collision
    /// is a 409 the provider retries.
    /// </summary>
    async Task<T> AttemptAsync<T>(Func<Task<T>> attempt, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        for (var round = 1; ; round++)
        {
            _queued = false;
            try
            {
                T result;
                await using (var transaction = await db.Database.BeginTransactionAsync(None))
                {
                    result = await attempt();
                    await transaction.CommitAsync(None);
                }
                if (_queued) invitations.Wake();
                return result;
            }
            catch (Exception ex) when (ScimConflicts.Of(ex) is { } conflict)
            {
                db.ChangeTracker.Clear();
                if (round < 2) continue;
                throw conflict == ScimConflict.Uniqueness
                    ? new ScimException(409, "uniqueness", L["Otra petición ha creado a la vez a esta persona o un dato que debe ser único (userName, correo, número de empleado)."])
                    : new ScimException(409, null, L["Otra petición ha cambiado a esta persona a la vez; vuelve a enviar la petición."]);
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    /// <summary>"SPSCIMWR" in ASCII: the advisory lock SCIM writes take one after another on PostgreSQL.</summary>
    const long WriteLockKey = 0x5350_5343_494D_5752;

    /// <summary>
    /// Waits until no other SCIM write is under way — on SQLite the transaction already holds the database's only write
    /// lock; on PostgreSQL, a transaction-scoped advisory lock — then holds the row of the person the request is about
    /// (an update of a column to itself), so nothing else writes them until this request commits. The reads that follow
    /// see everything committed before.
    /// </summary>
    async Task LockAsync(IQueryable<Staff.Employee> person)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", None);
        await person.ExecuteUpdateAsync(s => s.SetProperty(e => e.FullName, e => e.FullName), None);
    }

    /// <summary>A refused request, for HR's list: the transaction of the change rolled back, this is saved on its own.</summary>
    public async Task RecordRefusalAsync(string method, string subject, int? employeeId, ScimException refusal, string token, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.ScimChanges.Add(new ScimChange
        {
            At = clock.UtcNow, Method = method, Operation = ScimOperation.Unchanged, Status = refusal.Status, EmployeeId = employeeId,
            Subject = Cut(subject, 300)!, Detail = ScimMessages.Store(refusal.Detail), TokenName = token,
        });
        await db.SaveChangesAsync(ct);
    }

    static string NumberOf(ScimUser user)
    {
        var number = (user.EmployeeNumber ?? user.ExternalId)?.Trim();
        if (string.IsNullOrEmpty(number))
            throw new ScimException(400, "invalidValue", L["Falta el número de empleado: envía «employeeNumber» (extensión de empresa) o «externalId»."]);
        return number;
    }

    /// <summary>Writes the provider's view of the person through the staff rules, in the caller's transaction.</summary>
    async Task<ScimResult> SaveAsync(ScimPerson? before, ScimUser user, string method, string token, bool deleting)
    {
        var ct = None;
        if (string.IsNullOrWhiteSpace(user.UserName))
            throw new ScimException(400, "invalidValue", L["Falta «userName»."]);
        var userName = user.UserName.Trim();
        if (userName.Length > 256 || !SingleLineText.IsSafe(userName))
            throw new ScimException(400, "invalidValue", L["«userName» tiene más de 256 caracteres o un carácter de control."]);
        if (user.ExternalId is { Length: > 200 })
            throw new ScimException(400, "invalidValue", L["«externalId» tiene más de 200 caracteres."]);
        var number = before?.EmployeeNumber ?? NumberOf(user);
        var key = userName.ToUpperInvariant();
        var selfId = before?.EmployeeId ?? 0;
        if (await db.ScimLinks.AnyAsync(l => l.UserNameKey == key && l.EmployeeId != selfId, ct))
            throw new ScimException(409, "uniqueness", L["El userName «{0}» ya es de otro usuario.", userName]);
        if (deleting) user.Active = false;

        var (managerNumber, reference) = await ManagerAsync(user.Manager, ct);
        var row = Row(before, user, number, managerNumber);

        var related = await importer.RelatedAsync(row, ct);
        var plan = StaffImportPlanner.PlanOne(row, related);
        if (plan.Problems.Count > 0) throw Refusal(plan.Problems, related, row.EmployeeNumber);
        var written = await importer.WriteAsync(plan, ct, source: RoleChanges.RoleChangeSource.Scim);
        var employeeId = await IdOfAsync(number, ct);

        var link = await db.ScimLinks.FindAsync([employeeId], ct);
        var now = clock.UtcNow;
        if (link is null) db.ScimLinks.Add(link = new ScimLink { EmployeeId = employeeId, CreatedAt = now });
        link.UserName = userName;
        link.UserNameKey = deleting ? "#" + employeeId.ToString(CultureInfo.InvariantCulture) : key; // a deleted user gives their name up
        link.ExternalId = string.IsNullOrWhiteSpace(user.ExternalId) ? null : user.ExternalId.Trim();
        link.GivenName = Cut(user.GivenName?.Trim(), 200);
        link.FamilyName = Cut(user.FamilyName?.Trim(), 200);
        link.PendingManager = plan.DeferredManagers.ContainsKey(row.EmployeeNumber) ? Cut(reference, 200) : null;
        link.Deleted = deleting;
        link.UpdatedAt = now;

        var operation = deleting ? ScimOperation.Delete
            : plan.Creates > 0 ? ScimOperation.Create
            : plan.Changes.Count == 0 ? (before is { Linked: true } ? ScimOperation.Unchanged : ScimOperation.Update)
            : before is { Active: true } && !row.Active ? ScimOperation.Deactivate
            : before is { Active: false } && row.Active ? ScimOperation.Reactivate
            : ScimOperation.Update;
        var subject = Audit.AuditLog.Person(row.FullName, row.EmployeeNumber);
        var status = method == HttpMethods.Post ? StatusCodes.Status201Created : deleting ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
        db.ScimChanges.Add(new ScimChange
        {
            At = now, Method = method, Operation = operation, Status = status, EmployeeId = employeeId, Subject = Cut(subject, 300)!,
            Detail = link.PendingManager is { } pending ? ScimMessages.Store(L["El responsable «{0}» aún no ha llegado; se enlazará cuando llegue.", pending]) : null,
            TokenName = token,
        });
        audit.Add(Audit.AuditActions.ProvisioningApplied, employeeId, subject, new Dictionary<string, object?>
        {
            ["operation"] = operation.ToString(), ["fields"] = string.Join(", ", plan.Changes.SelectMany(c => c.Fields).Select(f => f.ToString())),
        });
        await db.SaveChangesAsync(ct);

        await LinkWaitingReportsAsync(employeeId, token, ct);
        _queued |= written.Invited + written.Notified > 0;
        var after = await People().SingleAsync(p => p.EmployeeId == employeeId, ct);
        return new ScimResult(after, method == HttpMethods.Post ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// A request is applied whole or not at all: an email someone else has is a 409; an HR or admin account's email or
    /// active flag (which a file may skip while applying the rest of its row) refuses the request, since a provider
    /// would otherwise keep sending what it believes it set.
    /// </summary>
    /// <remarks>The status follows the problem's <see cref="ProblemKind"/>: rewording a planner message changes no answer.</remarks>
    internal static ScimException Refusal(IReadOnlyList<ImportProblem> problems, IReadOnlyList<ExistingPerson> related, string number)
    {
        if (problems.FirstOrDefault(p => p.Kind == ProblemKind.EmailTaken) is { } taken)
            return new ScimException(409, "uniqueness", taken.Message);
        if (problems.FirstOrDefault(p => p.Kind == ProblemKind.Protected) is { } kept)
            return related.FirstOrDefault(p => string.Equals(p.EmployeeNumber, number, StringComparison.OrdinalIgnoreCase)) is { Privilege: not Privilege.None } person
                ? ProtectedAccount(person.FullName, person.Privilege)
                : new ScimException(403, "mutability", kept.Message);
        return new ScimException(400, "invalidValue", Joined(problems));
    }

    static ScimException ProtectedAccount(string name, Privilege privilege) =>
        new(403, "mutability", L["No se ha cambiado nada: {0} es una cuenta protegida ({1}).", name, StaffImportPlanner.Reason(privilege)]);

    /// <summary>The first problem: one at a time is what a provider's log shows well, and fixing it shows the next.</summary>
    static Message Joined(IReadOnlyList<ImportProblem> problems) => problems[0].Message;

    /// <summary>
    /// The manager a reference names — their SCIM id, employee number or externalId — as an employee number; a reference
    /// nobody matches is passed on as it is, and the planner defers it.
    /// </summary>
    async Task<(string? Number, string? Reference)> ManagerAsync(string? reference, CancellationToken ct)
    {
        reference = reference?.Trim();
        if (string.IsNullOrEmpty(reference)) return (null, null);
        var number = await db.Employees.AsNoTracking().Where(e => e.UserId == reference).Select(e => e.EmployeeNumber).FirstOrDefaultAsync(ct)
            ?? await db.Employees.AsNoTracking().WithEmployeeNumber(reference).Select(e => e.EmployeeNumber).FirstOrDefaultAsync(ct)
            ?? await db.ScimLinks.AsNoTracking().Where(l => l.ExternalId == reference && !l.Deleted).Select(l => l.Employee!.EmployeeNumber).FirstOrDefaultAsync(ct);
        return (number ?? reference, reference);
    }

    async Task<int> IdOfAsync(string number, CancellationToken ct) =>
        await db.Employees.AsNoTracking().WithEmployeeNumber(number).Select(e => e.Id).FirstAsync(ct);

    /// <summary>The staff row the provider's view of the person makes, checked as a file's row is.</summary>
    StaffRow Row(ScimPerson? before, ScimUser user, string number, string? managerNumber)
    {
        var email = user.Email?.Trim();
        if (string.IsNullOrEmpty(email) && user.UserName is { } name && StaffFile.IsEmail(name.Trim())) email = name.Trim();
        var language = user.Language?.Trim().ToLowerInvariant() switch
        {
            { } l when l.StartsWith("en", StringComparison.Ordinal) => "en",
            { } l when l.StartsWith("es", StringComparison.Ordinal) => "es",
            _ => before?.Language ?? "es",
        };
        var values = new Dictionary<StaffField, string>
        {
            [StaffField.EmployeeNumber] = number,
            [StaffField.FullName] = user.FullName,
            [StaffField.Email] = email ?? "",
            [StaffField.JobTitle] = user.Title?.Trim() ?? "",
            [StaffField.Department] = user.Department?.Trim() ?? "",
            [StaffField.Site] = user.Site?.Trim() ?? "",
            [StaffField.ManagerNumber] = managerNumber ?? "",
            [StaffField.HireDate] = user.HireDate?.Trim() is { Length: > 0 } hire ? hire
                : (before?.HireDate ?? clock.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [StaffField.Language] = language,
            [StaffField.EmploymentType] = user.EmploymentType?.Trim() ?? "",
            [StaffField.Active] = user.Active ? "true" : "false",
        };
        var (row, problems) = StaffFile.ReadOne(values);
        if (row is null)
            throw new ScimException(400, "invalidValue", problems.Count == 1 ? problems[0].Message : Joined(problems));
        return row;
    }

    /// <summary>
    /// People who named this person as their manager before they arrived: linked now, through the same rules (a loop
    /// still refuses it, and the reference stays waiting).
    /// </summary>
    async Task LinkWaitingReportsAsync(int employeeId, string token, CancellationToken ct)
    {
        var me = await People().SingleAsync(p => p.EmployeeId == employeeId, ct);
        if (!me.Active) return;
        var keys = new[] { me.Id, me.EmployeeNumber, me.ExternalId, me.UserName }.OfType<string>().Distinct().ToList();
        var waiting = await db.ScimLinks.AsNoTracking().Where(l => !l.Deleted && l.PendingManager != null && keys.Contains(l.PendingManager))
            .Select(l => l.EmployeeId).ToListAsync(ct);
        foreach (var reportId in waiting)
        {
            var report = await People().SingleAsync(p => p.EmployeeId == reportId, ct);
            var user = report.ToUser();
            var row = Row(report, user, report.EmployeeNumber, me.EmployeeNumber);
            var plan = StaffImportPlanner.PlanOne(row, await importer.RelatedAsync(row, ct));
            var subject = Audit.AuditLog.Person(report.FullName, report.EmployeeNumber);
            if (plan.Problems.Count > 0 || plan.DeferredManagers.Count > 0)
            {
                db.ScimChanges.Add(new ScimChange
                {
                    At = clock.UtcNow, Method = "", Operation = ScimOperation.Unchanged, Status = 409, EmployeeId = reportId, Subject = Cut(subject, 300)!,
                    Detail = plan.Problems.Count > 0 ? ScimMessages.Store(plan.Problems[0].Message) : null, TokenName = token,
                });
                await db.SaveChangesAsync(ct);
                continue;
            }
            await importer.WriteAsync(plan, ct, source: RoleChanges.RoleChangeSource.Scim);
            var link = await db.ScimLinks.SingleAsync(l => l.EmployeeId == reportId, ct);
            link.PendingManager = null;
            link.UpdatedAt = clock.UtcNow;
            db.ScimChanges.Add(new ScimChange
            {
                At = clock.UtcNow, Method = "", Operation = ScimOperation.ManagerLinked, Status = 200, EmployeeId = reportId, Subject = Cut(subject, 300)!,
                Detail = ScimMessages.Store(L["Responsable enlazado: {0}.", Audit.AuditLog.Person(me.FullName, me.EmployeeNumber)]), TokenName = token,
            });
            audit.Add(Audit.AuditActions.ProvisioningApplied, reportId, subject, new Dictionary<string, object?>
            {
                ["operation"] = ScimOperation.ManagerLinked.ToString(), ["fields"] = StaffField.ManagerNumber.ToString(),
            });
            await db.SaveChangesAsync(ct);
        }
    }

    static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    /// <summary>The user name a request is about, for the list when it is refused before a person is known.</summary>
    public static string SubjectOf(ScimUser? user, ScimPerson? person) =>
        person is not null ? Audit.AuditLog.Person(person.FullName, person.EmployeeNumber) : user?.UserName ?? "—";
}
