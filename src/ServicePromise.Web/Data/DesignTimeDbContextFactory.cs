using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServicePromise.Web.Data;

/// <summary>
/// What dotnet-ef builds the model with (migrations add): the DbContext alone, without starting the site.
/// SQLite unless told <c>-- --provider PostgreSql</c>; no database is opened to add a migration.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        var provider = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault();
        if (string.Equals(provider, nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase))
            options.UseNpgsql("Host=localhost;Database=servicepromise");
        else
            options.UseSqlite("Data Source=design-time.db");
        return new AppDbContext(options.Options);
    }
}
