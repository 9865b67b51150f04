using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Support;

/// <summary>A real SQLite file in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("sp-test-").FullName;
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(Folder, "test.db"), Pooling = false }.ToString();

    public AppDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
