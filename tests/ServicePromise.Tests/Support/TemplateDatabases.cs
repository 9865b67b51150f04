using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ServicePromise.Tests.Support;

/// <summary>
/// One freshly started database per site configuration and test run, copied for every later site of that
/// configuration: migrating and seeding the demo organisation (32 password hashes) is most of a site's start.
/// The copy is what the first start wrote, taken right after it (SQLite's online backup), before any test request;
/// the site's folder in the recorded settings is rewritten to the new site's folder, and the data-protection keys
/// are left out, so a copied site makes its own key as a fresh one does. Set <c>SP_TEST_TEMPLATES=0</c> to start
/// every site on an empty file.
/// </summary>
public static class TemplateDatabases
{
    public static bool Enabled { get; } = System.Environment.GetEnvironmentVariable("SP_TEST_TEMPLATES") != "0";

    sealed record Template(string File, string Folder);

    /// <summary>Per configuration: the template, once its first site has started (null if that start failed).</summary>
    static readonly ConcurrentDictionary<string, TaskCompletionSource<Template?>> Templates = new();
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

    /// <summary>
    /// Writes the template for <paramref name="key"/> to <paramref name="databaseFile"/>. False when there is none: this
    /// site is the configuration's first and starts on an empty file (then <see cref="Keep"/> or <see cref="Abandon"/>).
    /// A site whose configuration's first start is still under way waits for it rather than doing the same work.
    /// </summary>
    public static bool CopyTo(string key, string databaseFile, string siteFolder)
    {
        var mine = new TaskCompletionSource<Template?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = Templates.GetOrAdd(key, mine);
        if (pending == mine) return false;
        // The first start runs synchronously on its own thread (the app's entry point): waiting here cannot hold it up.
        if (!pending.Task.Wait(TimeSpan.FromMinutes(10)) || pending.Task.Result is not { } template) return false;

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

    /// <summary>Keeps a copy of the first site's database, just started, as the template for <paramref name="key"/>.</summary>
    public static void Keep(string key, string databaseFile, string siteFolder)
    {
        if (!Templates.TryGetValue(key, out var pending) || pending.Task.IsCompleted) return;
        if (!File.Exists(databaseFile))
        {
            Abandon(key);
            return;
        }
        var file = Path.Combine(Store.Value, Guid.NewGuid().ToString("N") + ".db");
        using (var from = Open(databaseFile, SqliteOpenMode.ReadOnly))
        using (var to = Open(file, SqliteOpenMode.ReadWriteCreate))
        {
            from.BackupDatabase(to);
            if (TableExists(to, "DataProtectionKeys")) Execute(to, "DELETE FROM \"DataProtectionKeys\"");
        }
        if (!pending.TrySetResult(new Template(file, siteFolder))) File.Delete(file);
    }

    /// <summary>The first site of <paramref name="key"/> did not start: the sites waiting start on empty files, and the next one tries again.</summary>
    public static void Abandon(string key)
    {
        if (Templates.TryGetValue(key, out var pending) && pending.TrySetResult(null)) Templates.TryRemove(key, out _);
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
