using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ServicePromise.Web.Data;

public static class DatabaseExtensions
{
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var provider = builder.Configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var connectionString = ResolveConnectionString(builder.Configuration.GetConnectionString("Default"), provider, builder.Environment.ContentRootPath);

        // Pooled: a page's context comes with its EF services already built (a tenth of a signed-in page's time when each
        // request built its own). A pooled context is reset on return, so nothing carries over between requests.
        builder.Services.AddDbContextPool<AppDbContext>(options =>
        {
            // Collections in a projection are read by queries of their own. In one query SQLite joins them as a
            // derived table it cannot flatten — every pillar of every assignment, read before filtering: a minute
            // per employee page at 100,000 people (docs/benchmarks.md).
            if (provider == DatabaseProvider.PostgreSql) options.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
            else options.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    /// <summary>With no connection string, a SQLite file in a data folder beside the app.</summary>
    public static string ResolveConnectionString(string? configured, DatabaseProvider provider, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (provider == DatabaseProvider.PostgreSql)
            throw new OptionsValidationException("ConnectionStrings:Default", typeof(DatabaseOptions),
                ["ConnectionStrings:Default is required when Database:Provider is PostgreSql."]);
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "servicepromise.db") }.ToString();
    }

    /// <summary>Applies the migrations; SQLite files are switched to WAL so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
    }
}
