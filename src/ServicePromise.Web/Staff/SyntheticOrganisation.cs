using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Staff;

/// <summary>
/// A large made-up organisation for measuring the product at scale (<c>generate-org --employees N</c>): departments,
/// stores and offices, a management chain (a manager for every dozen people), Spanish and English names and mixed
/// progress on the current edition — about 45 % completed, 25 % part-way, 20 % not started and 10 % late — and two
/// years of service audits per site (<see cref="Measurement.SyntheticMeasurement"/>). Nobody can
/// sign in (no passwords). Deterministic: the same N gives the same people (certificate codes are random, as real ones).
/// The rows are the rows the product writes — every reflected pillar has its sent reflection, every completion its
/// certificate — so verify, evidence-pack and ZIP benchmarks on it measure real work (the invariants the tests check).
/// </summary>
public sealed class SyntheticOrganisation(AppDbContext db, UserManager<AppUser> users, OrganisationClock clock,
    Microsoft.Extensions.Options.IOptions<Measurement.MeasurementOptions> measurement, ILogger<SyntheticOrganisation> logger)
{
    static readonly string[] Languages = ["es", "en"];

    public const string Prefix = "G-";
    const int Batch = 5000;
    static readonly string[] Departments = ["Tiendas", "Frescos", "Logística", "Atención al cliente", "Administración y finanzas", "Personas", "Tecnología", "Compras"];
    static readonly string[] FirstNames = ["Lucía", "Manuel", "Carmen", "Javier", "Ana", "Sergio", "Elena", "David", "Marta", "Pablo", "Irene", "Hugo", "Sara", "Jorge", "Teresa", "Óscar", "Rocío", "Antonio", "Isabel", "Francisco", "Emma", "Oliver"];
    static readonly string[] LastNames = ["Romero", "Ortiz", "Ruiz", "Morales", "Navarro", "Herrera", "Castro", "Jiménez", "Serrano", "Reyes", "Molina", "Prieto", "Iglesias", "Santana", "Bravo", "Peña", "Marín", "Núñez", "Gil", "Vargas", "Smith", "Brown"];
    static readonly string[] Jobs = ["Cajero/a", "Reponedor/a", "Dependiente/a", "Carnicero/a", "Pescadero/a", "Carretillero/a", "Técnico/a", "Administrativo/a"];

    public async Task<int> GenerateAsync(int employees, CancellationToken ct = default)
    {
        if (await db.Employees.AnyAsync(e => e.EmployeeNumber.StartsWith(Prefix), ct))
            throw new InvalidOperationException("This database already has a generated organisation (employee numbers starting with G-).");
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number)
            .Select(e => new
            {
                e.Id, e.Number, e.PublishedAt, e.DefaultLanguage,
                Companies = e.Texts.Select(t => new { t.Language, t.Company }).ToList(),
                Pillars = e.Pillars.OrderBy(p => p.Order).Select(p => new { p.Id, p.HasCheck, Titles = p.Texts.Select(t => new { t.Language, t.Title }).ToList() }).ToList(),
            })
            .FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException("No edition is published yet.");
        // What a certificate prints, per language, as CertificateIssuer copies it (the default language where one is missing).
        string InLanguage<T>(IEnumerable<T> texts, Func<T, string> language, Func<T, string> value, string wanted) =>
            texts.Where(t => language(t) == wanted).Select(value).FirstOrDefault() ?? texts.Where(t => language(t) == edition.DefaultLanguage).Select(value).First();
        var printed = Languages.ToDictionary(l => l, l => (
            Company: InLanguage(edition.Companies, t => t.Language, t => t.Company, l),
            Titles: string.Join('\n', edition.Pillars.Select(p => InLanguage(p.Titles, t => t.Language, t => t.Title, l)))));
        var employeeRole = await db.Roles.Where(r => r.Name == Roles.Employee).Select(r => r.Id).SingleAsync(ct);
        var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).SingleAsync(ct);

        var departments = Departments.Select(n => new Department { Name = n }).ToList();
        var sites = Enumerable.Range(1, Math.Max(1, employees / 400)).Select(i => new Site { Name = $"Tienda {i:000}" })
            .Append(new Site { Name = "Oficina central" }).Append(new Site { Name = "Centro logístico" }).ToList();
        db.Departments.AddRange(departments);
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync(ct);

        var random = new Random(employees);
        var today = clock.Today;
        var now = clock.UtcNow;
        // Every 12th person manages the 11 after them; managers report to the department's first manager.
        Employee? manager = null;
        var head = new Dictionary<int, int>();
        for (var start = 0; start < employees; start += Batch)
        {
            var people = new List<(Employee Person, int Index)>();
            var assignments = new List<(Employee Person, Assignment Assignment)>();
            var reflections = new List<(AssignmentPillar Pillar, string Meaning, string Customers, string Action)>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = start; i < Math.Min(employees, start + Batch); i++)
            {
                var email = $"g{i:000000}@generated.test";
                var user = new AppUser
                {
                    Email = email, UserName = email, NormalizedEmail = users.NormalizeEmail(email), NormalizedUserName = users.NormalizeName(email),
                    SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = employeeRole });
                var isManager = i % 12 == 0;
                if (isManager) db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = managerRole });
                var department = departments[i / 12 % departments.Count];
                var hired = today.AddDays(-random.Next(0, 3000));
                var person = new Employee
                {
                    UserId = user.Id,
                    EmployeeNumber = $"{Prefix}{i + 1:000000}",
                    FullName = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                    JobTitle = isManager ? "Encargado/a" : Jobs[random.Next(Jobs.Length)],
                    Department = department,
                    Site = sites[i / 12 % sites.Count],
                    HireDate = hired,
                    Language = random.Next(10) == 0 ? "en" : "es",
                };
                if (isManager) manager = person;
                else if (manager is { Id: > 0 }) person.ManagerId = manager.Id;
                else person.Manager = manager;
                db.Employees.Add(person);
                people.Add((person, i));

                var roll = random.Next(100);
                var done = roll < 45 ? edition.Pillars.Count : roll < 70 ? random.Next(1, edition.Pillars.Count) : 0;
                var late = roll >= 90;
                var assignedAt = now.AddDays(-random.Next(1, 60));
                var assignment = new Assignment
                {
                    EditionId = edition.Id, Reason = AssignmentReason.Onboarding, AssignedAt = assignedAt,
                    DueOn = late ? today.AddDays(-random.Next(1, 40)) : today.AddDays(random.Next(-30, 30) + (done == edition.Pillars.Count ? -30 : 20)),
                    StartedAt = done > 0 ? assignedAt.AddDays(1) : null,
                    CompletedAt = done == edition.Pillars.Count ? assignedAt.AddDays(random.Next(1, 20)) : null,
                    Pillars = edition.Pillars.Select((p, k) => new AssignmentPillar
                    {
                        PillarId = p.Id,
                        ReadAt = k < done ? assignedAt.AddDays(1) : null,
                        CheckPassedAt = k < done && p.HasCheck ? assignedAt.AddDays(1) : null,
                        ReflectedAt = k < done ? assignedAt.AddDays(2) : null,
                    }).ToList(),
                };
                assignments.Add((person, assignment));
                // A sent (accepted) reflection behind every reflected pillar, with its first version.
                foreach (var pillar in assignment.Pillars.Where(p => p.ReflectedAt is not null))
                {
                    var (meaning, customers, action) = SampleReflection(person.JobTitle, i);
                    reflections.Add((pillar, meaning, customers, action));
                }
            }
            // Employees and their assignments point at each other: people first, then assignments, then the link.
            await db.SaveChangesAsync(ct);
            foreach (var (person, assignment) in assignments) assignment.EmployeeId = person.Id;
            db.Assignments.AddRange(assignments.Select(a => a.Assignment));
            await db.SaveChangesAsync(ct);
            await WriteReflectionsAndCertificatesAsync(assignments, reflections, printed, edition.Id, edition.Number, edition.PublishedAt, ct);
            foreach (var (person, assignment) in assignments) person.CurrentAssignmentId = assignment.Id;
            await db.SaveChangesAsync(ct);
            foreach (var (person, _) in people.Where(p => p.Index % 12 == 0))
            {
                var key = departments.IndexOf(person.Department!);
                if (head.TryGetValue(key, out var boss)) person.ManagerId = boss;
                else head[key] = person.Id;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            // Re-attach the lookup rows the next batch points at.
            db.AttachRange(departments);
            db.AttachRange(sites);
            logger.LogInformation("Generated {Count} of {Total} people", Math.Min(employees, start + Batch), employees);
        }
        db.ChangeTracker.Clear();
        var results = await Measurement.SyntheticMeasurement.GenerateAsync(db, clock, measurement.Value, employees, ct);
        logger.LogInformation("Generated {Count} audit results", results);
        return employees;
    }

    /// <summary>
    /// A sent (accepted) reflection with its first version behind every reflected pillar, and a certificate for every
    /// completion with what CertificateIssuer prints — written in bulk: tracked, they tripled the time and the memory.
    /// </summary>
    async Task WriteReflectionsAndCertificatesAsync(List<(Employee Person, Assignment Assignment)> assignments,
        List<(AssignmentPillar Pillar, string Meaning, string Customers, string Action)> reflections,
        Dictionary<string, (string Company, string Titles)> printed, int editionId, int editionNumber, DateTime editionPublishedAt, CancellationToken ct)
    {
        var lastId = await db.Reflections.MaxAsync(r => (int?)r.Id, ct) ?? 0;
        await db.BulkInsertAsync(reflections.Select(r => new Reflections.Reflection
        {
            AssignmentPillarId = r.Pillar.Id, Meaning = r.Meaning, Customers = r.Customers, Action = r.Action, Revision = 1,
            Status = Reflections.ReflectionStatus.Accepted, UpdatedAt = r.Pillar.ReflectedAt!.Value, SubmittedAt = r.Pillar.ReflectedAt,
        }).ToList(), ct);
        var ids = await db.Reflections.AsNoTracking().Where(r => r.Id > lastId).ToDictionaryAsync(r => r.AssignmentPillarId, r => r.Id, ct);
        await db.BulkInsertAsync(reflections.Select(r => new Reflections.ReflectionVersion
        {
            ReflectionId = ids[r.Pillar.Id], Number = 1, Meaning = r.Meaning, Customers = r.Customers, Action = r.Action, SubmittedAt = r.Pillar.ReflectedAt!.Value,
        }).ToList(), ct);
        await db.BulkInsertAsync(assignments.Where(a => a.Assignment.CompletedAt is not null).Select(a => new Certificates.Certificate
        {
            Code = Certificates.VerificationCode.NewCode(), AssignmentId = a.Assignment.Id, EmployeeId = a.Person.Id, EditionId = editionId,
            HolderName = a.Person.FullName, JobTitle = a.Person.JobTitle, Company = printed[a.Person.Language].Company, EditionNumber = editionNumber,
            EditionPublishedAt = editionPublishedAt, IssuedAt = a.Assignment.CompletedAt!.Value, Language = a.Person.Language,
            PillarTitles = printed[a.Person.Language].Titles,
        }).ToList(), ct);
    }

    static (string Meaning, string Customers, string Action) SampleReflection(string job, int i) => (
        $"Como {job.ToLowerInvariant()}, este pilar significa atender a cada persona con calma y explicarle lo que va a pasar (n.º {i}).",
        "Los clientes de la tienda y los compañeros del turno siguiente.",
        "Esta semana preguntaré antes de responder y lo comentaré en la reunión del lunes.");
}
