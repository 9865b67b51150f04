using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Audit;

/// <summary>The audit log: privileged actions recorded with who, when, what and from where; read by admins only; never rewritten.</summary>
public class AuditLogTests
{
    static Task<List<AuditEntry>> EntriesAsync(AppFactory app, string action) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Revocations_reissues_and_exports_by_hr_are_logged_with_who_what_and_from_where()
    {
        using var app = new AppFactory();
        var (personId, code) = await DemoCertificates.ManuelsAsync(app);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync($"/hr/people/{personId}");

        // A refused revocation (no reason) records nothing; the real one records one entry, however often it is sent.
        await hr.SubmitAsync(page, "#certificates ~ ul form", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Empty(await EntriesAsync(app, AuditActions.CertificateRevoked));
        var fields = new Dictionary<string, string> { ["reason"] = "Emitido por error", ["confirm"] = "true" };
        await hr.SubmitAsync(page, "#certificates ~ ul form", fields);
        await hr.SubmitAsync(page, "#certificates ~ ul form", fields);
        var revoked = Assert.Single(await EntriesAsync(app, AuditActions.CertificateRevoked));
        Assert.StartsWith("Marta", revoked.ActorName);
        Assert.NotNull(revoked.ActorEmployeeId);
        Assert.Equal(personId, revoked.SubjectEmployeeId);
        Assert.Contains("MO-0102", revoked.Subject);
        Assert.NotEqual(AuditOrigins.System, revoked.Origin);
        Assert.True(revoked.At > DateTime.UtcNow.AddMinutes(-5) && revoked.At <= DateTime.UtcNow.AddSeconds(1));
        var details = AuditLog.ReadDetails(revoked.Details).ToDictionary();
        Assert.Equal(code, details["certificate"]);
        Assert.Equal("Emitido por error", details["reason"]);

        page = await hr.GetPageAsync($"/hr/people/{personId}");
        await hr.SubmitAsync(page, "form.reissue", new Dictionary<string, string> { ["reissueReason"] = "Nombre corregido", ["reissueConfirm"] = "true" });
        var reissued = Assert.Single(await EntriesAsync(app, AuditActions.CertificateReissued));
        var newCode = await app.WithDbAsync(db => db.Certificates.Where(c => c.EmployeeId == personId && c.ReplacedAt == null).Select(c => c.Code).SingleAsync());
        var reissue = AuditLog.ReadDetails(reissued.Details).ToDictionary();
        Assert.Equal(code, reissue["certificate"]);
        Assert.Equal(newCode, reissue["replacedBy"]);
        Assert.Equal("Nombre corregido", reissue["reason"]);

        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/hr/completion?handler=Csv&department=&q=Ortiz")).StatusCode);
        var exported = Assert.Single(await EntriesAsync(app, AuditActions.CompletionExported));
        Assert.Equal("Ortiz", AuditLog.ReadDetails(exported.Details).ToDictionary()["q"]);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/hr/completion?handler=Certificates")).StatusCode);
        var zip = Assert.Single(await EntriesAsync(app, AuditActions.CertificatesDownloaded));
        Assert.Equal("-", AuditLog.ReadDetails(zip.Details).ToDictionary()["filter"]);
    }

    [Fact]
    public async Task Publishing_an_edition_is_logged_with_the_admin_and_the_note()
    {
        var content = Repo.CopyContent();
        using var app = new AppFactory { ContentPath = content };
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);
        var path = Path.Combine(content, "es/pillars/02-tell-the-truth.md");
        File.WriteAllText(path, File.ReadAllText(path) + "\nSi hoy no puedes responder, di cuándo lo harás.\n");
        var page = await admin.GetPageAsync("/admin/content");
        var published = await admin.SubmitAsync(page, "form[action*='handler=Publish']", new Dictionary<string, string> { ["Input.Note"] = "Pilar 2 aclarado", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var entry = Assert.Single(await EntriesAsync(app, AuditActions.ContentPublished), e => e.Subject == "2");
        Assert.StartsWith("Pablo", entry.ActorName);
        Assert.Equal("2", entry.Subject);
        var details = AuditLog.ReadDetails(entry.Details).ToDictionary();
        Assert.Equal("Pilar 2 aclarado", details["note"]);
        Assert.Equal("2", details["edition"]);
    }

    [Theory]
    [InlineData(Pages.Hr)]
    [InlineData(Pages.Employee)]
    public async Task Only_admins_read_the_log(string who)
    {
        using var app = new AppFactory();
        var client = app.Browser();
        await client.SignedInAsync(who);
        foreach (var url in new[] { "/admin/audit", "/admin/audit?handler=Csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_admin_page_filters_pages_and_exports_the_log_safely()
    {
        using var app = new AppFactory();
        await app.WithDbAsync(async db =>
        {
            var start = DateTime.UtcNow.AddDays(-30);
            for (var i = 0; i < 60; i++)
                db.AuditEntries.Add(new AuditEntry
                {
                    At = start.AddHours(i), Action = AuditActions.CertificateRevoked, ActorName = i == 0 ? "=HYPERLINK(\"http://x\")" : "Marta Jiménez",
                    Origin = "203.0.113.7", Subject = $"Persona {i} (MO-9{i:000})", Details = "{\"reason\":\"<b>motivo</b>\"}",
                });
            db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, Action = AuditActions.ContentPublished, ActorName = "Pablo", Origin = AuditOrigins.CommandLine, Subject = "7" });
            return await db.SaveChangesAsync();
        });
        var admin = app.Browser();
        await admin.SignedInAsync(Pages.Admin);

        var all = await admin.GetPageAsync("/admin/audit?action=certificate.revoked");
        Assert.Equal(IndexModel.PageSize, all.QuerySelectorAll("ol.audit-log > li").Length);
        Assert.Contains("60 entradas", all.Text());
        Assert.Contains("Certificado revocado", all.Text());
        Assert.Contains("203.0.113.7", all.Text());
        Assert.Contains("<b>motivo</b>", all.Text()); // shown as text…
        Assert.Empty(all.QuerySelectorAll("ol.audit-log b")); // …never as markup
        var next = all.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("action=certificate.revoked", next);
        var second = await admin.GetPageAsync(next);
        Assert.Equal(10, second.QuerySelectorAll("ol.audit-log > li").Length);

        var one = await admin.GetPageAsync("/admin/audit?q=mo-9042");
        Assert.Single(one.QuerySelectorAll("ol.audit-log > li"));
        var cli = await admin.GetPageAsync("/admin/audit?action=content.published");
        Assert.Contains("línea de órdenes", cli.Text());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var old = await admin.GetPageAsync($"/admin/audit?action=certificate.revoked&to={today.AddDays(-40):yyyy-MM-dd}");
        Assert.Contains("Ninguna entrada coincide con estos filtros.", old.Text());

        var badAction = await admin.GetAsync("/admin/audit?action=drop.table");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badAction.StatusCode);
        Assert.Contains("Esa acción no existe", await badAction.Content.ReadAsStringAsync());
        var farAway = await admin.GetAsync("/admin/audit?to=9999-12-31");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, farAway.StatusCode);
        Assert.Contains("Elige una fecha entre", await farAway.Content.ReadAsStringAsync());
        var backwards = await admin.GetAsync($"/admin/audit?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        Assert.Contains("es anterior a la fecha", await backwards.Content.ReadAsStringAsync());

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync("/admin/audit?handler=Csv&action=certificate.revoked")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(61, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.DoesNotContain(";=HYPERLINK", csv);
        var exported = Assert.Single(await EntriesAsync(app, AuditActions.AuditExported));
        Assert.StartsWith("Pablo", exported.ActorName);
    }

    [Fact]
    public async Task The_log_refuses_updates_and_deletes_on_sqlite()
    {
        using var app = new AppFactory();
        await AssertAppendOnlyAsync(() => app.Services.CreateScope());
    }

    [Fact]
    public async Task The_log_refuses_updates_and_deletes_on_postgresql()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        await AssertAppendOnlyAsync(() => app.Services.CreateScope());
    }

    static async Task AssertAppendOnlyAsync(Func<IServiceScope> scopes)
    {
        using (var scope = scopes())
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(AuditActions.EvidenceRequested, subject: "1");
        using (var scope = scopes())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var update = await Xunit.Record.ExceptionAsync(() => db.AuditEntries.ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorName, "nobody")));
            Assert.Contains(ServicePromise.Web.Data.Migrations.AuditLog.AppendOnlyMessage, update?.ToString());
            var delete = await Xunit.Record.ExceptionAsync(() => db.AuditEntries.ExecuteDeleteAsync());
            Assert.Contains(ServicePromise.Web.Data.Migrations.AuditLog.AppendOnlyMessage, delete?.ToString());
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.EvidenceRequested && e.ActorName != "nobody"));
        }
    }

    [Fact]
    public async Task A_change_of_settings_is_logged_once_at_start_up_without_secrets()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sp-audit-").FullName, "app.db");
        async Task<List<AuditEntry>> StartAsync(Dictionary<string, string> settings)
        {
            using var app = new AppFactory { DatabaseFile = file };
            // Every start here is the same deployment: its folders stay where they were.
            app.Settings["Evidence:Path"] = Path.Combine(Path.GetDirectoryName(file)!, "evidence");
            app.Settings["Mail:PickupDirectory"] = Path.Combine(Path.GetDirectoryName(file)!, "mail");
            foreach (var (k, v) in settings) app.Settings[k] = v;
            _ = app.Server; // starts the site
            return await EntriesAsync(app, AuditActions.SettingsChanged);
        }
        try
        {
            // The first start publishes edition 1, and says so.
            using (var app = new AppFactory { DatabaseFile = file })
            {
                app.Settings["Evidence:Path"] = Path.Combine(Path.GetDirectoryName(file)!, "evidence");
                app.Settings["Mail:PickupDirectory"] = Path.Combine(Path.GetDirectoryName(file)!, "mail");
                var published = Assert.Single(await EntriesAsync(app, AuditActions.ContentPublished));
                Assert.Equal("1", published.Subject);
                Assert.Equal(AuditOrigins.System, published.Origin);
            }
            var first = Assert.Single(await StartAsync([]));
            Assert.Equal("*", first.Subject);
            Assert.Equal(AuditOrigins.System, first.Origin);
            Assert.Single(await StartAsync([])); // the same settings again: nothing new

            var changed = await StartAsync(new() { ["Learning:CheckPassMark"] = "90", ["Mail:UserName"] = "avisos", ["Mail:Password"] = "s3cr3t-smtp", ["Throttling:VerifyPerAddress:Permits"] = "77" });
            Assert.Equal(2, changed.Count);
            var entry = changed[1];
            Assert.Equal("Learning:CheckPassMark, Mail:Password, Mail:UserName, Throttling:VerifyPerAddress", entry.Subject);
            Assert.DoesNotContain("s3cr3t-smtp", entry.Details);
            var details = AuditLog.ReadDetails(entry.Details).ToDictionary();
            Assert.Contains("Learning:CheckPassMark: 80 → 90", details["changed"]);
            Assert.Contains("Mail:Password: — → (set)", details["changed"]);
            Assert.Contains("\"Permits\":77", details["changed"]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
