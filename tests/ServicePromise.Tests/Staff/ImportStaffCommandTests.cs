using System.Text;
using Microsoft.Data.Sqlite;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Staff;

/// <summary>The import as a scheduled sync runs it: the web app's executable, a dry run unless told to apply.</summary>
public class ImportStaffCommandTests
{
    static (int ExitCode, string Output) Import(string dbFile, params string[] args) =>
        WebProcess.Run(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = Repo.Content,
            ["ConnectionStrings__Default"] = $"Data Source={dbFile}",
            ["Mail__PickupDirectory"] = Path.Combine(Path.GetDirectoryName(dbFile)!, "mail"),
        }, ["import-staff", .. args]);

    static long Count(string dbFile, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={dbFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var count = (long)command.ExecuteScalar()!;
        SqliteConnection.ClearAllPools();
        return count;
    }

    [Fact]
    public void A_dry_run_reports_and_changes_nothing_apply_applies_the_valid_rows_and_problems_exit_non_zero()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var file = Path.Combine(folder, "plantilla.csv");
        File.WriteAllText(file, """
            employee number,full name,email,hire date,manager
            E-1,Ana Gil,ana@olivo.test,2026-01-10,
            E-2,Luis Mora,luis@olivo.test,10/01/2026,E-1
            E-3,Sin Fecha,sin@olivo.test,mañana,
            """, new UTF8Encoding(true));

        var (dryExit, dry) = Import(dbFile, file);
        Assert.True(dryExit == 1, dry);
        Assert.Contains("line 4: The hire date “mañana” cannot be read", dry);
        Assert.Contains("Dry run (nothing changed; add --apply to apply): 2 to create", dry);
        Assert.Equal(0, Count(dbFile, "SELECT COUNT(*) FROM Employees"));

        var (applyExit, applied) = Import(dbFile, file, "--apply");
        Assert.True(applyExit == 1, applied);
        Assert.Contains("Applied: 2 to create", applied);
        Assert.Contains("2 invitations sent.", applied);
        Assert.Equal(2, Count(dbFile, "SELECT COUNT(*) FROM Employees"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml").Length);

        File.WriteAllText(file, "employee number,full name,email,hire date,manager\nE-1,Ana Gil,ana@olivo.test,2026-01-10,\nE-2,Luis Mora,luis@olivo.test,10/01/2026,E-1\n");
        var (cleanExit, clean) = Import(dbFile, file, "--apply", "--full");
        Assert.True(cleanExit == 0, clean);
        Assert.Contains("Applied: 0 to create, 0 to update, 0 to deactivate, 2 unchanged", clean);
    }

    [Fact]
    public void The_bogota_monterrey_and_lima_samples_import_as_exported_and_say_how_their_ambiguous_headers_were_read()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        foreach (var (sample, people, reading) in new[]
                 {
                     ("bogota.csv", 8, "read: The file has “Área” and “Departamento”: the person’s department is read from “Área”"),
                     ("monterrey.csv", 7, "read: The column “Estado” holds Mexican states (such as “Nuevo León”), not the person’s status: it is not imported."),
                     ("lima.csv", 4, "Applied: 4 to create"),
                 })
        {
            var file = Path.Combine(folder, sample);
            File.WriteAllBytes(file, SampleFilesTests.Sample(sample));
            var (exit, output) = Import(dbFile, file, "--apply");
            Assert.True(exit == 0, output);
            Assert.Contains($"Applied: {people} to create, 0 to update, 0 to deactivate, 0 unchanged, 0 rows with problems", output);
            Assert.Contains(reading, output);
        }
        Assert.Equal(19, Count(dbFile, "SELECT COUNT(*) FROM Employees"));
        Assert.Equal(3, Count(dbFile, "SELECT COUNT(*) FROM Employees WHERE IsActive = 0"));
        // Managers given by name are linked: Lupita's by "ROGELIO TREVIÑO GARZA", Jorge Luis's by "QUISPE MAMANI, ROSA ELENA".
        Assert.Equal(1, Count(dbFile, "SELECT COUNT(*) FROM Employees e JOIN Employees m ON e.ManagerId = m.Id WHERE e.EmployeeNumber = '1002' AND m.EmployeeNumber = '1001'"));
        Assert.Equal(1, Count(dbFile, "SELECT COUNT(*) FROM Employees e JOIN Employees m ON e.ManagerId = m.Id WHERE e.EmployeeNumber = 'LIM-02' AND m.EmployeeNumber = 'LIM-01'"));
    }

    [Fact]
    public void A_file_without_an_email_column_imports_people_who_then_get_letters_not_invitations()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var file = Path.Combine(folder, "plantilla.csv");
        File.WriteAllText(file, "Nº de empleado;Nombre completo;Fecha de alta;Móvil\nC-1;Rosa Vidal;01/12/2026;+34 600 11 22 33\nC-2;Iván Gil;01/12/2026;\n", new UTF8Encoding(true));

        var (exit, output) = Import(dbFile, file, "--apply");
        Assert.True(exit == 0, output);
        Assert.Contains("Applied: 2 to create", output);
        Assert.Contains("2 new people have no email", output);
        Assert.Contains("0 invitations sent.", output);
        Assert.Equal(2, Count(dbFile, "SELECT COUNT(*) FROM AspNetUsers WHERE Email IS NULL AND UserName = Id"));
        Assert.Equal(1, Count(dbFile, "SELECT COUNT(*) FROM Employees WHERE MobilePhone = '+34 600 11 22 33'"));
        Assert.Equal(0, Count(dbFile, "SELECT COUNT(*) FROM Invitations"));
    }

    [Fact]
    public void The_command_uses_the_organisations_saved_mapping()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var file = Path.Combine(folder, "export.csv");
        File.WriteAllText(file, "Referencia,Persona,Buzón,Entrada\nE-1,Ana Gil,ana@olivo.test,2026-01-10\nE-2,Luis Mora,luis@olivo.test,2026-01-11\n");

        var (unmapped, output) = Import(dbFile, file);
        Assert.True(unmapped == 2, output);
        Assert.Contains("is missing", output);

        using (var connection = new SqliteConnection($"Data Source={dbFile}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO StaffImportMappings (Id, Columns, UpdatedAt)
                VALUES (1, '{"EmployeeNumber":"Referencia","FullName":"Persona","Email":"Buzón","HireDate":"Entrada"}', '2026-11-22 10:00:00')
                """;
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var (mapped, dry) = Import(dbFile, file);
        Assert.True(mapped == 0, dry);
        Assert.Contains("2 to create", dry);
    }

    [Fact]
    public void Unrecognised_columns_exit_2_with_a_suggested_map_and_the_command_reads_the_columns_map_names()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var file = Path.Combine(folder, "legajos.csv");
        File.WriteAllText(file, "Legajo,Apellido y nombre,Mail corporativo,Fecha ingreso al puesto\nAR-1,Sofía Benítez,sofia@olivo.test,1º de abril de 2024\nAR-2,Tomás Acuña,tomas@olivo.test,02/05/2024\n");

        var (unmapped, output) = Import(dbFile, file);
        Assert.True(unmapped == 2, output);
        // Email is optional now: the hire date is the required column left out, and the email is still mapped when suggested.
        Assert.Contains("The column “Hire date” is missing", output);
        Assert.Contains("Suggested mapping (check it, then run again with it): ", output);
        Assert.Contains("--map \"Mail corporativo=email\"", output);
        Assert.Contains("--map \"Fecha ingreso al puesto=hire date\"", output);

        // Options before or after the file, a field named in English or Spanish.
        var (mapped, dry) = Import(dbFile, "--map", "Mail corporativo=email", file, "--map", "fecha ingreso al puesto=Fecha de alta");
        Assert.True(mapped == 0, dry);
        Assert.Contains("2 to create", dry);

        var (unknownField, unknownOutput) = Import(dbFile, file, "--map", "Mail corporativo=buzón");
        Assert.True(unknownField == 2, unknownOutput);
        Assert.Contains("unknown field \"buzón\"", unknownOutput);
        var (noColumn, noColumnOutput) = Import(dbFile, file, "--map", "Correo=email");
        Assert.True(noColumn == 2, noColumnOutput);
        Assert.Contains("the file has no column \"Correo\"", noColumnOutput);
        var (twice, twiceOutput) = Import(dbFile, file, "--map", "Mail corporativo=email", "--map", "Fecha ingreso al puesto=email");
        Assert.True(twice == 2, twiceOutput);
        Assert.Contains("\"email\" is mapped twice", twiceOutput);
        Assert.Equal(2, Import(dbFile, file, "--map").ExitCode);
    }

    [Fact]
    public void Wrong_usage_or_a_missing_file_exits_2_with_the_usage()
    {
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-import-").FullName, "app.db");
        var (exit, output) = Import(dbFile, "--apply");
        Assert.Equal(2, exit);
        Assert.Contains("Usage: import-staff FILE.csv", output);
        Assert.Equal(2, Import(dbFile, "/no/such/file.csv").ExitCode);
    }

    [Fact]
    public void A_file_with_too_many_columns_or_a_giant_cell_exits_2_naming_the_problem()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var wide = Path.Combine(folder, "wide.csv");
        File.WriteAllText(wide, string.Join(',', Enumerable.Range(0, 300_000).Select(i => "c" + i)) + "\nA,B\n");
        var (exit, output) = Import(dbFile, wide, "--apply", "--full");
        Assert.True(exit == 2, output);
        Assert.Contains("line 1: Line 1 has more than 200 columns; a staff file has at most 200.", output);
        Assert.Contains("Nothing can be imported from this file.", output);

        var giant = Path.Combine(folder, "giant.csv");
        File.WriteAllText(giant, "employee number,full name,email,hire date\nE-1,\"" + new string('x', 5_000_000) + "\",e@olivo.test,2026-01-01\n");
        var (giantExit, giantOutput) = Import(dbFile, giant);
        Assert.True(giantExit == 2, giantOutput);
        Assert.Contains("A field on line 2 has more than 4000 characters", giantOutput);
    }

    [Fact]
    public void A_file_with_a_utf8_bom_and_bytes_that_are_not_utf8_exits_2_naming_the_problem()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var file = Path.Combine(folder, "plantilla.csv");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("employee number,full name,email,hire date\nE-1,I"), 0xF1, 0xE9,
            .. Encoding.UTF8.GetBytes("s,ines@olivo.test,2026-01-01\n")]);
        var (exit, output) = Import(dbFile, file, "--apply");
        Assert.True(exit == 2, output);
        Assert.Contains("The file says it is UTF-8 but has characters that are not.", output);
        Assert.Contains("Nothing can be imported from this file.", output);
    }

    [Fact]
    public void A_scheduled_full_sync_keeps_the_admin_it_does_not_list_and_refuses_their_email_and_active_flag()
    {
        var folder = Directory.CreateTempSubdirectory("sp-import-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = Repo.Content,
            ["ConnectionStrings__Default"] = $"Data Source={dbFile}",
            ["Mail__PickupDirectory"] = Path.Combine(folder, "mail"),
        };
        var (created, createOutput) = WebProcess.Run(environment, "create-admin", "--email", "ana@olivo.test", "--name", "Ana García");
        Assert.True(created == 0, createOutput);

        // The HR system's export never lists the admin made by create-admin: a full sync must not lock them out,
        // and saying so is not a problem (exit 0).
        var file = Path.Combine(folder, "plantilla.csv");
        File.WriteAllText(file, "employee number,full name,email,hire date\nE-1,Luis Mora,luis@olivo.test,2026-01-10\n");
        var (exit, output) = Import(dbFile, file, "--apply", "--full");
        Assert.True(exit == 0, output);
        Assert.Contains("kept: Ana García (ADMIN-", output);
        Assert.Contains("is not in the file but is not deactivated: this person is an administrator: an admin changes their account on their page.", output);
        Assert.Equal(1, Count(dbFile, "SELECT COUNT(*) FROM Employees WHERE EmployeeNumber LIKE 'ADMIN-%' AND IsActive = 1"));

        // Listing them with another email and inactive: both refused, with the reason (exit 1: rows with problems).
        var number = Number(dbFile);
        File.WriteAllText(file, $"employee number,full name,email,hire date,active\nE-1,Luis Mora,luis@olivo.test,2026-01-10,yes\n{number},Ana García,evil@evil.test,2026-01-10,no\n");
        var (refusedExit, refused) = Import(dbFile, file, "--apply", "--full");
        Assert.True(refusedExit == 1, refused);
        Assert.Contains($"line 3: Ana García ({number}): “Email” is not changed, because this person is an administrator", refused);
        Assert.Contains($"line 3: Ana García ({number}): “Active” is not changed", refused);
        Assert.Equal(1, Count(dbFile, "SELECT COUNT(*) FROM AspNetUsers WHERE Email = 'ana@olivo.test'"));
        Assert.Equal(1, Count(dbFile, "SELECT COUNT(*) FROM Employees WHERE EmployeeNumber LIKE 'ADMIN-%' AND IsActive = 1"));
    }

    static string Number(string dbFile)
    {
        using var connection = new SqliteConnection($"Data Source={dbFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EmployeeNumber FROM Employees WHERE EmployeeNumber LIKE 'ADMIN-%'";
        var number = (string)command.ExecuteScalar()!;
        SqliteConnection.ClearAllPools();
        return number;
    }
}
