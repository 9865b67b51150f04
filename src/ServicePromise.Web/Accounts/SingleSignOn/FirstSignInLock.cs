using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePromise.Web.Data;

namespace ServicePromise.Web.Accounts.SingleSignOn;

/// <summary>
/// Held while an identity's first sign-in links it to a person (and perhaps creates the person), so that two first
/// sign-ins of the same identity at once — two tabs, a double click — link it once: the second waits, then finds the
/// first one's link. In this process a semaphore (one of a fixed set, chosen by the identity); on PostgreSQL also a
/// session advisory lock on a connection of its own, so instances sharing the database wait for each other too. Two
/// instances on one SQLite file are covered by the database's own unique keys instead (<see cref="SsoAccounts"/>).
/// </summary>
public sealed class FirstSignInLock : IAsyncDisposable
{
    /// <summary>The advisory lock class: "SSO1" in ASCII (the two-key space, apart from start-up's one-key lock).</summary>
    const int AdvisoryClass = 0x5353_4F31;
    static readonly SemaphoreSlim[] Stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    readonly SemaphoreSlim _stripe;
    readonly NpgsqlConnection? _connection;
    readonly int _key;

    FirstSignInLock(SemaphoreSlim stripe, NpgsqlConnection? connection, int key) => (_stripe, _connection, _key) = (stripe, connection, key);

    public static async Task<FirstSignInLock> AcquireAsync(AppDbContext db, string scheme, string subject, CancellationToken ct = default)
    {
        var key = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(scheme + "\n" + subject)));
        var stripe = Stripes[(key & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync(ct);
        NpgsqlConnection? connection = null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                // Unpooled: closing the connection ends the session, and the lock with it, whatever happens.
                connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
                await connection.OpenAsync(ct);
                await ExecuteAsync(connection, "SELECT pg_advisory_lock(@class, @key)", key, ct);
            }
            return new FirstSignInLock(stripe, connection, key);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            stripe.Release();
            throw;
        }
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 60 };
        command.Parameters.AddWithValue("class", AdvisoryClass);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteScalarAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection is not null)
            {
                try
                {
                    await ExecuteAsync(_connection, "SELECT pg_advisory_unlock(@class, @key)", _key, CancellationToken.None);
                }
                catch (NpgsqlException)
                {
                    // The session is gone, and with it the lock.
                }
                await _connection.DisposeAsync();
            }
        }
        finally
        {
            _stripe.Release();
        }
    }
}
