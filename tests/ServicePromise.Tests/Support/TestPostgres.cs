using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ServicePromise.Tests.Support;

/// <summary>
/// The PostgreSQL server that tests/run-all.sh starts (SP_TEST_POSTGRES). Each test gets its own
/// database on it, dropped afterwards.
/// </summary>
public sealed class TestPostgres : IDisposable
{
    static string Server => Environment.GetEnvironmentVariable("SP_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException("SP_TEST_POSTGRES is not set: run the tests with 'bash tests/run-all.sh', which starts a throwaway PostgreSQL server.");

    public string Name { get; } = "sp_" + Guid.NewGuid().ToString("N")[..12];
    public string ConnectionString { get; }

    public TestPostgres()
    {
        Execute($"CREATE DATABASE \"{Name}\" ENCODING 'UTF8'");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ToString();
    }

    static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}

/// <summary>The site on a <see cref="TestPostgres"/> database instead of SQLite.</summary>
public sealed class PostgresAppFactory(string connectionString) : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
    }
}
