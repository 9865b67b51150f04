using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Coaching;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Staff.Import;

/// <summary>What a dry run found, or an apply did.</summary>
public sealed record StaffImportResult(StaffFileContent File, StaffImportPlan? Plan, bool Applied, int Invited)
{
    /// <summary>Every problem, the file's and the plan's, in line order.</summary>
    public IReadOnlyList<ImportProblem> Problems => File.Problems.Concat(Plan?.Problems ?? []).OrderBy(p => p.Line).ToList();
}

/// <summary>
/// Runs a staff file against the database: a dry run says what would change; applying makes every valid change
/// in one transaction — all or none — then invites the new people by email. Nobody's password is set here:
/// new people get a set-password link that expires. Deactivated people cannot sign in, leave the due lists, and
/// keep their records and certificates.
/// </summary>
public sealed class StaffImporter(
    AppDbContext db, UserManager<AppUser> users, Onboarding onboarding, AccountLinks links, CoachingMail mail,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L, ILogger<StaffImporter> logger)
{
    public async Task<StaffImportResult> DryRunAsync(byte[] bytes, bool fullImport, IReadOnlyDictionary<string, StaffField>? mapping = null, CancellationToken ct = default)
    {
        var file = StaffFile.Read(bytes, mapping);
        if (file.Unreadable) return new(file, null, false, 0);
        return new(file, StaffImportPlanner.Plan(file.Rows, await ExistingAsync(ct), fullImport, file.Numbers), false, 0);
    }

    /// <summary>Applies every valid change of the file at once. Problem rows are left out (the dry run listed them).</summary>
    public async Task<StaffImportResult> ApplyAsync(byte[] bytes, bool fullImport, IReadOnlyDictionary<string, StaffField>? mapping = null, CancellationToken ct = default)
    {
        var file = StaffFile.Read(bytes, mapping);
        if (file.Unreadable) return new(file, null, false, 0);

        var invitations = new List<(AppUser User, Employee Person)>();
        StaffImportPlan plan;
        // Not cancellable once started: a closed tab must not leave half an import.
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            var people = await db.Employees.Include(e => e.Department).Include(e => e.Site).Include(e => e.Manager).ToListAsync(CancellationToken.None);
            var accounts = await db.Users.ToDictionaryAsync(u => u.Id, CancellationToken.None);
            plan = StaffImportPlanner.Plan(file.Rows, Existing(people, accounts), fullImport, file.Numbers);
            if (plan.Changes.Count > 0)
            {
                var byNumber = people.ToDictionary(p => p.EmployeeNumber, StringComparer.OrdinalIgnoreCase);
                var departments = await db.Departments.ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, CancellationToken.None);
                var sites = await db.Sites.ToDictionaryAsync(s => s.Name, StringComparer.OrdinalIgnoreCase, CancellationToken.None);
                var employeeRole = await db.Roles.Where(r => r.Name == Roles.Employee).Select(r => r.Id).SingleAsync(CancellationToken.None);

                foreach (var change in plan.Changes)
                {
                    if (change.Action == ChangeAction.Deactivate && change.Row is null)
                    {
                        byNumber[change.EmployeeNumber].IsActive = false;
                        continue;
                    }
                    var row = change.Row!;
                    if (!byNumber.TryGetValue(row.EmployeeNumber, out var person))
                    {
                        var user = new AppUser { Email = row.Email, UserName = row.Email, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true };
                        user.NormalizedEmail = users.NormalizeEmail(row.Email);
                        user.NormalizedUserName = users.NormalizeName(row.Email);
                        db.Users.Add(user);
                        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = employeeRole });
                        person = new Employee { UserId = user.Id, EmployeeNumber = row.EmployeeNumber };
                        db.Employees.Add(person);
                        byNumber[row.EmployeeNumber] = person;
                        accounts[user.Id] = user;
                        if (row.Active) invitations.Add((user, person));
                    }
                    Copy(row, person, departments, sites);
                    var account = accounts[person.UserId];
                    if (!string.Equals(account.Email, row.Email, StringComparison.OrdinalIgnoreCase))
                    {
                        account.Email = row.Email;
                        account.UserName = row.Email;
                        account.NormalizedEmail = users.NormalizeEmail(row.Email);
                        account.NormalizedUserName = users.NormalizeName(row.Email);
                        account.SecurityStamp = Guid.NewGuid().ToString("N");
                    }
                }
                // Managers once everyone exists: a report may come before their manager in the file.
                foreach (var change in plan.Changes.Where(c => c.Row is not null))
                    byNumber[change.EmployeeNumber].Manager = change.Row!.ManagerNumber is { } m ? byNumber[m] : null;
                await db.SaveChangesAsync(CancellationToken.None);
                await GrantManagerRoleAsync(CancellationToken.None);
                await onboarding.AssignCurrentEditionAsync(CancellationToken.None);
            }
            await transaction.CommitAsync(CancellationToken.None);
        }
        logger.LogInformation("Staff import applied: {Creates} created, {Updates} updated, {Deactivations} deactivated, {Problems} rows refused",
            plan.Creates, plan.Updates, plan.Deactivations, file.Problems.Count + plan.Problems.Count);

        var invited = 0;
        foreach (var (user, person) in invitations)
            if (await InviteAsync(user, person, ct)) invited++;
        return new(file, plan, true, invited);
    }

    async Task<bool> InviteAsync(AppUser user, Employee person, CancellationToken ct)
    {
        var link = await links.InvitationAsync(user, person.Language);
        return await mail.SendAsync(new MailRecipient(user.Email!, person.FullName, person.Language), () => (
            L["Te damos la bienvenida a la promesa de servicio"].Value,
            L["Hola, {0}:\n\nYa tienes acceso a la promesa de servicio de tu empresa. Crea tu contraseña con este enlace (caduca en 7 días):\n\n{1}\n\nSi no esperabas este mensaje, ignóralo.", person.FullName, link].Value), ct);
    }

    /// <summary>Whoever has someone active reporting to them can coach them on Mi equipo.</summary>
    async Task GrantManagerRoleAsync(CancellationToken ct)
    {
        var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(ct);
        var missing = await db.Employees
            .Where(m => db.Employees.Any(e => e.ManagerId == m.Id && e.IsActive))
            .Where(m => !db.UserRoles.Any(r => r.UserId == m.UserId && r.RoleId == managerRole))
            .Select(m => m.UserId).ToListAsync(ct);
        db.UserRoles.AddRange(missing.Select(id => new IdentityUserRole<string> { UserId = id, RoleId = managerRole }));
        await db.SaveChangesAsync(ct);
    }

    static void Copy(StaffRow row, Employee person, Dictionary<string, Department> departments, Dictionary<string, Site> sites)
    {
        person.FullName = row.FullName;
        person.JobTitle = row.JobTitle;
        person.HireDate = row.HireDate;
        person.Language = row.Language;
        person.EmploymentType = row.EmploymentType;
        person.IsActive = row.Active;
        person.Department = row.Department is { } d ? departments.TryGetValue(d, out var dept) ? dept : departments[d] = new Department { Name = d } : null;
        person.Site = row.Site is { } s ? sites.TryGetValue(s, out var site) ? site : sites[s] = new Site { Name = s } : null;
    }

    async Task<IReadOnlyList<ExistingPerson>> ExistingAsync(CancellationToken ct)
    {
        var people = await db.Employees.AsNoTracking().Include(e => e.Department).Include(e => e.Site).Include(e => e.Manager).ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        return Existing(people, accounts);
    }

    static List<ExistingPerson> Existing(IEnumerable<Employee> people, IReadOnlyDictionary<string, AppUser> accounts) =>
        people.Select(e => new ExistingPerson(e.EmployeeNumber, e.FullName, accounts.TryGetValue(e.UserId, out var u) ? u.Email ?? "" : "",
            e.JobTitle, e.Department?.Name, e.Site?.Name, e.Manager?.EmployeeNumber, e.HireDate, e.Language, e.EmploymentType, e.IsActive)).ToList();
}
