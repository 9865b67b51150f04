using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Data;

/// <summary>The hand-written migrations must build exactly the schema the EF model describes.</summary>
public class MigrationsTests
{
    [Fact]
    public async Task Migrated_sqlite_schema_equals_the_model_schema()
    {
        using var migrated = new TempDatabase();
        using var created = new TempDatabase();
        await using (var db = migrated.CreateContext()) await db.MigrateAsync();
        await using (var db = created.CreateContext()) await db.Database.EnsureCreatedAsync();

        var expected = Describe(created.ConnectionString);
        var actual = Describe(migrated.ConnectionString);

        SchemaAssert.Same(expected, actual);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing_and_uses_wal()
    {
        using var temp = new TempDatabase();
        await using (var db = temp.CreateContext()) await db.MigrateAsync();
        var first = Describe(temp.ConnectionString);
        await using (var db = temp.CreateContext()) await db.MigrateAsync();
        Assert.Equal(first, Describe(temp.ConnectionString));

        using var connection = new SqliteConnection(temp.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    /// <summary>Every table, column, index and foreign key as one comparable line each.</summary>
    static List<string> Describe(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock', 'sqlite_sequence')")
            .Select(r => (string)r[0]!).ToList();
        foreach (var table in tables)
        {
            foreach (var c in Query(connection, $"PRAGMA table_info(\"{table}\")"))
                lines.Add($"column {table}.{c[1]} type={c[2]} notnull={c[3]} default={c[4]} pk={c[5]}");
            foreach (var i in Query(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var name = (string)i[1]!;
                var columns = string.Join(",", Query(connection, $"PRAGMA index_info(\"{name}\")").Select(x => x[2]));
                lines.Add($"index {table}.{name} unique={i[2]} origin={i[3]} partial={i[4]} columns={columns}");
            }
            foreach (var f in Query(connection, $"PRAGMA foreign_key_list(\"{table}\")"))
                lines.Add($"fk {table}.{f[3]} -> {f[2]}.{f[4]} on_delete={f[6]}");
            var sql = Query(connection, $"SELECT sql FROM sqlite_master WHERE type='table' AND name='{table}'").Single()[0] as string ?? "";
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)) lines.Add($"autoincrement {table}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
