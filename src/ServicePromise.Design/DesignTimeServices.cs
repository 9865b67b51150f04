using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ServicePromise.Design;

/// <summary>dotnet-ef finds this in its startup project and writes the model snapshot through it.</summary>
public sealed class DesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection services) => services
        .AddSingleton<ICSharpSnapshotGenerator, ProviderNeutralSnapshotGenerator>()
        .AddSingleton<ICSharpMigrationOperationGenerator, ProviderNeutralMigrationOperationGenerator>();
}

/// <summary>
/// One set of migrations serves SQLite and PostgreSQL, so the snapshot they end in must too. EF writes each column's
/// store type for the provider it ran with ("TEXT" or "character varying(200)"); the other provider would read every one
/// as a change. Leaving the store types out lets each provider derive them from the CLR type and facets, as the
/// migrations do. Provider annotations stay: each provider's differ reads only its own (Npgsql identity columns).
/// A column type configured explicitly with HasColumnType is kept.
/// </summary>
public sealed class ProviderNeutralSnapshotGenerator(CSharpSnapshotGeneratorDependencies dependencies) : CSharpSnapshotGenerator(dependencies)
{
    protected override void GeneratePropertyAnnotations(string propertyBuilderName, IProperty property, IndentedStringBuilder stringBuilder)
    {
        if (property.FindAnnotation(RelationalAnnotationNames.ColumnType) is not null)
        {
            base.GeneratePropertyAnnotations(propertyBuilderName, property, stringBuilder);
            return;
        }
        // The base class writes into a builder at the same indentation; its output comes back without HasColumnType.
        var own = new IndentedStringBuilder();
        for (var i = 0; i < stringBuilder.IndentCount; i++) own.IncrementIndent();
        base.GeneratePropertyAnnotations(propertyBuilderName, property, own);

        var lines = own.ToString().Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith(".HasColumnType(", StringComparison.Ordinal));
        if (index > 0)
        {
            var line = lines[index].TrimEnd('\r');
            // The last call of the chain carries its semicolon: hand it to the call before.
            if (line.EndsWith(';')) lines[index - 1] = lines[index - 1].TrimEnd('\r') + ";" + (lines[index - 1].EndsWith('\r') ? "\r" : "");
            lines.RemoveAt(index);
        }
        var text = string.Join('\n', lines);
        var endsWithLine = text.EndsWith('\n');
        stringBuilder.Append(endsWithLine ? text[..text.TrimEnd('\n').TrimEnd('\r').Length] : text);
        if (endsWithLine) stringBuilder.AppendLine();
        // The base class closed the property's indentation on its own builder; close it on the real one too.
        for (var i = own.IndentCount; i < stringBuilder.IndentCount; i++) stringBuilder.DecrementIndent();
    }
}

/// <summary>
/// Writes the next migration the way the hand-written ones are: no store types (each provider derives its own from the
/// CLR type and facets) and an integer key's generation annotated for both providers side by side.
/// </summary>
public sealed class ProviderNeutralMigrationOperationGenerator(CSharpMigrationOperationGeneratorDependencies dependencies) : CSharpMigrationOperationGenerator(dependencies)
{
    const string SqliteAutoincrement = "Sqlite:Autoincrement";
    const string NpgsqlValueGeneration = "Npgsql:ValueGenerationStrategy";

    public override void Generate(string builderName, IReadOnlyList<MigrationOperation> operations, IndentedStringBuilder builder)
    {
        foreach (var column in operations.SelectMany(Columns))
        {
            column.ColumnType = null;
            if (column[NpgsqlValueGeneration] is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn && column[SqliteAutoincrement] is null)
                column.AddAnnotation(SqliteAutoincrement, true);
            else if (column[SqliteAutoincrement] is true && column[NpgsqlValueGeneration] is null)
                column.AddAnnotation(NpgsqlValueGeneration, NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }
        base.Generate(builderName, operations, builder);
    }

    static IEnumerable<ColumnOperation> Columns(MigrationOperation operation) => operation switch
    {
        CreateTableOperation table => table.Columns,
        AlterColumnOperation alter => [alter, alter.OldColumn],
        ColumnOperation column => [column],
        _ => [],
    };
}
