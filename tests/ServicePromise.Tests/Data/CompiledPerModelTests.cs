using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Data;

public class CompiledPerModelTests
{
    static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<string?>>> NameOf = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string prefix, CancellationToken ct) =>
            db.Departments.Where(d => d.Name.StartsWith(prefix)).Select(d => d.Name).FirstOrDefault()));

    [Fact]
    public async Task One_compiled_query_runs_on_a_sqlite_and_a_postgresql_model_in_the_same_process()
    {
        using var file = new TempDatabase();
        using var server = new TestPostgres();
        await using var sqlite = file.CreateContext();
        await using var postgres = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(server.ConnectionString).Options);
        foreach (var db in new[] { sqlite, postgres })
        {
            await db.MigrateAsync();
            db.Departments.Add(new() { Name = db == sqlite ? "Tiendas en SQLite" : "Tiendas en PostgreSQL" });
            await db.SaveChangesAsync();
        }

        // EF alone binds a compiled query to the first model and throws on the second.
        Assert.Equal("Tiendas en SQLite", await NameOf.For(sqlite)(sqlite, "Tiendas", default));
        Assert.Equal("Tiendas en PostgreSQL", await NameOf.For(postgres)(postgres, "Tiendas", default));
        Assert.Equal("Tiendas en SQLite", await NameOf.For(sqlite)(sqlite, "Tiendas", default));
    }
}
