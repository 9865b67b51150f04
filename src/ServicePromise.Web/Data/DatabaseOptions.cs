using System.ComponentModel.DataAnnotations;

namespace ServicePromise.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded, the default) or PostgreSql (larger organisations, several app instances).</summary>
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be Sqlite or PostgreSql.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
