using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Staff.Import;

/// <summary>What a dry run found, or an apply did.</summary>
/// <param name="Notified">Notices queued to old addresses, one for each sign-in email the import changed.</param>
public sealed record StaffImportResult(StaffFileContent File, StaffImportPlan? Plan, bool Applied, int Invited, int Notified = 0)
{
    /// <summary>A dry run: how many people its changes of job title or site would ask to write their reflections again.</summary>
    public int Recontextualising { get; init; }

    /// <summary>Every problem, the file's and the plan's, in line order.</summary>
    public IReadOnlyList<ImportProblem> Problems => File.Problems.Concat(Plan?.Problems ?? []).OrderBy(p => p.Line).ToList();
}

/// <summary>
/// Runs a staff file against the database: a dry run says what would change; applying makes every valid change
/// in one transaction — all or none — and queues an invitation for each new person, which
/// <see cref="InvitationSender"/> sends afterwards (in the background for the page, at the end for the command), so
/// a file of 100,000 new people does not hold the request for 100,000 emails. Nobody's password is set here: new
/// people get a set-password link that expires. Deactivated people cannot sign in, leave the due lists, and keep
/// their records and certificates.
/// </summary>
/// <remarks>
/// Built for 100,000 rows (see docs/benchmarks.md): new people — their Identity users exactly as
/// <see cref="UserManager{TUser}.CreateAsync(TUser)"/> would write them, their roles, their employee rows and their
/// onboarding assignments — are written with multi-row statements (<see cref="BulkWriter"/>); only the people who
/// change are loaded and tracked.
/// </remarks>
public sealed class StaffImporter(
    AppDbContext db, UserManager<AppUser> users, Onboarding onboarding, OrganisationClock clock, IOptions<LearningOptions> learning,
    InvitationSignal invitationSignal, StaffMappings mappings, Audit.AuditLog audit, ILogger<StaffImporter> logger,
    RoleChanges.RoleChangeRecorder roleChanges)
{
    /// <summary>People loaded and saved at once when updating or deactivating.</summary>
    const int UpdateBatch = 1_000;

    public async Task<StaffImportResult> DryRunAsync(byte[] bytes, bool fullImport, IReadOnlyDictionary<string, StaffField>? mapping = null, CancellationToken ct = default)
    {
        var file = StaffFile.Read(bytes, mapping ?? await SavedMappingAsync(ct), clock.Today);
        if (file.Unreadable) return new(file, null, false, 0);
        var plan = StaffImportPlanner.Plan(file.Rows, await ExistingAsync(null, ct), fullImport, file.Numbers);
        return new(file, plan, false, 0) { Recontextualising = await RecontextualisingAsync(plan, ct) };
    }

    /// <summary>How many people the plan's changes of job title or site would ask to write their reflections again.</summary>
    async Task<int> RecontextualisingAsync(StaffImportPlan plan, CancellationToken ct)
    {
        var moving = plan.Changes.Where(c => c.Action == ChangeAction.Update && c.Row is not null
            && (c.Fields.Contains(StaffField.JobTitle) || c.Fields.Contains(StaffField.Site))).ToList();
        if (moving.Count == 0) return 0;
        var ids = await IdsAsync(plan, ct);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Name, s => (int?)s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var moves = new List<RoleChanges.JobMove>();
        foreach (var chunk in moving.Chunk(UpdateBatch))
        {
            var personIds = chunk.Select(c => ids[c.EmployeeNumber]).ToList();
            var before = await db.Employees.AsNoTracking().Where(e => personIds.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => new RoleChanges.JobPlace(e.JobTitle, e.SiteId), ct);
            // A site the file names for the first time has no id yet: any id no site has stands for it.
            moves.AddRange(chunk.Select(c => new RoleChanges.JobMove(ids[c.EmployeeNumber], before[ids[c.EmployeeNumber]],
                new RoleChanges.JobPlace(c.Row!.JobTitle, c.Row.Site is { } site ? sites.GetValueOrDefault(site, -1) : null))));
        }
        return await roleChanges.CountAsync(moves, ct);
    }

    /// <summary>
    /// Applies every valid change of the file at once. Problem rows are left out (the dry run listed them).
    /// <see cref="StaffImportResult.Invited"/> counts the invitations queued; they are sent once the import is committed.
    /// </summary>
    /// <param name="invite">False for people who sign in through the company's provider (created just in time at their
    /// first sign-in): they have no password to choose.</param>
    public async Task<StaffImportResult> ApplyAsync(byte[] bytes, bool fullImport, IReadOnlyDictionary<string, StaffField>? mapping = null,
        bool invite = true, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var file = StaffFile.Read(bytes, mapping ?? await SavedMappingAsync(ct), clock.Today);
        if (file.Unreadable) return new(file, null, false, 0);

        StaffImportPlan plan;
        int invited, notified;
        // Not cancellable once started: a closed tab must not leave half an import.
        var none = CancellationToken.None;
        await using (var transaction = await db.Database.BeginTransactionAsync(none))
        await using (await SqliteCacheAsync(none))
        {
            plan = StaffImportPlanner.Plan(file.Rows, await ExistingAsync(null, none), fullImport, file.Numbers);
            var planned = started.Elapsed;
            (invited, notified) = await WriteAsync(plan, none, invite);
            // The import itself, in the same transaction as what it changed: which file (its SHA-256), and the counts.
            await audit.RecordAsync(Audit.AuditActions.StaffImportApplied, details: new Dictionary<string, object?>
            {
                ["file"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                ["full"] = fullImport,
                ["created"] = plan.Creates, ["updated"] = plan.Updates, ["deactivated"] = plan.Deactivations,
                ["refused"] = file.Problems.Count + plan.Problems.Count,
            }, ct: none);
            await transaction.CommitAsync(none);
            logger.LogInformation("Staff import applied in {Seconds:0.0} s (planned in {Planned:0.0} s): {Creates} created, {Updates} updated, {Deactivations} deactivated, {Problems} rows refused, {Invited} invitations and {Notified} email-change notices queued",
                started.Elapsed.TotalSeconds, planned.TotalSeconds, plan.Creates, plan.Updates, plan.Deactivations, file.Problems.Count + plan.Problems.Count, invited, notified);
        }
        if (invited + notified > 0) invitationSignal.Wake();
        return new(file, plan, true, invited, notified);
    }

    /// <summary>What an applied plan queued: invitations for new people, notices to old addresses.</summary>
    public sealed record Written(int Invited, int Notified);

    /// <summary>
    /// Writes a checked plan (<see cref="StaffImportPlanner"/>'s) in the caller's transaction: new people with their
    /// accounts, roles, onboarding assignment and an invitation each; changes and deactivations with their audit entries;
    /// the manager role for whoever now has reports. The staff file and provisioning (SCIM) both write through here.
    /// Wake the <see cref="InvitationSignal"/> after committing when something was queued.
    /// </summary>
    /// <param name="invite">False for people who sign in through the company's provider (created just in time at their
    /// first sign-in): they have no password to choose.</param>
    /// <param name="source">Who changed people's jobs, for the re-contextualisation it may ask for (<see cref="RoleChanges.RoleChangeRecorder"/>).</param>
    public async Task<Written> WriteAsync(StaffImportPlan plan, CancellationToken ct, bool invite = true,
        RoleChanges.RoleChangeSource source = RoleChanges.RoleChangeSource.StaffImport)
    {
        if (plan.Changes.Count == 0) return new(0, 0);
        var rows = plan.Changes.Where(c => c.Row is not null).Select(c => c.Row!).ToList();
        var (departments, sites) = await PlacesAsync(rows, ct);
        var ids = await IdsAsync(plan, ct);

        var created = await CreateAsync(plan.Changes.Where(c => c.Action == ChangeAction.Create).Select(c => c.Row!).ToList(), ids, departments, sites, ct);
        int notified;
        var moves = new List<RoleChanges.JobMove>();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            notified = await UpdateAsync(plan.Changes.Where(c => c.Action != ChangeAction.Create).ToList(), ids, departments, sites, moves, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        // In the caller's transaction, like the changes themselves: a new job and its request for new reflections, or neither.
        await roleChanges.RecordAsync(moves, source, ct);
        await GrantManagerRoleAsync(created.Select(c => c.User.Id).ToHashSet(), ct);
        await OnboardAsync(created.Select(c => c.Person).Where(p => p.IsActive).ToList(), ct);
        // Anyone else now active with nothing assigned (someone re-activated): the usual path.
        await onboarding.AssignCurrentEditionAsync(ct);
        var invited = invite ? await QueueInvitationsAsync(created, ct) : 0;
        return new(invited, notified);
    }

    /// <summary>
    /// Employee number → id of everyone the plan names (its people and their managers), case-insensitively like the
    /// planner: everyone on file for a large plan, only those for a few changes (a provisioning request).
    /// </summary>
    async Task<Dictionary<string, int>> IdsAsync(StaffImportPlan plan, CancellationToken ct)
    {
        var all = db.Employees.AsNoTracking();
        if (plan.Changes.Count <= 100)
        {
            var named = plan.Changes.Select(c => c.EmployeeNumber).Concat(plan.Changes.Select(c => c.Row?.ManagerNumber).OfType<string>())
                .Select(n => n.ToUpperInvariant()).Distinct().ToList();
            // Translated to SQL UPPER(...): the culture overloads CA1304/CA1311 ask for do not translate.
#pragma warning disable CA1304, CA1311, CA1862
            all = all.Where(e => named.Contains(e.EmployeeNumber.ToUpper()));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return await all.Select(e => new { e.EmployeeNumber, e.Id })
            .ToDictionaryAsync(e => e.EmployeeNumber, e => e.Id, StringComparer.OrdinalIgnoreCase, ct);
    }

    /// <summary>The organisation's saved column mapping, which every upload and command run uses unless given another.</summary>
    async Task<IReadOnlyDictionary<string, StaffField>?> SavedMappingAsync(CancellationToken ct) => (await mappings.GetAsync(ct))?.ForReader();

    /// <summary>
    /// SQLite's page cache is 2 MB by default: inserting 100,000 people into tables with several indexes (random
    /// GUID keys among them) would read and write the same pages over and over. A larger cache for this connection
    /// while the import runs makes the bulk inserts several times faster; it is put back afterwards.
    /// </summary>
    async Task<IAsyncDisposable> SqliteCacheAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return new Restore(null);
        var before = await db.Database.SqlQueryRaw<long>("PRAGMA cache_size").ToListAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct); // 256 MB, allocated only as used
        var restore = "PRAGMA cache_size = " + before.Single().ToString(System.Globalization.CultureInfo.InvariantCulture); // a number we read
        return new Restore(async () => await db.Database.ExecuteSqlRawAsync(restore));
    }

    sealed class Restore(Func<Task>? restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (restore is not null) await restore();
        }
    }

    /// <summary>The departments and sites the rows name, created when new.</summary>
    async Task<(Dictionary<string, int> Departments, Dictionary<string, int> Sites)> PlacesAsync(IReadOnlyList<StaffRow> rows, CancellationToken ct)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, ct);
        var sites = await db.Sites.ToDictionaryAsync(s => s.Name, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var name in rows.Select(r => r.Department).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            if (!departments.ContainsKey(name)) db.Departments.Add(departments[name] = new Department { Name = name });
        foreach (var name in rows.Select(r => r.Site).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            if (!sites.ContainsKey(name)) db.Sites.Add(sites[name] = new Site { Name = name });
        await db.SaveChangesAsync(ct);
        return (departments.ToDictionary(d => d.Key, d => d.Value.Id, StringComparer.OrdinalIgnoreCase),
            sites.ToDictionary(s => s.Key, s => s.Value.Id, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>New people: an Identity user each (as UserManager.CreateAsync writes it), the Employee role, the employee row.</summary>
    async Task<List<(Employee Person, AppUser User)>> CreateAsync(IReadOnlyList<StaffRow> rows, Dictionary<string, int> ids,
        IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> sites, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var employeeRole = await db.Roles.Where(r => r.Name == Roles.Employee).Select(r => r.Id).SingleAsync(ct);
        var accounts = new List<AppUser>(rows.Count);
        var people = new List<Employee>(rows.Count);
        foreach (var row in rows)
        {
            var user = NewUser(row.Email);
            accounts.Add(user);
            var person = new Employee { UserId = user.Id, EmployeeNumber = row.EmployeeNumber };
            Copy(row, person, departments, sites);
            // A manager already on file is known now; one also new in this file once everyone is written.
            person.ManagerId = row.ManagerNumber is { } m && ids.TryGetValue(m, out var managerId) ? managerId : null;
            people.Add(person);
        }
        var lastBefore = await db.Employees.MaxAsync(e => (int?)e.Id, ct) ?? 0;
        // In key order: the random GUID keys then append to their B-trees instead of landing all over them.
        var byKey = accounts.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
        await db.BulkInsertAsync(byKey, ct);
        await db.BulkInsertAsync(byKey.Select(u => new IdentityUserRole<string> { UserId = u.Id, RoleId = employeeRole }).ToList(), ct);
        await db.BulkInsertAsync(people, ct);

        var numbers = people.Select(p => p.EmployeeNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var written in await db.Employees.AsNoTracking().Where(e => e.Id > lastBefore).Select(e => new { e.EmployeeNumber, e.Id }).ToListAsync(ct))
            if (numbers.Contains(written.EmployeeNumber)) ids[written.EmployeeNumber] = written.Id;
        foreach (var person in people) person.Id = ids[person.EmployeeNumber];

        var managers = rows.Zip(people)
            .Where(x => x.First.ManagerNumber is not null && x.Second.ManagerId is null)
            .Select(x => (x.Second.Id, (int?)ids[x.First.ManagerNumber!])).ToList();
        await db.BulkSetAsync<Employee, int?>(nameof(Employee.ManagerId), managers, ct);
        foreach (var (person, manager) in people.Zip(rows.Select(r => r.ManagerNumber)))
            if (manager is not null) person.ManagerId = ids[manager];
        return people.Zip(accounts).ToList();
    }

    /// <summary>
    /// A new Identity user exactly as <see cref="UserManager{TUser}.CreateAsync(TUser)"/> leaves one with no password:
    /// user name and email normalised, a fresh security stamp (random, in Identity's base-32 form) and concurrency
    /// stamp, lockout enabled for new users as configured. Uniqueness is the planner's (no two people share an email).
    /// A person without email gets no address and their account's own id as user name (they sign in with their employee number).
    /// </summary>
    AppUser NewUser(string email)
    {
        var user = new AppUser
        {
            SecurityStamp = NewSecurityStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = users.SupportsUserLockout && users.Options.Lockout.AllowedForNewUsers,
        };
        user.Email = email.Length > 0 ? email : null;
        user.UserName = email.Length > 0 ? email : OptionalEmailUserValidator.UserNameWithoutEmail(user);
        user.NormalizedEmail = user.Email is null ? null : users.NormalizeEmail(email);
        user.NormalizedUserName = users.NormalizeName(user.UserName);
        return user;
    }

    /// <summary>As Identity makes them: 20 random bytes in base 32.</summary>
    internal static string NewSecurityStamp()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(20);
        var text = new System.Text.StringBuilder(32);
        for (var bit = 0; bit < bytes.Length * 8; bit += 5)
        {
            var value = 0;
            for (var i = 0; i < 5; i++)
            {
                var at = bit + i;
                value = (value << 1) | (at < bytes.Length * 8 ? (bytes[at / 8] >> (7 - at % 8)) & 1 : 0);
            }
            text.Append(alphabet[value]);
        }
        return text.ToString();
    }

    /// <summary>
    /// People already on file whose details change or who leave: loaded, changed and saved a batch at a time. A changed
    /// sign-in email, and a deactivation, give the account a new security stamp (ending its sessions) — bulk writes pass
    /// by UserManager, so it is set here — and each changed email queues a notice to the old address.
    /// </summary>
    /// <remarks>
    /// Emails move in two steps: first every account whose email changes is given a placeholder user name (its own id,
    /// which no address can equal), then each takes its new address. So a file that swaps two people's emails never
    /// has two accounts with one address in between, on any database and across batches.
    /// </remarks>
    /// <returns>How many notices were queued.</returns>
    async Task<int> UpdateAsync(IReadOnlyList<PlannedChange> changes, IReadOnlyDictionary<string, int> ids,
        IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> sites, List<RoleChanges.JobMove> moves, CancellationToken ct)
    {
        var moving = changes.Where(c => c.Row is not null && c.Fields.Contains(StaffField.Email)).Select(c => ids[c.EmployeeNumber]).ToList();
        foreach (var chunk in moving.Chunk(UpdateBatch))
        {
            await db.Users.Where(u => db.Employees.Any(e => chunk.Contains(e.Id) && e.UserId == u.Id))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.NormalizedUserName, x => "#" + x.Id)
                    .SetProperty(x => x.NormalizedEmail, x => "#" + x.Id), ct);
        }

        var notices = new List<Invitation>();
        var now = clock.UtcNow;
        foreach (var batch in changes.Chunk(UpdateBatch))
        {
            // By id, from the case-insensitive map: the file may spell a number in another case than the one stored
            // (the planner matches them so), and a plain SQL comparison would not find that person.
            var personIds = batch.Select(c => ids[c.EmployeeNumber]).ToList();
            var people = await db.Employees.Where(e => personIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
            var userIds = people.Values.Select(p => p.UserId).ToList();
            var accounts = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            foreach (var change in batch)
            {
                var person = people[ids[change.EmployeeNumber]];
                var account = accounts[person.UserId];
                var wasActive = person.IsActive;
                var subject = Audit.AuditLog.Person(person.FullName, person.EmployeeNumber);
                if (change.Row is not { } row)
                {
                    person.IsActive = false;
                    if (wasActive)
                    {
                        EndSessions(account);
                        audit.Add(Audit.AuditActions.Deactivated, person.Id, subject, new Dictionary<string, object?> { ["missing"] = true });
                    }
                    continue;
                }
                var before = new RoleChanges.JobPlace(person.JobTitle, person.SiteId);
                Copy(row, person, departments, sites);
                moves.Add(new RoleChanges.JobMove(person.Id, before, new RoleChanges.JobPlace(person.JobTitle, person.SiteId)));
                person.ManagerId = row.ManagerNumber is { } m ? ids[m] : null;
                // Rows without email keep the person's (the planner filled it in), so the only change from none is to one.
                if (row.Email.Length > 0 && !string.Equals(account.Email ?? "", row.Email, StringComparison.OrdinalIgnoreCase))
                {
                    if (account.Email is { Length: > 0 } old) notices.Add(EmailChangeNotice.For(person.Id, old, row.Email, now));
                    audit.Add(Audit.AuditActions.EmailChanged, person.Id, subject, new Dictionary<string, object?> { ["from"] = account.Email, ["to"] = row.Email });
                    account.Email = row.Email;
                    account.UserName = row.Email;
                    account.NormalizedEmail = users.NormalizeEmail(row.Email);
                    account.NormalizedUserName = users.NormalizeName(row.Email);
                    EndSessions(account);
                }
                if (wasActive && !row.Active)
                {
                    EndSessions(account);
                    audit.Add(Audit.AuditActions.Deactivated, person.Id, subject);
                }
                else if (!wasActive && row.Active) audit.Add(Audit.AuditActions.Reactivated, person.Id, subject);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            // Whoever leaves takes no working welcome letter with them.
            var inactive = people.Values.Where(p => !p.IsActive).Select(p => p.Id).ToList();
            if (inactive.Count > 0)
                await db.Letters.Where(l => inactive.Contains(l.EmployeeId) && l.UsedAt == null && l.ReplacedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(l => l.ReplacedAt, now), ct);
        }
        await db.BulkInsertAsync(notices, ct);
        return notices.Count;
    }

    /// <summary>A new security stamp, as UserManager.UpdateSecurityStampAsync gives: every session and token of the account ends.</summary>
    static void EndSessions(AppUser account)
    {
        account.SecurityStamp = NewSecurityStamp();
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>
    /// The current edition for each new active person — what <see cref="Onboarding.AssignCurrentEditionAsync"/> does
    /// for them, the same rules (reason, due date), written in bulk: assignments, their pillars, the link back.
    /// Keep the two in step.
    /// </summary>
    async Task OnboardAsync(IReadOnlyList<Employee> newcomers, CancellationToken ct)
    {
        if (newcomers.Count == 0) return;
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new { e.Id, PillarIds = e.Pillars.OrderBy(p => p.Order).Select(p => p.Id).ToList() })
            .FirstOrDefaultAsync(ct);
        if (edition is null) return;
        var now = clock.UtcNow;
        var today = clock.Today;
        var assignments = newcomers.Select(person => new Assignment
        {
            EmployeeId = person.Id,
            EditionId = edition.Id,
            Reason = AssignmentReason.Onboarding,
            AssignedAt = now,
            DueOn = CompletionRules.OnboardingDueDate(person.HireDate, today, learning.Value.OnboardingDueDays),
        }).ToList();
        await db.BulkInsertAsync(assignments, ct);

        var first = newcomers.Min(p => p.Id);
        var mine = newcomers.Select(p => p.Id).ToHashSet();
        var written = (await db.Assignments.AsNoTracking().Where(a => a.EmployeeId >= first).Select(a => new { a.Id, a.EmployeeId }).ToListAsync(ct))
            .Where(a => mine.Contains(a.EmployeeId)).ToList();
        await db.BulkInsertAsync(written.SelectMany(a => edition.PillarIds.Select(id => new AssignmentPillar { AssignmentId = a.Id, PillarId = id })).ToList(), ct);
        await db.BulkSetAsync<Employee, int?>(nameof(Employee.CurrentAssignmentId), written.Select(a => (a.EmployeeId, (int?)a.Id)).ToList(), ct);
        // Each employee's copy of their current assignment's state (see EmployeeProgress): a new one is only due and why.
        var due = assignments.ToDictionary(a => a.EmployeeId, a => a.DueOn);
        await db.BulkSetAsync<Employee, DateOnly?>(nameof(Employee.CurrentDueOn), written.Select(a => (a.EmployeeId, (DateOnly?)due[a.EmployeeId])).ToList(), ct);
        await db.BulkSetAsync<Employee, AssignmentReason?>(nameof(Employee.CurrentReason), written.Select(a => (a.EmployeeId, (AssignmentReason?)AssignmentReason.Onboarding)).ToList(), ct);
    }

    /// <summary>One invitation for each new active person, queued in the import's transaction.</summary>
    async Task<int> QueueInvitationsAsync(IReadOnlyList<(Employee Person, AppUser User)> created, CancellationToken ct)
    {
        var now = clock.UtcNow;
        // People without email get a printed letter instead (Letters), from HR or their manager.
        var invitations = created.Where(c => c.Person.IsActive && !string.IsNullOrEmpty(c.User.Email))
            .Select(c => new Invitation { EmployeeId = c.Person.Id, Recipient = c.User.Email!, Status = InvitationStatus.Queued, QueuedAt = now }).ToList();
        await db.BulkInsertAsync(invitations, ct);
        return invitations.Count;
    }

    /// <summary>
    /// Whoever has someone active reporting to them can coach them on Mi equipo — except HR and admin people, whose roles
    /// an import never changes. A person already signed in gets a new security stamp with the role (their sessions end,
    /// and the next sign-in carries it); people created by this import have no session yet.
    /// </summary>
    async Task GrantManagerRoleAsync(IReadOnlySet<string> createdUserIds, CancellationToken ct)
    {
        var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(ct);
        var privileged = await db.Roles.HrOrAdmin().Select(r => r.Id).ToListAsync(ct);
        var missing = await db.Employees
            .Where(m => db.Employees.Any(e => e.ManagerId == m.Id && e.IsActive))
            .Where(m => !db.UserRoles.Any(r => r.UserId == m.UserId && (r.RoleId == managerRole || privileged.Contains(r.RoleId))))
            .Select(m => m.UserId).ToListAsync(ct);
        await db.BulkInsertAsync(missing.Select(id => new IdentityUserRole<string> { UserId = id, RoleId = managerRole }).ToList(), ct);
        // A role change of someone who already had an account (a newcomer's role is part of their creation): a new stamp,
        // written through the change tracker so this instance forgets their cached session at commit, and an audit entry.
        var signedUp = missing.Where(id => !createdUserIds.Contains(id)).ToList();
        foreach (var chunk in signedUp.Chunk(UpdateBatch))
        {
            foreach (var account in await db.Users.Where(u => chunk.Contains(u.Id)).ToListAsync(ct))
                EndSessions(account);
            var people = await db.Employees.AsNoTracking().Where(e => chunk.Contains(e.UserId)).Select(e => new { e.Id, e.FullName, e.EmployeeNumber }).ToListAsync(ct);
            foreach (var p in people)
                audit.Add(Audit.AuditActions.RoleGranted, p.Id, Audit.AuditLog.Person(p.FullName, p.EmployeeNumber), new Dictionary<string, object?> { ["role"] = Roles.Manager });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    static void Copy(StaffRow row, Employee person, IReadOnlyDictionary<string, int> departments, IReadOnlyDictionary<string, int> sites)
    {
        person.FullName = row.FullName;
        // SaveChanges keeps it in step for tracked people; the bulk path writes it here.
        person.SearchName = SearchText.Fold(row.FullName);
        person.JobTitle = row.JobTitle;
        person.HireDate = row.HireDate;
        person.Language = row.Language;
        person.EmploymentType = row.EmploymentType;
        person.IsActive = row.Active;
        person.MobilePhone = row.MobilePhone;
        person.DepartmentId = row.Department is { } d ? departments[d] : null;
        person.SiteId = row.Site is { } s ? sites[s] : null;
    }

    /// <summary>
    /// The people <see cref="StaffImportPlanner.PlanOne"/> needs for one row: the person (by number, in any case), whoever
    /// signs in with the row's email, and the chain of managers above the row's manager — everything its rules look at,
    /// without reading the whole organisation for one change.
    /// </summary>
    public async Task<IReadOnlyList<ExistingPerson>> RelatedAsync(StaffRow row, CancellationToken ct = default)
    {
        var ids = new HashSet<int>();
        async Task<(int Id, string? Manager)?> ByNumberAsync(string number)
        {
            var found = await db.Employees.AsNoTracking().WithEmployeeNumber(number)
                .Select(e => new { e.Id, Manager = e.Manager!.EmployeeNumber }).FirstOrDefaultAsync(ct);
            return found is null ? null : (found.Id, found.Manager);
        }
        if (await ByNumberAsync(row.EmployeeNumber) is { } self) ids.Add(self.Id);
        if (row.Email.Length > 0)
        {
            var normalized = users.NormalizeEmail(row.Email);
            ids.UnionWith(await db.Employees.AsNoTracking().Where(e => db.Users.Any(u => u.Id == e.UserId && u.NormalizedEmail == normalized))
                .Select(e => e.Id).ToListAsync(ct));
        }
        for (var at = row.ManagerNumber; at is not null && ids.Count < 1_000;)
        {
            if (await ByNumberAsync(at) is not { } manager || !ids.Add(manager.Id)) break;
            at = manager.Manager;
        }
        return ids.Count == 0 ? [] : await ExistingAsync(ids, ct);
    }

    /// <summary>Everyone on file as the planner compares them, with whether HR or Admin protects their account: nothing tracked.</summary>
    /// <param name="only">Only these employees (by id); null: everyone.</param>
    async Task<IReadOnlyList<ExistingPerson>> ExistingAsync(IReadOnlyCollection<int>? only, CancellationToken ct)
    {
        var privileged = (await db.UserRoles.Join(db.Roles.HrOrAdmin(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .GroupBy(x => x.UserId)
            .ToDictionary(g => g.Key, g => g.Any(x => x.Name == Roles.Admin) ? Privilege.Admin : Privilege.Hr);
        var employees = db.Employees.AsNoTracking();
        if (only is not null) employees = employees.Where(e => only.Contains(e.Id));
        var people = await employees
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new
            {
                e.UserId, Person = new ExistingPerson(e.EmployeeNumber, e.FullName, u.Email ?? "",
                    e.JobTitle, e.Department!.Name, e.Site!.Name, e.Manager!.EmployeeNumber, e.HireDate, e.Language, e.EmploymentType, e.IsActive, Privilege.None)
                { MobilePhone = e.MobilePhone },
            })
            .ToListAsync(ct);
        return people.Select(p => privileged.TryGetValue(p.UserId, out var privilege) ? p.Person with { Privilege = privilege } : p.Person).ToList();
    }
}
