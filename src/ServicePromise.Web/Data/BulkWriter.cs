using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ServicePromise.Web.Data;

/// <summary>
/// Writes many rows at once for the bulk paths (a staff import of 100,000 people): multi-row <c>INSERT … VALUES</c>
/// and <c>UPDATE … FROM (VALUES …)</c> statements on the context's connection and current transaction, portable to
/// SQLite and PostgreSQL. Table and column names, and how each value is stored (converters, dates, enums), come from
/// the EF model, so a row written here is the row <c>SaveChanges</c> would have written for the same entity — every
/// mapped property included, so columns added to an entity later are written too. Nothing is tracked: the context
/// does not see these rows until it queries them. Entities with a database-generated key get no key back; query
/// them (by a unique column) after writing.
/// </summary>
public static class BulkWriter
{
    /// <summary>
    /// Values per statement. Small on purpose: SQLite finds each named parameter by a linear search, so a statement's
    /// binding cost grows with the square of its parameters; a few hundred keeps it negligible on both databases.
    /// </summary>
    const int MaxParameters = 120;

    /// <returns>The rows written.</returns>
    public static Task<int> BulkInsertAsync<T>(this DbContext db, IReadOnlyCollection<T> entities, CancellationToken ct = default) where T : class =>
        db.BulkInsertAsync(entities, skipConflicts: false, ct);

    /// <param name="skipConflicts">Rows that would break a unique index are left out (<c>ON CONFLICT DO NOTHING</c>, on both
    /// databases) instead of failing the statement: an insert-if-absent claim, with no exception and no error logged.</param>
    /// <returns>The rows written.</returns>
    public static async Task<int> BulkInsertAsync<T>(this DbContext db, IReadOnlyCollection<T> entities, bool skipConflicts, CancellationToken ct = default) where T : class
    {
        if (entities.Count == 0) return 0;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && !p.IsShadowProperty())
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType is var t && (t == typeof(int) || t == typeof(long))))
            .Select(p => (Property: p, Column: sql.DelimitIdentifier(p.GetColumnName(table)!), Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => p.Column))}) VALUES ";
        var perStatement = Math.Max(1, MaxParameters / properties.Count);

        // One command per statement size, prepared once and re-run with new values: the database parses it once.
        DbCommand? command = null;
        var written = 0;
        try
        {
            foreach (var chunk in entities.Chunk(perStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * properties.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = Command(db);
                    var values = new System.Text.StringBuilder(head);
                    for (var r = 0; r < chunk.Length; r++)
                    {
                        values.Append(r == 0 ? "(" : ", (");
                        for (var c = 0; c < properties.Count; c++)
                        {
                            var name = $"p{r}_{c}";
                            command.Parameters.Add(properties[c].Mapping.CreateParameter(command, name, null, properties[c].Property.IsNullable));
                            values.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                        }
                        values.Append(')');
                    }
                    command.CommandText = values.Append(skipConflicts ? " ON CONFLICT DO NOTHING" : "").ToString();
                }
                for (var r = 0; r < chunk.Length; r++)
                    for (var c = 0; c < properties.Count; c++)
                    {
                        var (_, _, mapping, getter) = properties[c];
                        var value = getter.GetClrValueUsingContainingEntity(chunk[r]);
                        if (value is not null && mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
                        command.Parameters[r * properties.Count + c].Value = value ?? DBNull.Value;
                    }
                written += await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
        return written;
    }

    /// <summary>
    /// Sets one column of many rows, each to its own value, by integer key:
    /// <c>UPDATE t SET c = v.column2 FROM (VALUES (@id, @value), …) AS v WHERE t.Id = v.column1</c>.
    /// </summary>
    public static Task<int> BulkSetAsync<T, TValue>(this DbContext db, string property, IReadOnlyCollection<(int Id, TValue Value)> rows, CancellationToken ct = default)
        where T : class => BulkSetByKeyAsync<T, int, TValue>(db, property, rows, ct);

    static async Task<int> BulkSetByKeyAsync<T, TKey, TValue>(DbContext db, string property, IReadOnlyCollection<(TKey Id, TValue Value)> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0) return 0;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var target = entityType.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not mapped.");
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var keyColumn = sql.DelimitIdentifier(key.GetColumnName(table)!);
        var head = $"UPDATE {tableName} SET {sql.DelimitIdentifier(target.GetColumnName(table)!)} = v.column2 FROM (VALUES ";
        var tail = $") AS v WHERE {tableName}.{keyColumn} = v.column1";
        var written = 0;
        foreach (var chunk in rows.Chunk(MaxParameters / 2))
        {
            await using var command = Command(db);
            var text = new System.Text.StringBuilder(head);
            for (var r = 0; r < chunk.Length; r++)
            {
                command.Parameters.Add(key.GetRelationalTypeMapping().CreateParameter(command, $"k{r}", chunk[r].Id, false));
                command.Parameters.Add(target.GetRelationalTypeMapping().CreateParameter(command, $"v{r}", chunk[r].Value, target.IsNullable));
                text.Append(r == 0 ? "(" : ", (").Append(sql.GenerateParameterNamePlaceholder($"k{r}")).Append(", ")
                    .Append(sql.GenerateParameterNamePlaceholder($"v{r}")).Append(')');
            }
            command.CommandText = text.Append(tail).ToString();
            written += await command.ExecuteNonQueryAsync(ct);
        }
        return written;
    }

    static DbCommand Command(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 600;
        return command;
    }
}
