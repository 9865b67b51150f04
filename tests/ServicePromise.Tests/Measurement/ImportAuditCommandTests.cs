using System.Text;
using Microsoft.Data.Sqlite;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Measurement;

/// <summary>The audit import as a scheduled job runs it: the web app's executable, a dry run unless told to apply, the exit codes of import-staff.</summary>
public class ImportAuditCommandTests
{
    static (int ExitCode, string Output) Import(string dbFile, params string[] args) =>
        WebProcess.Run(new Dictionary<string, string>
        {
            // The demo organisation gives the file its stores; its own audits stay out so only this file's rows count.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["App__SeedDemoAudits"] = "false",
            ["Content__Path"] = Repo.Content,
            ["ConnectionStrings__Default"] = $"Data Source={dbFile}",
            ["Mail__PickupDirectory"] = Path.Combine(Path.GetDirectoryName(dbFile)!, "mail"),
        }, ["import-audit", .. args]);

    static long Results(string dbFile)
    {
        using var connection = new SqliteConnection($"Data Source={dbFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AuditResults";
        var count = (long)command.ExecuteScalar()!;
        SqliteConnection.ClearAllPools();
        return count;
    }

    [Fact]
    public void A_dry_run_changes_nothing_a_problem_row_stops_the_whole_file_and_applying_twice_records_once()
    {
        var folder = Directory.CreateTempSubdirectory("sp-audit-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var file = Path.Combine(folder, "octubre.csv");
        const string header = "Tienda;Periodo;Fuente;Estándar;Puntuación;Muestra;Comentario\n";
        const string good = "Sevilla Centro;2026-10;Q-Shop;escucha-sin-interrumpir;62,5;12;Me cortaron a media frase\n"
            + "Málaga;2026-10;Q-Shop;escucha-sin-interrumpir;84;10;\n";
        // Windows-1252, as a spreadsheet on Windows saves it: the accents must still read.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(file, Encoding.GetEncoding(1252).GetBytes(header + good
            + "Tienda Fantasma;2026-10;Q-Shop;escucha-sin-interrumpir;70;10;\n" + "Málaga;2026-10;Q-Shop;informacion-clara;91;3;\n"));

        var (badExit, bad) = Import(dbFile, file, "--apply");
        Assert.True(badExit == 1, bad);
        Assert.Contains("line 4: there is no store called “Tienda Fantasma”", bad);
        Assert.Contains("line 5: sample too small: 3; the minimum is 5", bad);
        Assert.Contains("Nothing applied (fix the rows with problems and run again): 2 new", bad);
        Assert.Equal(0, Results(dbFile));

        File.WriteAllText(file, header + good, new UTF8Encoding(true));
        var (dryExit, dry) = Import(dbFile, file);
        Assert.True(dryExit == 0, dry);
        Assert.Contains("Dry run (nothing changed; add --apply to apply): 2 new, 0 corrections, 0 unchanged, 0 rows with problems", dry);
        Assert.Equal(0, Results(dbFile));

        var (applyExit, applied) = Import(dbFile, file, "--apply");
        Assert.True(applyExit == 0, applied);
        Assert.Contains("Applied: 2 new", applied);
        Assert.Equal(2, Results(dbFile));

        var (againExit, again) = Import(dbFile, file, "--apply");
        Assert.True(againExit == 0, again);
        Assert.Contains("Already imported on", again);
        Assert.Equal(2, Results(dbFile));
    }

    [Fact]
    public void Wrong_usage_or_a_missing_file_exits_2_with_the_reason()
    {
        var folder = Directory.CreateTempSubdirectory("sp-audit-").FullName;
        var dbFile = Path.Combine(folder, "app.db");
        var (usageExit, usage) = Import(dbFile);
        Assert.True(usageExit == 2, usage);
        Assert.Contains("Usage: import-audit FILE.csv [--apply]", usage);

        var (missingExit, missing) = Import(dbFile, Path.Combine(folder, "no-existe.csv"), "--apply");
        Assert.True(missingExit == 2, missing);
        Assert.Contains("File not found:", missing);
    }
}
