using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
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

    /// <summary>
    /// The model snapshot (written by dotnet-ef) describes the model as the migrations left it, for both providers:
    /// a model change without its migration fails here, and <c>dotnet ef migrations add</c> writes only what changed.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_model_snapshot_leaves_no_pending_model_changes(DatabaseProvider provider)
    {
        using var db = DesignTimeContext(provider);
        Assert.Equal(provider == DatabaseProvider.Sqlite, db.Database.IsSqlite());
        var pending = db.Database.HasPendingModelChanges();
        Assert.True(!pending, pending ? "Pending model changes (add a migration with dotnet ef migrations add):\n" + string.Join("\n", PendingChanges(provider)) : "");
    }

    static AppDbContext DesignTimeContext(DatabaseProvider provider) =>
        new DesignTimeDbContextFactory().CreateDbContext(["--provider", provider.ToString()]);

    /// <summary>What the next migration would do, as one line per operation, for the failure message.</summary>
    static List<string> PendingChanges(DatabaseProvider provider)
    {
        using var db = DesignTimeContext(provider);
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        if (snapshot is IMutableModel mutable) snapshot = mutable.FinalizeModel();
        if (snapshot is not null) snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(snapshot?.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        return operations.Select(o => o switch
        {
            AlterColumnOperation a => $"alter column {a.Table}.{a.Name}: {a.OldColumn.ColumnType} -> {a.ColumnType}, nullable {a.OldColumn.IsNullable} -> {a.IsNullable}, annotations [{string.Join(", ", a.OldColumn.GetAnnotations().Select(x => x.Name + "=" + x.Value))}] -> [{string.Join(", ", a.GetAnnotations().Select(x => x.Name + "=" + x.Value))}]",
            AddColumnOperation a => $"add column {a.Table}.{a.Name}",
            DropColumnOperation d => $"drop column {d.Table}.{d.Name}",
            CreateTableOperation c => $"create table {c.Name}",
            DropTableOperation d => $"drop table {d.Name}",
            CreateIndexOperation c => $"create index {c.Table}.{c.Name}",
            DropIndexOperation d => $"drop index {d.Table}.{d.Name}",
            AlterDatabaseOperation a => $"alter database [{string.Join(", ", a.OldDatabase.GetAnnotations().Select(x => x.Name + "=" + x.Value))}] -> [{string.Join(", ", a.GetAnnotations().Select(x => x.Name + "=" + x.Value))}]",
            _ => o.GetType().Name,
        }).ToList();
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
