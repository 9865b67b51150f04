using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>
/// "Estado" and "Departamento" mean different things in different countries: the file's own values decide how they are
/// read, and the dry run says which reading it took.
/// </summary>
public class AmbiguousHeadersTests
{
    static StaffFileContent Read(string text) => StaffFile.Read(Encoding.UTF8.GetBytes(text));

    static void NoProblems(StaffFileContent file) =>
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => p.Message.ToString())));

    static string Notes(StaffFileContent file) => string.Join("\n", (file.Notes ?? []).Select(n => n.Message.ToString()));

    [Fact]
    public void Estado_of_status_words_is_the_persons_status_as_in_spain()
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Estado\nE-1;Ana Gil;01/02/2024;Activo\nE-2;Luis Mora;01/02/2024;Baja\n");
        NoProblems(file);
        Assert.True(file.Columns.ContainsKey(StaffField.Active));
        Assert.Equal([true, false], file.Rows.Select(r => r.Active));
        Assert.Contains("The column “Estado” is read as the person’s status", Notes(file));
    }

    [Fact]
    public void Estado_of_mexican_states_is_not_a_status_and_is_left_out_with_a_note()
    {
        var file = Read("No. de empleado,Nombre,Fecha de ingreso,Estado\n1001,Rogelio Treviño,15/01/2016,Nuevo León\n1002,Lupita Cantú,04/07/2019,Jalisco\n1003,José Luis,01/03/2023,CDMX\n");
        NoProblems(file);
        Assert.False(file.Columns.ContainsKey(StaffField.Active));
        Assert.All(file.Rows, r => Assert.True(r.Active));
        Assert.Contains("The column “Estado” holds Mexican states (such as “Nuevo León”), not the person’s status: it is not imported.", Notes(file));
    }

    [Fact]
    public void Estado_of_mexican_states_beside_estatus_leaves_the_status_to_estatus()
    {
        var file = Read("No. de empleado,Nombre,Fecha de ingreso,Estado,Estatus\n1001,Rogelio Treviño,15/01/2016,Nuevo León,Activo\n1007,Arturo Cavazos,05/05/2015,Nuevo León,Baja\n");
        NoProblems(file);
        Assert.Equal(4, file.Columns[StaffField.Active]);
        Assert.Equal([true, false], file.Rows.Select(r => r.Active));
        Assert.Contains("holds Mexican states", Notes(file));
    }

    [Fact]
    public void Estado_with_no_status_word_at_all_is_not_read_as_a_status()
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Estado\nE-1;Ana Gil;01/02/2024;Casada\nE-2;Luis Mora;01/02/2024;Soltero\n");
        NoProblems(file);
        Assert.False(file.Columns.ContainsKey(StaffField.Active));
        Assert.Contains("The column “Estado” has no status word", Notes(file));
    }

    [Fact]
    public void Estado_mostly_of_status_words_keeps_its_unreadable_values_as_row_problems_naming_them()
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Estado\nE-1;Ana Gil;01/02/2024;Activo\nE-2;Luis Mora;01/02/2024;quizá\n");
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("“quizá” in the active column cannot be read", problem.Message.ToString());
    }

    [Fact]
    public void Departamento_is_the_department_in_most_files()
    {
        var file = Read("Nº de empleado;Nombre;Fecha de alta;Departamento\nE-1;Ana Gil;01/02/2024;Cajas\nE-2;Luis Mora;01/02/2024;Almacén\n");
        NoProblems(file);
        Assert.Equal(["Cajas", "Almacén"], file.Rows.Select(r => r.Department));
        Assert.Contains("The column “Departamento” is read as the person’s department in the company.", Notes(file));
    }

    [Fact]
    public void Area_beside_departamento_is_the_department_and_departamento_the_colombian_region()
    {
        var file = Read("Código;Nombre;Fecha de ingreso;Departamento;Área\nBOG-1;Andrés Castaño;15/01/2019;Cundinamarca;Operaciones\nBOG-2;Luz Ospina;03/02/2021;Bogotá D.C.;Cajas\n");
        NoProblems(file);
        Assert.Equal(4, file.Columns[StaffField.Department]);
        Assert.Equal(["Operaciones", "Cajas"], file.Rows.Select(r => r.Department));
        Assert.Contains("The file has “Área” and “Departamento”: the person’s department is read from “Área”", Notes(file));
    }

    [Fact]
    public void Departamento_of_colombian_departments_alone_is_not_the_department()
    {
        var file = Read("Código;Nombre;Fecha de ingreso;Departamento\nMED-1;Sara Uribe;15/01/2019;Antioquia\nMED-2;Juan Pablo Restrepo;03/02/2021;Antioquia\nCAL-1;Mónica Lozano;03/02/2021;Valle del Cauca\n");
        NoProblems(file);
        Assert.False(file.Columns.ContainsKey(StaffField.Department));
        Assert.All(file.Rows, r => Assert.Null(r.Department));
        Assert.Contains("The column “Departamento” holds Colombian departments (such as “Antioquia”)", Notes(file));
    }

    [Fact]
    public void A_column_hr_mapped_is_read_as_they_said()
    {
        var mapping = new Dictionary<string, StaffField> { [StaffFile.Fold("Estado")] = StaffField.Active };
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("Nº de empleado;Nombre;Fecha de alta;Estado\nE-1;Ana Gil;01/02/2024;Jalisco\n"), mapping);
        Assert.Contains("“Jalisco” in the active column cannot be read", Assert.Single(file.Problems).Message.ToString());
        Assert.DoesNotContain("Estado", Notes(file));
    }
}
