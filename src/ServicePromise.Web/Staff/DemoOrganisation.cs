using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Accounts;
using ServicePromise.Web.Data;
using ServicePromise.Web.Learning;

namespace ServicePromise.Web.Staff;

/// <summary>
/// Mercados Olivo, a believable supermarket chain of 31 people with managers, HR and an admin, at every
/// stage of the course — two of them without email, as many shop-floor people are — and three months of service audits
/// (<see cref="Measurement.DemoMeasurement"/>). Created only in Development and
/// only in an empty database (see README).
/// </summary>
public sealed class DemoOrganisation(
    AppDbContext db, StaffAccounts accounts, Onboarding onboarding, ProgressRecorder progress,
    Reflections.ReflectionRecorder reflections, Infrastructure.OrganisationClock clock,
    Microsoft.Extensions.Options.IOptions<Measurement.MeasurementOptions> measurement,
    Microsoft.Extensions.Options.IOptions<Infrastructure.AppOptions> app, ILogger<DemoOrganisation> logger)
{
    public const string Password = "Promesa-2026";
    public const string EmailDomain = "demo.mercadosolivo.es";
    public static int Size => People.Length;
    /// <summary>A cashier without email and without a password yet: her manager (Carmen) prints her letter from Mi equipo.</summary>
    public const string CashierWithoutEmail = "MO-0107";
    /// <summary>A warehouse worker without email who already chose a password: he signs in with his employee number.</summary>
    public const string WarehouseWorkerWithoutEmail = "MO-0405";

    /// <summary>How far each demo person got: number of pillars done, and whether the due date has passed.</summary>
    enum Stage { NotStarted, Partial1, Partial2, Partial3, Partial4, Completed, Overdue0, Overdue2 }

    /// <param name="Email">The part before the demo domain; null: the person has no email.</param>
    sealed record Person(string Number, string Name, string? Email, string Job, string Department, string Site, string? Manager, int HiredDaysAgo, Stage Stage, params string[] Roles);

    static readonly Person[] People =
    [
        new("MO-0001", "Carmen Ruiz Delgado", "carmen.ruiz", "Directora de tienda", "Tiendas", "Sevilla Centro", null, 2900, Stage.Completed, Roles.Manager),
        new("MO-0002", "Javier Morales Peña", "javier.morales", "Director de tienda", "Tiendas", "Córdoba", null, 2400, Stage.Completed, Roles.Manager),
        new("MO-0003", "Rocío Navarro Gil", "rocio.navarro", "Jefa de almacén", "Logística", "Centro logístico Dos Hermanas", null, 1800, Stage.Completed, Roles.Manager),
        new("MO-0004", "Antonio Herrera Vega", "antonio.herrera", "Responsable de atención al cliente", "Atención al cliente", "Oficina central", null, 1500, Stage.Partial3, Roles.Manager),
        new("MO-0005", "Isabel Castro Romero", "isabel.castro", "Responsable de administración", "Administración y finanzas", "Oficina central", null, 3300, Stage.Completed, Roles.Manager),
        new("MO-0006", "Marta Jiménez Ortega", "marta.jimenez", "Técnica de Personas", "Personas", "Oficina central", "MO-0005", 1200, Stage.Completed, Roles.HR),
        new("MO-0007", "Pablo Serrano Lozano", "pablo.serrano", "Responsable de sistemas", "Tecnología", "Oficina central", "MO-0005", 2000, Stage.Partial1, Roles.Admin, Roles.Manager),
        new("MO-0008", "Francisco Reyes Blanco", "francisco.reyes", "Director de tienda", "Tiendas", "Málaga", null, 900, Stage.NotStarted, Roles.Manager),
        new("MO-0101", "Lucía Romero Sánchez", "lucia.romero", "Cajera", "Tiendas", "Sevilla Centro", "MO-0001", 3, Stage.NotStarted),
        new("MO-0102", "Manuel Ortiz Campos", "manuel.ortiz", "Reponedor", "Tiendas", "Sevilla Centro", "MO-0001", 700, Stage.Completed),
        new("MO-0103", "Ana Belén Vargas Rubio", "anabelen.vargas", "Dependienta de charcutería", "Frescos", "Sevilla Centro", "MO-0001", 450, Stage.Completed),
        new("MO-0104", "Sergio Molina Cabrera", "sergio.molina", "Carnicero", "Frescos", "Sevilla Centro", "MO-0001", 60, Stage.Partial2),
        new("MO-0105", "Elena Prieto Márquez", "elena.prieto", "Cajera", "Tiendas", "Sevilla Centro", "MO-0001", 20, Stage.Partial1),
        new("MO-0106", "Raúl Domínguez León", "raul.dominguez", "Reponedor", "Tiendas", "Sevilla Centro", "MO-0001", 40, Stage.Overdue0),
        new(CashierWithoutEmail, "Rosa Jiménez Bermúdez", null, "Cajera", "Tiendas", "Sevilla Centro", "MO-0001", 2, Stage.NotStarted),
        new("MO-0201", "Cristina Fuentes Arias", "cristina.fuentes", "Cajera", "Tiendas", "Córdoba", "MO-0002", 380, Stage.Completed),
        new("MO-0202", "David Iglesias Ramos", "david.iglesias", "Pescadero", "Frescos", "Córdoba", "MO-0002", 90, Stage.Partial3),
        new("MO-0203", "Nuria Medina Soto", "nuria.medina", "Panadera", "Frescos", "Córdoba", "MO-0002", 45, Stage.Overdue2),
        new("MO-0204", "Alberto Garrido Pastor", "alberto.garrido", "Reponedor", "Tiendas", "Córdoba", "MO-0002", 10, Stage.NotStarted),
        new("MO-0205", "Sara Cortés Núñez", "sara.cortes", "Cajera (empresa de trabajo temporal)", "Tiendas", "Córdoba", "MO-0002", 5, Stage.NotStarted),
        new("MO-0301", "Patricia Flores Calvo", "patricia.flores", "Cajera", "Tiendas", "Málaga", "MO-0008", 200, Stage.NotStarted),
        new("MO-0302", "Hugo Santana Luque", "hugo.santana", "Reponedor", "Tiendas", "Málaga", "MO-0008", 30, Stage.Partial1),
        new("MO-0303", "Irene Bravo Rivas", "irene.bravo", "Dependienta de frutería", "Frescos", "Málaga", "MO-0008", 8, Stage.NotStarted),
        new("MO-0401", "Diego Méndez Caballero", "diego.mendez", "Preparador de pedidos", "Logística", "Centro logístico Dos Hermanas", "MO-0003", 600, Stage.Completed),
        new("MO-0402", "Alejandro Vidal Rojas", "alejandro.vidal", "Conductor de reparto", "Logística", "Centro logístico Dos Hermanas", "MO-0003", 50, Stage.Overdue0),
        new("MO-0403", "Laura Gallego Cano", "laura.gallego", "Preparadora de pedidos", "Logística", "Centro logístico Dos Hermanas", "MO-0003", 25, Stage.Partial4),
        new("MO-0404", "Jorge Peña Montero", "jorge.pena", "Carretillero", "Logística", "Centro logístico Dos Hermanas", "MO-0003", 12, Stage.NotStarted),
        new(WarehouseWorkerWithoutEmail, "Ismael Torres Ruiz", null, "Mozo de almacén", "Logística", "Centro logístico Dos Hermanas", "MO-0003", 9, Stage.Partial1),
        new("MO-0501", "Silvia Lorenzo Herrero", "silvia.lorenzo", "Agente de atención telefónica", "Atención al cliente", "Oficina central", "MO-0004", 300, Stage.Completed),
        new("MO-0502", "Marcos Gómez Díaz", "marcos.gomez", "Agente de atención telefónica", "Atención al cliente", "Oficina central", "MO-0004", 35, Stage.Overdue2),
        new("MO-0601", "Beatriz Santos Aguilar", "beatriz.santos", "Contable", "Administración y finanzas", "Oficina central", "MO-0005", 800, Stage.Completed),
        new("MO-0602", "Óscar Núñez Crespo", "oscar.nunez", "Técnico de compras", "Administración y finanzas", "Oficina central", "MO-0005", 15, Stage.Partial2),
        new("MO-0701", "Teresa Marín Rey", "teresa.marin", "Técnica de soporte", "Tecnología", "Oficina central", "MO-0007", 100, Stage.NotStarted),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var departments = People.Select(p => p.Department).Distinct().ToDictionary(n => n, n => new Department { Name = n });
        var sites = People.Select(p => p.Site).Distinct().ToDictionary(n => n, n => new Site { Name = n });
        // Departments and sites are saved with their first employee, after the first account below: that account is
        // the claim on seeding, and an instance that loses it has written nothing.
        var employees = new Dictionary<string, Employee>();
        foreach (var p in People)
        {
            var email = p.Email is null ? null : $"{p.Email}@{EmailDomain}";
            var added = await accounts.AddAsync(new NewPerson(email, p.Name, p.Number, p.Job, today.AddDays(-p.HiredDaysAgo))
            {
                Department = departments[p.Department], Site = sites[p.Site], Manager = p.Manager is null ? null : employees[p.Manager],
                Language = "es", Roles = p.Roles, Password = p.Number == CashierWithoutEmail ? null : Password,
            });
            if (employees.Count == 0 && added.Duplicate)
            {
                logger.LogInformation("Another instance is creating the demo organisation.");
                return;
            }
            var employee = added.Employee ?? throw new InvalidOperationException(
                $"Could not create demo user {email ?? p.Number}: " + new StringBuilder().AppendJoin("; ", added.Result.Errors.Select(e => e.Description)));
            employees[p.Number] = employee;
        }
        await db.SaveChangesAsync(ct);
        await onboarding.AssignCurrentEditionAsync(ct);

        foreach (var p in People)
            await ApplyStageAsync(employees[p.Number], p, today, ct);
        // Marta imported the audits and confirmed Sevilla Centro's finding; Carmen wrote the plan.
        if (app.Value.SeedDemoAudits)
            await Measurement.DemoMeasurement.SeedAsync(db, clock, measurement.Value, "MO-0006", "MO-0001", ct);
        logger.LogInformation("Created the demo organisation: {Count} people; every password is {Password}", People.Length, Password);
    }

    async Task ApplyStageAsync(Employee employee, Person person, DateOnly today, CancellationToken ct)
    {
        var assignment = await db.Assignments.Include(a => a.Pillars).ThenInclude(p => p.Pillar)
            .SingleAsync(a => a.EmployeeId == employee.Id, ct);
        var done = person.Stage switch
        {
            Stage.Partial1 => 1,
            Stage.Partial2 or Stage.Overdue2 => 2,
            Stage.Partial3 => 3,
            Stage.Partial4 => 4,
            Stage.Completed => assignment.Pillars.Count,
            _ => 0,
        };
        foreach (var pillar in assignment.Pillars.OrderBy(p => p.Pillar!.Order).Take(done))
        {
            await progress.MarkReadAsync(pillar, ct);
            // Demo people who got this far passed the pillar's check.
            if (pillar.Pillar!.HasCheck) pillar.CheckPassedAt = clock.UtcNow;
            await reflections.RecordAcceptedAsync(pillar, SampleReflection(person, pillar.Pillar!.Key), ct);
        }
        if (person.Stage is Stage.Overdue0 or Stage.Overdue2)
        {
            assignment.DueOn = today.AddDays(-6);
            await db.SaveChangesAsync(ct);
        }
    }

    static Reflections.ReflectionText SampleReflection(Person person, string pillarKey) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"Como {person.Job.ToLower(CultureInfo.GetCultureInfo("es"))} en {person.Site}, este pilar ({pillarKey}) me toca cada día en el trato con quien tengo delante."),
        "Quienes compran en la tienda y también mis compañeros de turno, que dependen de lo que yo les paso.",
        "Repasarlo con mi equipo en la reunión del lunes y aplicarlo con el primer cliente difícil de la semana.");
}
