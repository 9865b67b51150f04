using System.Text;
using ServicePromise.Web.Staff.Import;

namespace ServicePromise.Tests.Staff;

/// <summary>A name split into given names and one or two surnames becomes the full name, in the order people say it.</summary>
public class PersonNameTests
{
    static StaffRow Row(string text)
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes(text));
        Assert.True(file.Problems.Count == 0, string.Join("; ", file.Problems.Select(p => p.Message.ToString())));
        return Assert.Single(file.Rows);
    }

    [Theory]
    [InlineData("María José", null, "García", "López", "María José García López")]
    [InlineData("Juan", "Carlos", "Rodríguez", "Pérez", "Juan Carlos Rodríguez Pérez")]
    [InlineData("Ana", "", "Gómez", "", "Ana Gómez")]
    [InlineData("  Luis  ", null, " de la  Fuente ", null, "Luis de la Fuente")]
    [InlineData("Jo", null, "Smith", null, "Jo Smith")]
    public void Parts_are_joined_given_names_first_then_surnames(string given, string? middle, string surname, string? second, string full) =>
        Assert.Equal(full, PersonName.Join(given, middle, surname, second));

    [Fact]
    public void A_mexican_file_with_paternal_and_maternal_surnames_gives_the_full_name()
    {
        var row = Row("No. de empleado,Nombre(s),Apellido paterno,Apellido materno,Correo,Fecha de ingreso\nMTY-1,María Guadalupe,Treviño,Garza,lupita@olivo.test,15/01/2024\n");
        Assert.Equal("María Guadalupe Treviño Garza", row.FullName);
    }

    [Fact]
    public void A_colombian_file_with_four_name_parts_and_one_surname_missing_gives_the_full_name()
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("""
            Código;Primer nombre;Segundo nombre;Primer apellido;Segundo apellido;Correo electrónico;Fecha de ingreso
            BOG-1;Juan;Carlos;Rodríguez;Pérez;juan@olivo.test;2024-01-15
            BOG-2;Ana;;Gómez;;ana@olivo.test;2024-01-15
            """));
        Assert.Equal(["Juan Carlos Rodríguez Pérez", "Ana Gómez"], file.Rows.Select(r => r.FullName));
    }

    [Fact]
    public void Nombre_beside_apellidos_is_the_given_name_and_on_its_own_the_whole_name()
    {
        Assert.Equal("Lucía Romero Vidal", Row("Nº de empleado;Nombre;Apellidos;Correo;Fecha de alta\nE-1;Lucía;Romero Vidal;lucia@olivo.test;01/02/2025\n").FullName);
        Assert.Equal("Lucía Romero Vidal", Row("Nº de empleado;Nombre;Correo;Fecha de alta\nE-1;Lucía Romero Vidal;lucia@olivo.test;01/02/2025\n").FullName);
        Assert.Equal("Jo Smith", Row("Employee ID,First Name,Last Name,Email,Hire Date\nE-1,Jo,Smith,jo@olivo.test,2025-02-01\n").FullName);
    }

    [Fact]
    public void A_full_name_column_wins_over_the_parts_and_the_parts_fill_in_when_it_is_empty()
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("""
            Employee ID,Worker,Legal First Name,Legal Last Name,Email,Hire Date
            E-1,Jo Smith-Jones,Joanna,Smith,jo@olivo.test,2025-02-01
            E-2,,Ana,Gil,ana@olivo.test,2025-02-01
            """));
        Assert.Equal(["Jo Smith-Jones", "Ana Gil"], file.Rows.Select(r => r.FullName));
    }

    [Fact]
    public void A_row_with_every_name_part_empty_is_refused_as_having_no_name()
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("No. de empleado,Nombre(s),Apellido paterno,Apellido materno,Correo,Fecha de ingreso\nMTY-1,,,,x@olivo.test,15/01/2024\n"));
        Assert.Contains("The full name is missing", Assert.Single(file.Problems).Message.ToString());
    }

    [Fact]
    public void Given_names_without_any_surname_column_are_not_a_full_name()
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("No. de empleado,Nombre(s),Correo,Fecha de ingreso\nMTY-1,Lupita,x@olivo.test,15/01/2024\n"));
        Assert.Contains(file.Problems, p => p.Message.ToString().Contains("The column “Full name” is missing"));
    }

    [Fact]
    public void An_apellido_y_nombre_column_is_turned_round_when_a_comma_says_where_the_surnames_end()
    {
        var file = StaffFile.Read(Encoding.UTF8.GetBytes("""
            Legajo;Apellido y nombre;Mail;Fecha de ingreso
            AR-1;BENÍTEZ ACOSTA, Sofía;sofia@olivo.test;01/04/2024
            AR-2;Acuña Tomás;tomas@olivo.test;01/04/2024
            """));
        Assert.Equal(["Sofía BENÍTEZ ACOSTA", "Acuña Tomás"], file.Rows.Select(r => r.FullName));
        // A full-name column that does not say so is kept as written.
        Assert.Equal("Núñez Crespo, Óscar", Row("Nº de empleado;Nombre completo;Correo;Fecha de alta\nE-1;Núñez Crespo, Óscar;oscar@olivo.test;01/02/2025\n").FullName);
    }
}

/// <summary>Names kept in capitals by payroll systems are written as people write them, Spanish style.</summary>
public class NameCapitalsTests
{
    [Theory]
    [InlineData("GARCÍA LÓPEZ, JUAN CARLOS", "Juan Carlos García López")]
    [InlineData("JUAN CARLOS GARCIA LOPEZ", "Juan Carlos Garcia Lopez")]
    [InlineData("MARÍA DE LA FUENTE Y ORTEGA", "María de la Fuente y Ortega")]
    [InlineData("DEL VALLE PÉREZ, ANA", "Ana del Valle Pérez")]
    [InlineData("LUIS DE LOS RÍOS", "Luis de los Ríos")]
    [InlineData("ARTURO PÉREZ-REVERTE", "Arturo Pérez-Reverte")]
    [InlineData("JOSÉ D'ANGELO", "José D'Angelo")]
    [InlineData("ÑUÑEZ ÁVILA, ÍÑIGO", "Íñigo Ñuñez Ávila")]
    [InlineData("LA TORRE, ROSA", "Rosa La Torre")]
    public void A_name_in_capitals_is_title_cased_with_the_particles_in_lower_case(string written, string read) =>
        Assert.Equal(read, PersonName.FromCapitals(written));

    [Theory]
    [InlineData("Juan Carlos García López")]
    [InlineData("BENÍTEZ ACOSTA, Sofía")]
    [InlineData("Núñez Crespo, Óscar")]
    [InlineData("Ronald McDonald")]
    [InlineData("de la Fuente, ana")]
    [InlineData("1234")]
    public void A_name_with_any_lower_case_letter_is_kept_as_written(string written) =>
        Assert.Equal(written, PersonName.FromCapitals(written));

    [Fact]
    public void Files_in_capitals_are_read_title_cased_whole_or_in_parts()
    {
        var whole = StaffFile.Read(Encoding.UTF8.GetBytes("Nº de empleado;Nombre completo;Fecha de alta\nE-1;GARCÍA LÓPEZ, JUAN CARLOS;01/02/2024\n"));
        Assert.Equal("Juan Carlos García López", Assert.Single(whole.Rows).FullName);
        var parts = StaffFile.Read(Encoding.UTF8.GetBytes("Código;Primer nombre;Segundo nombre;Primer apellido;Segundo apellido;Fecha de ingreso\nB-1;JHON;FREDY;MUÑOZ;DE LA CRUZ;01/08/2023\n"));
        Assert.Equal("Jhon Fredy Muñoz de la Cruz", Assert.Single(parts.Rows).FullName);
    }
}
