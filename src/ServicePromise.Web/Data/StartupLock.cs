using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ServicePromise.Web.Data;

/// <summary>
/// Serialises start-up (migrations, roles, first edition, demo data, onboarding) across every instance that shares
/// the database, so instances started together never run the same step twice.
/// </summary>
/// <remarks>
/// EF Core's own migration lock does not cover this. On PostgreSQL, Npgsql takes it as
/// <c>LOCK TABLE "__EFMigrationsHistory" IN ACCESS EXCLUSIVE MODE</c> inside the transaction of each migration, so it
/// is released at every migration's commit, while the list of pending migrations was read once: the instance that
/// waited during one migration then applies the next one the other instance has just applied
/// (<c>column "SupersededAt" … already exists</c>). And it covers migrations only, not the seeding after them.
/// PostgreSQL: a session advisory lock on a connection of its own, held for the whole start-up and released by the
/// server if the process dies. SQLite: an exclusive lock on a file beside the database (flock on Linux), which the
/// kernel releases if the process dies.
/// </remarks>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: "SPSTARTU" in ASCII. Advisory locks are per database.</summary>
    const long AdvisoryKey = 0x5350_5354_4152_5455;

    readonly NpgsqlConnection? _connection;
    readonly FileStream? _file;

    StartupLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    public static async Task<StartupLock> AcquireAsync(AppDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (db.Database.IsNpgsql()) return new StartupLock(await AdvisoryLockAsync(db, connectionString, logger, ct), null);
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            return new StartupLock(null, null);
        return new StartupLock(null, await FileLockAsync(Path.GetFullPath(path) + ".startup-lock", logger, ct));
    }

    static async Task<NpgsqlConnection> AdvisoryLockAsync(AppDbContext db, string connectionString, ILogger logger, CancellationToken ct)
    {
        // Not from the pool's shared state: the lock belongs to this session, and the session must outlive every
        // connection EF opens and closes during start-up.
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // No database yet (EF's Migrate would have created it): create it here, once, whoever wins.
            try
            {
                await db.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
            }
            catch (PostgresException created) when (created.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
            await connection.OpenAsync(ct);
        }

        if (!await ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(@key)", ct))
        {
            logger.LogInformation("Another instance is preparing the database; waiting for it to finish.");
            // No command timeout: a first start's migrations and seeding take as long as they take.
            await ScalarAsync<object>(connection, "SELECT pg_advisory_lock(@key)", ct, timeoutSeconds: 0);
        }
        return connection;
    }

    static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, int timeoutSeconds = 30)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        command.Parameters.AddWithValue("key", AdvisoryKey);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    static async Task<FileStream> FileLockAsync(string path, ILogger logger, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var waiting = false;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive lock that other processes (and other handles here) are refused.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!ct.IsCancellationRequested)
            {
                if (!waiting) logger.LogInformation("Another instance is preparing the database; waiting for it to finish.");
                waiting = true;
                await Task.Delay(100, ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null) await _file.DisposeAsync();
        if (_connection is null) return;
        try
        {
            await ScalarAsync<bool>(_connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The session is gone, and with it the lock.
        }
        await _connection.DisposeAsync();
    }
}
