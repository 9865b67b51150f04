using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Reports;

namespace ServicePromise.Web.Evidence;

/// <summary>
/// Claims a requested evidence pack in the database (a conditional update: of several workers on several instances,
/// one wins) and builds it: the completion CSV, every current non-revoked certificate as PDF (rendered one at a time,
/// straight into the ZIP file), the audit log, the check-ins on committed actions, and a manifest with the size and SHA-256 of each file. Progress goes to the row as it
/// builds; the finished file's size and hash too. A failure is recorded on the row with its message.
/// </summary>
public sealed class EvidencePackBuilder(
    AppDbContext db, CertificateArchive archive, OrganisationClock clock, IOptions<EvidenceOptions> options, IOptions<AppOptions> app,
    IHostEnvironment env, IStringLocalizer<SharedResource> L, ILogger<EvidencePackBuilder> logger, Audit.AuditLog audit)
{
    public const string CertificateFolder = "certificates/";
    public const string ManifestJson = "manifest.json";
    public const string ManifestCsv = "manifest.csv";
    public const string AuditLogCsv = "audit-log.csv";
    static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    public string Folder => options.Value.FullPath(env.ContentRootPath);

    /// <summary>Claims the oldest requested pack (or one whose worker went silent) and builds it.</summary>
    /// <returns>Whether there was one to build.</returns>
    public async Task<bool> RunOnceAsync(string worker, CancellationToken ct = default)
    {
        if (await ClaimNextAsync(worker, ct) is not int id) return false;
        await BuildAsync(id, worker, ct);
        return true;
    }

    /// <summary>The claim: Requested → Building with this worker's name, on condition nobody changed the row since it was read.</summary>
    public async Task<int?> ClaimNextAsync(string worker, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var stale = now.AddMinutes(-options.Value.StaleMinutes);
        var candidates = await db.EvidencePacks.AsNoTracking()
            .Where(p => p.Status == EvidencePackStatus.Requested || (p.Status == EvidencePackStatus.Building && p.UpdatedAt < stale))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Status, p.ClaimedBy }).Take(5).ToListAsync(ct);
        foreach (var c in candidates)
        {
            var claimed = await db.EvidencePacks
                .Where(p => p.Id == c.Id && p.Status == c.Status && (c.ClaimedBy == null ? p.ClaimedBy == null : p.ClaimedBy == c.ClaimedBy))
                .Where(p => p.Status == EvidencePackStatus.Requested || p.UpdatedAt < stale)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(p => p.Status, EvidencePackStatus.Building)
                    .SetProperty(p => p.ClaimedBy, worker)
                    .SetProperty(p => p.ClaimedAt, now)
                    .SetProperty(p => p.UpdatedAt, now)
                    .SetProperty(p => p.Done, 0)
                    .SetProperty(p => p.Total, (int?)null), ct);
            if (claimed == 1)
            {
                logger.LogInformation("Evidence pack {Id} claimed by {Worker}", c.Id, worker);
                return c.Id;
            }
        }
        return null;
    }

    public async Task BuildAsync(int id, string worker, CancellationToken ct = default)
    {
        var pack = await db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        var started = clock.UtcNow;
        var fileName = $"evidence-{id}-{started:yyyyMMdd-HHmmss}.zip";
        var final = Path.Combine(Folder, fileName);
        var part = final + ".part";
        var list = final + ".files";
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            Directory.CreateDirectory(Folder);
            // The CSV in the requester's language and locale (as their own export would be); certificates each in their own.
            CultureInfo.CurrentCulture = Languages.Formatting(pack.Language);
            CultureInfo.CurrentUICulture = Languages.Texts(pack.Language);
            var counts = await WriteZipAsync(pack, worker, part, list, started, ct);

            long size;
            string sha256;
            await using (var read = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                size = read.Length;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
            }
            File.Move(part, final, overwrite: true);
            // Ready and its audit entry together: never a finished pack the log does not know of.
            await using var done = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var finished = await db.EvidencePacks.Where(p => p.Id == id && p.ClaimedBy == worker).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, EvidencePackStatus.Ready)
                .SetProperty(p => p.FileName, fileName)
                .SetProperty(p => p.SizeBytes, size)
                .SetProperty(p => p.Sha256, sha256)
                .SetProperty(p => p.Done, counts.Certificates)
                .SetProperty(p => p.Total, counts.Certificates)
                .SetProperty(p => p.CompletedAt, clock.UtcNow)
                .SetProperty(p => p.UpdatedAt, clock.UtcNow), CancellationToken.None);
            if (finished == 0) File.Delete(final); // another worker took it over meanwhile; its file counts
            else await audit.RecordAsync(Audit.AuditActions.EvidenceBuilt, subject: id.ToString(CultureInfo.InvariantCulture),
                details: new Dictionary<string, object?>
                {
                    ["pack"] = id, ["people"] = counts.People, ["certificates"] = counts.Certificates, ["entries"] = counts.AuditEntries, ["sha256"] = sha256,
                }, ct: CancellationToken.None);
            await done.CommitAsync(CancellationToken.None);
            logger.LogInformation("Evidence pack {Id}: {Certificates} certificates, {People} people, {Size} bytes in {Seconds:0.0} s",
                id, counts.Certificates, counts.People, size, (clock.UtcNow - started).TotalSeconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The app is stopping: hand the pack back so the next worker starts it again at once.
            Delete(part);
            await db.EvidencePacks.Where(p => p.Id == id && p.ClaimedBy == worker && p.Status == EvidencePackStatus.Building)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, EvidencePackStatus.Requested).SetProperty(p => p.ClaimedBy, (string?)null), CancellationToken.None);
            throw;
        }
        catch (ClaimLostException)
        {
            Delete(part);
            // Expected with several workers (this one was silent too long): not a failure.
            logger.LogInformation("Evidence pack {Id}: another worker took it over; {Worker} stops", id, worker);
        }
        catch (Exception ex)
        {
            Delete(part);
            logger.LogError(ex, "Evidence pack {Id} failed", id);
            var message = $"{ex.GetType().Name}: {ex.Message}";
            await db.EvidencePacks.Where(p => p.Id == id && p.ClaimedBy == worker).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, EvidencePackStatus.Failed)
                .SetProperty(p => p.Error, message.Length > 1000 ? message[..1000] : message)
                .SetProperty(p => p.CompletedAt, clock.UtcNow)
                .SetProperty(p => p.UpdatedAt, clock.UtcNow), CancellationToken.None);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
            Delete(list);
        }
    }

    sealed record Counts(int People, int Certificates, int AuditEntries);

    async Task<Counts> WriteZipAsync(EvidencePack pack, string worker, string part, string list, DateTime started, CancellationToken ct)
    {
        var today = clock.Today;
        var modified = new DateTimeOffset(clock.Local(started), TimeSpan.Zero);
        var edition = await db.Editions.AsNoTracking().OrderByDescending(e => e.Number).Select(e => new { e.Number, e.PublishedAt }).FirstOrDefaultAsync(ct);
        // Each file's path, size and hash go to a side file as they are written, so the manifest never sits in memory.
        await using var files = new StreamWriter(list, append: false, new System.Text.UTF8Encoding(false));
        await using var output = new FileStream(part, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var people = 0;
        var certificates = 0;
        var auditEntries = 0;
        var checkIns = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // 1. The completion list, exactly as HR's CSV export writes it; the certificate ids are collected on the way.
            var ids = new List<int>();
            var csvName = CertificateArchive.Safe(L["Cumplimiento"].Value.ToLowerInvariant(), 40) + ".csv";
            var delimiter = CompletionCsv.Delimiter(null);
            await AddStreamedAsync(zip, csvName, modified, files, async stream =>
                people = await CompletionCsv.WriteAsync(stream, delimiter, Collect(CompletionQuery.Rows(db, new CompletionFilter(null, null, null), clock).AsAsyncEnumerable(), ids),
                    today, clock, L, ct));

            // 2. Every current, non-revoked certificate, one at a time.
            ids = await archive.PrintableAsync(ids, ct);
            await ReportAsync(pack.Id, worker, u => u
                .SetProperty(p => p.Total, ids.Count).SetProperty(p => p.People, people).SetProperty(p => p.EditionNumber, edition != null ? edition.Number : null)
                .SetProperty(p => p.UpdatedAt, clock.UtcNow), ct);
            var reported = DateTime.UtcNow;
            await foreach (var pdf in archive.RenderAsync(ids, ct))
            {
                var name = CertificateFolder + pdf.FileName;
                await CertificateArchive.AddAsync(zip, name, pdf.Bytes, modified, ct);
                await files.WriteLineAsync($"{Convert.ToHexStringLower(SHA256.HashData(pdf.Bytes))}\t{pdf.Bytes.Length}\t{name}");
                certificates++;
                if (DateTime.UtcNow - reported >= ProgressEvery)
                {
                    var done = certificates;
                    await ReportAsync(pack.Id, worker, u => u.SetProperty(p => p.Done, done).SetProperty(p => p.UpdatedAt, clock.UtcNow), ct);
                    reported = DateTime.UtcNow;
                }
            }

            // 3. The audit log of the period: who imported, changed, revoked, reissued, published and exported what.
            var auditFrom = started.AddMonths(-options.Value.AuditLogMonths);
            await AddStreamedAsync(zip, AuditLogCsv, modified, files, async stream =>
                auditEntries = await Audit.AuditCsv.WriteAsync(stream, delimiter,
                    db.AuditEntries.AsNoTracking().Where(e => e.At >= auditFrom && e.At <= started).OrderBy(e => e.Id).AsAsyncEnumerable(), clock, L, ct));

            // 3b. The follow-through of committed actions: every check-in asked so far and what was answered.
            await AddStreamedAsync(zip, CheckIns.CheckInCsv.FileName, modified, files, async stream =>
                checkIns = await CheckIns.CheckInCsv.WriteAsync(stream, delimiter, db, today, clock, L, ct));
            await files.FlushAsync(ct);

            // 4. The manifests: every file above with its size and SHA-256, and what the pack is.
            var entries = File.ReadLines(list).Select(line => line.Split('\t')).Select(f => (Path: f[2], Bytes: long.Parse(f[1], CultureInfo.InvariantCulture), Sha256: f[0]));
            await AddStreamedAsync(zip, ManifestCsv, modified, null, async stream =>
            {
                await using var csv = new SpreadsheetSafeCsv(stream, ',');
                await csv.WriteRowAsync("path", "bytes", "sha256");
                foreach (var e in entries) await csv.WriteRowAsync(e.Path, e.Bytes.ToString(CultureInfo.InvariantCulture), e.Sha256);
            });
            await AddStreamedAsync(zip, ManifestJson, modified, null, stream =>
            {
                using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                json.WriteString("format", "ServicePromise evidence pack 1");
                json.WriteString("generatedAt", started);
                json.WriteString("requestedAt", pack.RequestedAt);
                json.WriteStartObject("requestedBy");
                json.WriteString("name", pack.RequestedByName);
                if (pack.RequestedById is int by) json.WriteNumber("employeeId", by); else json.WriteNull("employeeId");
                json.WriteEndObject();
                json.WriteString("timeZone", app.Value.TimeZone);
                json.WriteString("asOfDate", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (edition is null) json.WriteNull("edition");
                else
                {
                    json.WriteStartObject("edition");
                    json.WriteNumber("number", edition.Number);
                    json.WriteString("publishedAt", edition.PublishedAt);
                    json.WriteEndObject();
                }
                json.WriteStartObject("counts");
                json.WriteNumber("people", people);
                json.WriteNumber("certificates", certificates);
                json.WriteNumber("checkIns", checkIns);
                json.WriteEndObject();
                json.WriteString("completionCsv", csvName);
                json.WriteStartObject("auditLog");
                json.WriteString("file", AuditLogCsv);
                json.WriteString("from", started.AddMonths(-options.Value.AuditLogMonths));
                json.WriteString("to", started);
                json.WriteNumber("entries", auditEntries);
                json.WriteEndObject();
                json.WriteString("checkInsCsv", CheckIns.CheckInCsv.FileName);
                json.WriteString("csvDelimiter", delimiter.ToString());
                json.WriteString("language", pack.Language);
                json.WriteString("verifyAt", app.Value.Link("/verify/"));
                json.WriteString("hashAlgorithm", "SHA-256");
                json.WriteStartArray("files");
                foreach (var e in entries)
                {
                    json.WriteStartObject();
                    json.WriteString("path", e.Path);
                    json.WriteNumber("bytes", e.Bytes);
                    json.WriteString("sha256", e.Sha256);
                    json.WriteEndObject();
                    if (json.BytesPending > 1 << 16) json.Flush();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                json.Flush();
                return Task.CompletedTask;
            });
        }
        await output.FlushAsync(ct);
        return new Counts(people, certificates, auditEntries);
    }

    /// <summary>Writes one ZIP entry through a stream that hashes and counts what goes in, and notes it in the file list.</summary>
    static async Task AddStreamedAsync(ZipArchive zip, string name, DateTimeOffset modified, StreamWriter? files, Func<Stream, Task> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = modified;
        await using var stream = entry.Open();
        using var hashing = new HashingStream(stream);
        await write(hashing);
        if (files is not null) await files.WriteLineAsync($"{hashing.HashHex()}\t{hashing.Length}\t{name}");
    }

    static async IAsyncEnumerable<CompletionRow> Collect(IAsyncEnumerable<CompletionRow> rows, List<int> certificateIds)
    {
        await foreach (var row in rows)
        {
            if (row.CertificateId is int id) certificateIds.Add(id);
            yield return row;
        }
    }

    /// <summary>Progress on the row — only while this worker still holds the claim; otherwise it stops.</summary>
    async Task ReportAsync(int id, string worker,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<EvidencePack>> set, CancellationToken ct)
    {
        var updated = await db.EvidencePacks.Where(p => p.Id == id && p.ClaimedBy == worker && p.Status == EvidencePackStatus.Building)
            .ExecuteUpdateAsync(set, ct);
        if (updated == 0) throw new ClaimLostException();
    }

    static void Delete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }

    sealed class ClaimLostException : Exception;
}

/// <summary>Passes writes through, counting the bytes and computing their SHA-256.</summary>
public sealed class HashingStream(Stream inner) : Stream
{
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    long _length;

    public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());
    public override long Length => _length;
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Write(ReadOnlySpan<byte> buffer) { _hash.AppendData(buffer); _length += buffer.Length; inner.Write(buffer); }
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        _hash.AppendData(buffer.Span);
        _length += buffer.Length;
        await inner.WriteAsync(buffer, ct);
    }
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
