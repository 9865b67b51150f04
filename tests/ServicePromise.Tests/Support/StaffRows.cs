using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ServicePromise.Tests.Support;

/// <summary>Staff-file rows for people already on file, to import them back with a change or two.</summary>
public static class StaffRows
{
    public const string Header = "Nº de empleado;Nombre completo;Correo electrónico;Puesto;Departamento;Centro;Responsable;Fecha de alta;Idioma;Activo";

    /// <summary>The person's row exactly as the database has them (in <see cref="Header"/>'s columns), with the given changes.</summary>
    public static async Task<string> OfAsync(AppFactory app, string number, string? email = null, bool active = true, string? jobTitle = null, string? manager = null)
    {
        var p = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new
            {
                e.EmployeeNumber, e.FullName, u.Email, e.JobTitle, Department = e.Department!.Name, Site = e.Site!.Name,
                Manager = e.Manager!.EmployeeNumber, e.HireDate, e.Language,
            }).SingleAsync());
        return string.Join(';', p.EmployeeNumber, p.FullName, email ?? p.Email, jobTitle ?? p.JobTitle, p.Department, p.Site, manager ?? p.Manager,
            p.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Language, active ? "sí" : "no");
    }
}
