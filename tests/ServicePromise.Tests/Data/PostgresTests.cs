using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServicePromise.Tests.Coaching;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Data;

/// <summary>The same migrations and queries on PostgreSQL, the option for larger organisations.</summary>
public class PostgresTests
{
    [Fact]
    public async Task Migrated_postgres_schema_equals_the_model_schema()
    {
        using var migrated = new TestPostgres();
        using var created = new TestPostgres();
        await using (var db = Context(migrated.ConnectionString)) await db.MigrateAsync();
        await using (var db = Context(created.ConnectionString)) await db.Database.EnsureCreatedAsync();

        var expected = await DescribeAsync(created.ConnectionString);
        var actual = await DescribeAsync(migrated.ConnectionString);
        SchemaAssert.Same(expected, actual);
    }

    [Fact]
    public async Task The_site_runs_on_postgres_from_sign_in_to_certificate()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        var home = await client.GetPageAsync("/");
        foreach (var link in home.QuerySelectorAll(".pillar-item a").Select(a => a.GetAttribute("href")!))
            await UserStories.CompletePillarAsync(client, link, "Atiendo a los clientes de la caja y a mis compañeras del turno; mi acción concreta será preguntar antes de responder desde mañana.");
        Assert.Contains("¡Has completado la promesa!", (await client.GetPageAsync("/")).Text());

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var completed = await hr.GetPageAsync("/hr/completion?status=Completed&q=Luc%C3%ADa");
        Assert.Contains("Lucía Romero Sánchez", completed.Text());
        var overdue = await hr.GetPageAsync("/hr/completion?status=Overdue");
        Assert.Contains("4 personas", overdue.Text());
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/hr/completion?handler=Csv")).StatusCode);

        // The dashboard's grouped counts, and every employee's copy of their state kept in step, on PostgreSQL too.
        var dashboard = await hr.GetPageAsync("/hr/dashboard");
        Assert.Equal("4", dashboard.QuerySelector("section[aria-labelledby=summary-heading] .stat.status-overdue .stat-value")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/hr/dashboard/manager")).StatusCode);
        Assert.Empty(await app.WithDbAsync(db => ServicePromise.Web.Learning.EmployeeProgress.DriftAsync(db)));
    }

    [Fact]
    public async Task Reissue_bulk_download_and_evidence_pack_work_on_postgres()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        app.Settings["Evidence:WorkerEnabled"] = "false";
        var old = await app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Employee!.EmployeeNumber == "MO-0102"));
        // Four simultaneous reissues: the conditional update and the filtered unique index leave one new certificate.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Certificates.CertificateIssuer>().ReissueAsync(old.Id, old.EmployeeId, "pg", null);
        }));
        Assert.Single(results, r => r.Outcome == ServicePromise.Web.Certificates.ReissueOutcome.Reissued);
        Assert.Equal(2, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.AssignmentId == old.AssignmentId)));

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var zip = await hr.GetAsync("/hr/completion?handler=Certificates&q=MO-0102");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using (var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync()))
            Assert.EndsWith(results.Single(r => r.Certificate is not null).Certificate!.Code + ".pdf", Assert.Single(archive.Entries).FullName);

        var id = await app.WithDbAsync(async db =>
        {
            var pack = new ServicePromise.Web.Evidence.EvidencePack { RequestedAt = DateTime.UtcNow, RequestedByName = "pg", Status = ServicePromise.Web.Evidence.EvidencePackStatus.Requested };
            db.EvidencePacks.Add(pack);
            await db.SaveChangesAsync();
            return pack.Id;
        });
        var built = await Task.WhenAll(new[] { "a", "b", "c" }.Select(async worker =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Evidence.EvidencePackBuilder>().RunOnceAsync(worker);
        }));
        Assert.Single(built, b => b);
        var done = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.True(done.Status == ServicePromise.Web.Evidence.EvidencePackStatus.Ready, done.Error);
    }

    [Fact]
    public async Task The_bulk_staff_import_works_on_postgres()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        var file = new System.IO.StringWriter();
        ServicePromise.Web.Staff.Import.StaffCsvGenerator.Write(file, 300);
        var bytes = System.Text.Encoding.UTF8.GetBytes(file.ToString());
        async Task<ServicePromise.Web.Staff.Import.StaffImportResult> ApplyAsync(byte[] content)
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Staff.Import.StaffImporter>().ApplyAsync(content, fullImport: false);
        }

        var applied = await ApplyAsync(bytes);
        Assert.Equal(300, applied.Plan!.Creates);
        var (people, managed, assigned, pillars) = await app.WithDbAsync(async db => (
            await db.Employees.CountAsync(e => e.EmployeeNumber.StartsWith("S-")),
            await db.Employees.CountAsync(e => e.EmployeeNumber.StartsWith("S-") && e.ManagerId != null),
            await db.Employees.CountAsync(e => e.EmployeeNumber.StartsWith("S-") && e.IsActive && e.CurrentAssignmentId != null),
            await db.AssignmentPillars.CountAsync(p => p.Assignment!.Employee!.EmployeeNumber.StartsWith("S-"))));
        Assert.Equal((300, 299), (people, managed));
        Assert.Equal(assigned * 5, pillars);
        Assert.Equal(applied.Invited, await app.SendInvitationsAsync());
        Assert.Empty((await ApplyAsync(bytes)).Plan!.Changes);
    }

    [Fact]
    public async Task Reviews_and_reminders_work_on_postgres()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        app.Settings["Reflections:ReviewRequired"] = "true";
        // Laura's last pillar, approved by her manager: the assignment completes under the claim, with its certificate.
        var id = await app.SendReflectionAsync(Coach.Email("laura.gallego"), "internal-customer");
        var rocio = await app.SignedInAsync(Coach.Rocio);
        var page = await rocio.GetPageAsync($"/reviews/{id}");
        var approve = new Dictionary<string, string> { ["Decision"] = "Approved" };
        var both = await Task.WhenAll(rocio.SubmitAsync(page, "form#decision", approve), rocio.SubmitAsync(page, "form#decision", approve));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.Employee!.EmployeeNumber == "MO-0403")));

        // Two reminders at once: the person's row lock lets one through.
        var team = await rocio.GetPageAsync("/team");
        var jorge = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0404").Select(e => e.Id).SingleAsync());
        var nudges = await Task.WhenAll(rocio.SubmitAsync(team, $"#nudge-{jorge}", new Dictionary<string, string>()), rocio.SubmitAsync(team, $"#nudge-{jorge}", new Dictionary<string, string>()));
        Assert.All(nudges, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Nudges.CountAsync(n => n.EmployeeId == jorge)));
        Assert.Single(app.Mails(), m => m.Contains("jorge.pena@"));
    }

    static AppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);

    static async Task<List<string>> DescribeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        async Task Read(string sql, Func<NpgsqlDataReader, string> line)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(line(reader));
        }
        const string ours = "table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')";
        await Read($"""
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, -1), is_nullable, coalesce(column_default, ''), is_identity
            FROM information_schema.columns WHERE {ours}
            """, r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) null={r.GetString(4)} default={r.GetString(5)} identity={r.GetString(6)}");
        await Read("""
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """, r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}");
        await Read("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
            JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT LIKE '%EFMigrations%'
            """, r => $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}");
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
