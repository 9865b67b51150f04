using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Tests.Support;
using ServicePromise.Web.CheckIns;
using ServicePromise.Web.Evidence;

namespace ServicePromise.Tests.Evidence;

/// <summary>The auditor evidence pack: requested by HR, built by the background worker, downloadable, its manifest true.</summary>
public class EvidencePackTests
{
    static async Task<EvidencePack> WaitForAsync(AppFactory app, int id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var pack = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == id));
            if (pack.Status is EvidencePackStatus.Ready or EvidencePackStatus.Failed) return pack;
            Assert.True(DateTime.UtcNow < until, $"Pack {id} still {pack.Status} ({pack.Done} of {pack.Total})");
            await Task.Delay(200);
        }
    }

    static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Hr_requests_a_pack_the_worker_builds_it_and_the_manifest_matches_every_file()
    {
        using var app = new AppFactory();
        // A name that a spreadsheet would run as a formula, and one revoked certificate, which the pack must leave out.
        var revokedCode = await app.WithDbAsync(async db =>
        {
            await db.Employees.Where(e => e.EmployeeNumber == "MO-0102").ExecuteUpdateAsync(u => u.SetProperty(e => e.FullName, "=HYPERLINK(\"http://x\")"));
            var c = await db.Certificates.Where(x => x.Employee!.EmployeeNumber != "MO-0102").OrderBy(x => x.Id).FirstAsync();
            await db.Certificates.Where(x => x.Id == c.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.RevokedAt, DateTime.UtcNow).SetProperty(x => x.RevokedReason, "r"));
            return c.Code;
        });
        var expected = await app.WithDbAsync(db => db.Certificates
            .Where(c => c.ReplacedAt == null && c.RevokedAt == null && c.Employee!.IsActive && c.AssignmentId == c.Employee.CurrentAssignmentId)
            .Select(c => c.Code).ToListAsync());
        var people = await app.WithDbAsync(db => db.Employees.CountAsync(e => e.IsActive));

        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var page = await hr.GetPageAsync("/hr/evidence");
        Assert.Contains("Todavía no se ha preparado ningún paquete", page.Text());
        var requested = await hr.SubmitAsync(page, "form[action*='handler=Request']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var id = await app.WithDbAsync(db => db.EvidencePacks.Select(p => p.Id).SingleAsync());

        var pack = await WaitForAsync(app, id);
        Assert.True(pack.Status == EvidencePackStatus.Ready, pack.Error);
        Assert.NotNull(pack.ClaimedBy);
        Assert.Equal(expected.Count, pack.Total);
        Assert.Equal(expected.Count, pack.Done);
        Assert.Equal(people, pack.People);
        Assert.StartsWith("Marta", pack.RequestedByName);

        page = await hr.GetPageAsync("/hr/evidence");
        Assert.Contains("Listo", page.Text());
        Assert.Contains(pack.Sha256!, page.Text());
        var link = page.QuerySelector($"a[href='/hr/evidence?handler=Download&id={id}']");
        Assert.NotNull(link);
        var response = await hr.GetAsync(link!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(pack.SizeBytes, bytes.Length);
        Assert.Equal(pack.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("cumplimiento.csv", names);
        Assert.Contains("manifest.json", names);
        Assert.Contains("manifest.csv", names);
        Assert.Contains(CheckInCsv.FileName, names);
        var pdfs = zip.Entries.Where(e => e.FullName.StartsWith("certificates/", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Order(), pdfs.Select(e => e.Name[(e.Name.LastIndexOf('_') + 1)..^4]).Order());
        Assert.DoesNotContain(pdfs, e => e.Name.Contains(revokedCode));

        // The manifest: every other file with its true size and SHA-256; what the pack is and who asked.
        using var manifest = JsonDocument.Parse(Read(zip.GetEntry("manifest.json")!));
        var root = manifest.RootElement;
        Assert.StartsWith("Marta", root.GetProperty("requestedBy").GetProperty("name").GetString());
        Assert.Equal(expected.Count, root.GetProperty("counts").GetProperty("certificates").GetInt32());
        Assert.Equal(people, root.GetProperty("counts").GetProperty("people").GetInt32());
        Assert.Equal(CheckInCsv.FileName, root.GetProperty("checkInsCsv").GetString());
        var checkInLines = Encoding.UTF8.GetString(Read(zip.GetEntry(CheckInCsv.FileName)!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Número;Nombre;", checkInLines[0]);
        Assert.Equal(checkInLines.Length - 1, root.GetProperty("counts").GetProperty("checkIns").GetInt32());
        Assert.True(root.GetProperty("edition").GetProperty("number").GetInt32() >= 1);
        Assert.True(root.GetProperty("generatedAt").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(names.Where(n => !n.StartsWith("manifest.", StringComparison.Ordinal)).Order(), files.Select(f => f.GetProperty("path").GetString()!).Order());
        foreach (var f in files)
        {
            var content = Read(zip.GetEntry(f.GetProperty("path").GetString()!)!);
            Assert.Equal(content.Length, f.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), f.GetProperty("sha256").GetString());
        }
        // The audit log of the period, up to the pack's making: here, at least the request itself, by Marta.
        var auditLog = root.GetProperty("auditLog");
        Assert.Equal(EvidencePackBuilder.AuditLogCsv, auditLog.GetProperty("file").GetString());
        Assert.Equal(auditLog.GetProperty("to").GetDateTime().AddMonths(-12), auditLog.GetProperty("from").GetDateTime());
        var auditCsv = Encoding.UTF8.GetString(Read(zip.GetEntry(EvidencePackBuilder.AuditLogCsv)!)).TrimStart('\uFEFF');
        var auditLines = auditCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(auditLog.GetProperty("entries").GetInt32() + 1, auditLines.Length);
        Assert.Contains(auditLines, l => l.Contains(ServicePromise.Web.Audit.AuditActions.EvidenceRequested) && l.Contains("Marta"));
        Assert.DoesNotContain(auditLines, l => l.Contains(ServicePromise.Web.Audit.AuditActions.EvidenceBuilt)); // recorded once built, after
        var built = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == ServicePromise.Web.Audit.AuditActions.EvidenceBuilt));
        Assert.Contains(pack.Sha256!, built.Details);
        Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == ServicePromise.Web.Audit.AuditActions.EvidenceDownloaded).ToListAsync()));

        var manifestCsv = Encoding.UTF8.GetString(Read(zip.GetEntry("manifest.csv")!)).TrimStart('\uFEFF');
        Assert.Equal(files.Count + 1, manifestCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // The CSV: as the HR export writes it — BOM, the reader's separator, no cell that runs as a formula.
        var csvBytes = Read(zip.GetEntry("cumplimiento.csv")!);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var csv = Encoding.UTF8.GetString(csvBytes[3..]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Número;Nombre;Puesto;Departamento;Centro;Responsable;Estado;Fecha límite;Fecha de finalización;Código de verificación", lines[0]);
        Assert.Equal(people + 1, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.DoesNotContain(";=HYPERLINK", csv);
        var export = await hr.GetByteArrayAsync("/hr/completion?handler=Csv");
        Assert.Equal(export, csvBytes); // the same writer, the same bytes

        // A certificate inside is a real one.
        var first = pdfs.OrderBy(e => e.FullName, StringComparer.Ordinal).First();
        var text = Tools.PdfText(Read(first));
        Assert.Contains(first.Name[(first.Name.LastIndexOf('_') + 1)..^4], text);
    }

    [Fact]
    public async Task Two_workers_claim_a_pack_once_and_one_builds_it()
    {
        using var app = new AppFactory();
        app.Settings["Evidence:WorkerEnabled"] = "false"; // these two are the only workers
        var id = await app.WithDbAsync(async db =>
        {
            var pack = new EvidencePack { RequestedAt = DateTime.UtcNow, RequestedByName = "Auditoría", Status = EvidencePackStatus.Requested };
            db.EvidencePacks.Add(pack);
            await db.SaveChangesAsync();
            return pack.Id;
        });

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>().ClaimNextAsync($"worker-{i}");
        }));
        Assert.Single(claims, c => c == id);
        Assert.Equal(3, claims.Count(c => c is null));

        // Hand it back and let two workers race through claim and build.
        await app.WithDbAsync(db => db.EvidencePacks.Where(p => p.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, EvidencePackStatus.Requested).SetProperty(p => p.ClaimedBy, (string?)null)));
        var built = await Task.WhenAll(new[] { "a", "b" }.Select(async worker =>
        {
            using var scope = app.Services.CreateScope();
            return (worker, await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>().RunOnceAsync(worker));
        }));
        var winner = Assert.Single(built, b => b.Item2).worker;
        var pack = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(EvidencePackStatus.Ready, pack.Status);
        Assert.Equal(winner, pack.ClaimedBy);
        Assert.Single(Directory.GetFiles(Path.Combine(app.Folder, "evidence")));
    }

    [Fact]
    public async Task A_pack_whose_worker_went_silent_is_claimed_again()
    {
        using var app = new AppFactory();
        app.Settings["Evidence:WorkerEnabled"] = "false";
        var id = await app.WithDbAsync(async db =>
        {
            var pack = new EvidencePack
            {
                RequestedAt = DateTime.UtcNow.AddHours(-1), RequestedByName = "x", Status = EvidencePackStatus.Building,
                ClaimedBy = "gone", ClaimedAt = DateTime.UtcNow.AddHours(-1), UpdatedAt = DateTime.UtcNow.AddHours(-1),
            };
            db.EvidencePacks.Add(pack);
            await db.SaveChangesAsync();
            return pack.Id;
        });
        using var scope = app.Services.CreateScope();
        Assert.Equal(id, await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>().ClaimNextAsync("new"));
    }

    [Fact]
    public async Task A_failed_build_is_shown_with_its_message_not_an_error_page()
    {
        using var app = new AppFactory();
        // The evidence folder cannot be created: a file is in the way.
        var blocker = Path.Combine(app.Folder, "blocked");
        File.WriteAllText(blocker, "");
        app.Settings["Evidence:Path"] = Path.Combine(blocker, "evidence");
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        await hr.SubmitAsync(await hr.GetPageAsync("/hr/evidence"), "form[action*='handler=Request']", new Dictionary<string, string>());
        var id = await app.WithDbAsync(db => db.EvidencePacks.Select(p => p.Id).SingleAsync());

        var pack = await WaitForAsync(app, id);
        Assert.Equal(EvidencePackStatus.Failed, pack.Status);
        Assert.False(string.IsNullOrEmpty(pack.Error));
        var page = await hr.GetPageAsync("/hr/evidence");
        Assert.Contains("No se pudo preparar el paquete", page.Text());
        Assert.Null(page.QuerySelector("a[href*='handler=Download']"));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/hr/evidence?handler=Download&id={id}")).StatusCode);
    }

    [Fact]
    public async Task While_a_pack_is_prepared_the_page_shows_progress_and_refreshes_itself_without_javascript()
    {
        using var app = new AppFactory();
        app.Settings["Evidence:WorkerEnabled"] = "false";
        await app.WithDbAsync(async db =>
        {
            db.EvidencePacks.Add(new EvidencePack
            {
                RequestedAt = DateTime.UtcNow, RequestedByName = "Marta", Status = EvidencePackStatus.Building,
                ClaimedBy = "w", ClaimedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Total = 1200, Done = 345,
            });
            return await db.SaveChangesAsync();
        });
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var response = await hr.GetAsync("/hr/evidence");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"10\" /></noscript>", html);
        var page = Pages.Parse(html);
        Assert.Contains("345 de 1.200 certificados", page.Text());
        Assert.NotNull(page.QuerySelector("[data-evidence-poll] a[href='/hr/evidence']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/evidence.js']"));
        Assert.True(page.QuerySelector("form[action*='handler=Request'] button[type=submit]")!.HasAttribute("disabled"));

        var status = JsonDocument.Parse(await hr.GetStringAsync("/hr/evidence?handler=Status")).RootElement;
        var open = Assert.Single(status.EnumerateArray());
        Assert.Equal(345, open.GetProperty("done").GetInt32());
        Assert.Equal(1200, open.GetProperty("total").GetInt32());

        // A second request while one is in progress starts nothing new.
        var again = await hr.PostAsync("/hr/evidence?handler=Request", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("form[action*='handler=Request'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.EvidencePacks.CountAsync()));
    }

    [Fact]
    public async Task Hr_deletes_a_finished_pack_and_its_file_after_confirming()
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        await hr.SubmitAsync(await hr.GetPageAsync("/hr/evidence"), "form[action*='handler=Request']", new Dictionary<string, string>());
        var id = await app.WithDbAsync(db => db.EvidencePacks.Select(p => p.Id).SingleAsync());
        var pack = await WaitForAsync(app, id);
        var file = Path.Combine(app.Folder, "evidence", pack.FileName!);
        Assert.True(File.Exists(file));

        var page = await hr.GetPageAsync("/hr/evidence");
        await hr.SubmitAsync(page, "details form", new Dictionary<string, string>());
        Assert.True(File.Exists(file));
        await hr.SubmitAsync(page, "details form", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.False(File.Exists(file));
        Assert.Equal(0, await app.WithDbAsync(db => db.EvidencePacks.CountAsync()));
    }

    [Theory]
    [InlineData(Pages.Employee)]
    [InlineData("carmen.ruiz@demo.mercadosolivo.es")]
    public async Task Only_hr_sees_requests_and_downloads_packs(string who)
    {
        using var app = new AppFactory();
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        await hr.SubmitAsync(await hr.GetPageAsync("/hr/evidence"), "form[action*='handler=Request']", new Dictionary<string, string>());
        var id = await app.WithDbAsync(db => db.EvidencePacks.Select(p => p.Id).SingleAsync());
        Assert.Equal(EvidencePackStatus.Ready, (await WaitForAsync(app, id)).Status);

        var client = app.Browser();
        await client.SignedInAsync(who);
        foreach (var url in new[] { "/hr/evidence", $"/hr/evidence?handler=Download&id={id}", "/hr/evidence?handler=Status" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
        var anonymous = await app.Browser().GetAsync($"/hr/evidence?handler=Download&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath);
    }
}
