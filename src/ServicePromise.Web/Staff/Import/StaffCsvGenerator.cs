using System.Text;

namespace ServicePromise.Web.Staff.Import;

/// <summary>
/// A made-up HR export of N people for measuring the import at scale (<c>generate-staff-csv --rows N FILE</c>, see
/// docs/benchmarks.md): the Spanish-locale layout (<c>;</c>, UTF-8 with BOM, <c>dd/mm/yyyy</c>), 8 departments, a
/// site per 400 people plus head office and the warehouse, and a management tree — one director, a head per
/// department reporting to them, a manager for every dozen people reporting to their department's head. About 2 %
/// are contractors, 10 % read English, 1 % are marked inactive. Deterministic: the same N gives the same file, and
/// <c>--changed M</c> gives the same file with M people (spread evenly) in a new job or site — a routine sync.
/// </summary>
public static class StaffCsvGenerator
{
    public const string Prefix = "S-";
    public const string Header = "Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Nº del responsable;Fecha de alta;Idioma;Tipo de contrato;Activo";
    static readonly string[] Departments = ["Tiendas", "Frescos", "Logística", "Atención al cliente", "Administración y finanzas", "Personas", "Tecnología", "Compras"];
    static readonly string[] FirstNames = ["Lucía", "Manuel", "Carmen", "Javier", "Ana", "Sergio", "Elena", "David", "Marta", "Pablo", "Irene", "Hugo", "Sara", "Jorge", "Teresa", "Óscar", "Rocío", "Antonio", "Isabel", "Francisco", "Emma", "Oliver"];
    static readonly string[] LastNames = ["Romero", "Ortiz", "Ruiz", "Morales", "Navarro", "Herrera", "Castro", "Jiménez", "Serrano", "Reyes", "Molina", "Prieto", "Iglesias", "Santana", "Bravo", "Peña", "Marín", "Núñez", "Gil", "Vargas", "Smith", "Brown"];
    static readonly string[] Jobs = ["Cajero/a", "Reponedor/a", "Dependiente/a", "Carnicero/a", "Pescadero/a", "Carretillero/a", "Técnico/a", "Administrativo/a"];

    public static string Number(int index) => $"{Prefix}{index + 1:000000}";

    public static void Write(TextWriter writer, int rows, int changed = 0)
    {
        var random = new Random(rows);
        var sites = Enumerable.Range(1, Math.Max(1, rows / 400)).Select(i => $"Tienda {i:000}").Append("Oficina central").Append("Centro logístico").ToArray();
        var every = changed > 0 ? Math.Max(1, rows / changed) : 0;
        var changedSoFar = 0;
        var heads = new Dictionary<int, int>();
        var manager = 0;
        var start = new DateOnly(2026, 11, 1);
        writer.WriteLine(Header);
        for (var i = 0; i < rows; i++)
        {
            var department = i == 0 ? 5 : i / 12 % Departments.Length;
            var isManager = i % 12 == 0;
            string? reportsTo;
            if (i == 0) reportsTo = null;                                       // the director
            else if (isManager)
            {
                if (heads.TryGetValue(department, out var head)) reportsTo = Number(head);
                else { heads[department] = i; reportsTo = Number(0); }
                manager = i;
            }
            else reportsTo = Number(manager);

            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            var job = i == 0 ? "Director/a general" : isManager ? "Encargado/a" : Jobs[random.Next(Jobs.Length)];
            var site = i < 12 ? "Oficina central" : sites[i / 12 % sites.Length];
            var hired = start.AddDays(-random.Next(0, 3000));
            var english = random.Next(10) == 0;
            var contractor = random.Next(50) == 0;
            var inactive = !isManager && random.Next(100) == 0;
            if (every > 0 && i % every == every - 1 && changedSoFar < changed)
            {
                changedSoFar++;
                if (changedSoFar % 2 == 0 && !isManager) job = "Jefe/a de sección";
                else site = site == sites[0] ? sites[^1] : sites[0];
            }
            writer.Write(Number(i)); writer.Write(';');
            writer.Write(name); writer.Write(';');
            writer.Write($"s{i + 1:000000}@staff.test"); writer.Write(';');
            writer.Write(job); writer.Write(';');
            writer.Write(Departments[department]); writer.Write(';');
            writer.Write(site); writer.Write(';');
            writer.Write(reportsTo); writer.Write(';');
            writer.Write(hired.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)); writer.Write(';');
            writer.Write(english ? "en" : "es"); writer.Write(';');
            writer.Write(contractor ? "contratista" : "empleado"); writer.Write(';');
            writer.WriteLine(inactive ? "no" : "sí");
        }
    }

    public static void WriteFile(string path, int rows, int changed = 0)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        writer.NewLine = "\r\n";
        Write(writer, rows, changed);
    }
}
