using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ServicePromise.Tests.Support;

/// <summary>
/// One freshly started database per site configuration and test run, copied for every later site of that
/// configuration: migrating and seeding the demo organisation (31 password hashes) is most of a site's start.
/// The copy is what the first start wrote, taken right after it (SQLite's online backup), before any test request;
/// the site's folder in the recorded settings is rewritten to the new site's folder, and the data-protection keys
/// are left out, so a copied site makes its own key as a fresh one does. Set <c>SP_TEST_TEMPLATES=0</c> to start
/// every site on an empty file.
/// </summary>
public static class TemplateDatabases
{
    public static bool Enabled { get; } = System.Environment.GetEnvironmentVariable("SP_TEST_TEMPLATES") != "0";

    sealed record Template(string File, string Folder);

    static readonly ConcurrentDictionary<string, Template> Templates = new();
    static readonly Lazy<string> Store = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("sp-templates-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        return folder;
    });

    /// <summary>Keeps a copy of a site's database, just started, as the template for <paramref name="key"/> (the first one wins).</summary>
    public static void Keep(string key, string databaseFile, string siteFolder)
    {
        if (Templates.ContainsKey(key) || !File.Exists(databaseFile)) return;
        var file = Path.Combine(Store.Value, Guid.NewGuid().ToString("N") + ".db");
        using (var from = Open(databaseFile, SqliteOpenMode.ReadOnly))
        using (var to = Open(file, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);
            if (TableExists(to, "DataProtectionKeys")) Execute(to, "DELETE FROM \"DataProtectionKeys\"");
        }
        if (!Templates.TryAdd(key, new Template(file, siteFolder))) File.Delete(file);
    }

    /// <summary>Writes the template for <paramref name="key"/> to <paramref name="databaseFile"/>, if there is one yet.</summary>
    public static bool CopyTo(string key, string databaseFile, string siteFolder)
    {
        if (!Templates.TryGetValue(key, out var template)) return false;
        File.Copy(template.File, databaseFile, overwrite: false);
        using var db = Open(databaseFile, SqliteOpenMode.ReadWrite);
        // The settings snapshot of the first start names that site's folders (mail, evidence); this site has its own.
        // The audit log is append-only (triggers): they step aside for this one rewrite and come back as they were.
        Execute(db, "BEGIN IMMEDIATE");
        var triggers = Triggers(db, "AuditEntries");
        foreach (var (name, _) in triggers) Execute(db, $"DROP TRIGGER \"{name}\"");
        Execute(db, "UPDATE \"AuditEntries\" SET \"Details\" = replace(\"Details\", $from, $to) WHERE instr(\"Details\", $from) > 0",
            ("$from", template.Folder), ("$to", siteFolder));
        foreach (var (_, sql) in triggers) Execute(db, sql);
        Execute(db, "COMMIT");
        return true;
    }

    static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    static List<(string Name, string Sql)> Triggers(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $table";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var triggers = new List<(string, string)>();
        while (reader.Read()) triggers.Add((reader.GetString(0), reader.GetString(1)));
        return triggers;
    }

    static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    static void Execute(SqliteConnection connection, string sql, params (string Name, string Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
