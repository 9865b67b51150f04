using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Data;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Certificates;

/// <summary>
/// Certificates as PDF files for a ZIP (HR's bulk download, the auditor evidence pack): only current, non-revoked ones,
/// loaded in small batches and rendered one at a time so memory stays flat however many there are.
/// </summary>
public sealed class CertificateArchive(AppDbContext db, CertificateRenderer renderer, IOptions<AppOptions> app)
{
    const int Batch = 200;

    public sealed record Pdf(int CertificateId, string FileName, byte[] Bytes);

    /// <summary>Of <paramref name="ids"/> (in their order), those that are current and not revoked.</summary>
    public async Task<List<int>> PrintableAsync(IReadOnlyList<int> ids, CancellationToken ct = default)
    {
        var printable = new HashSet<int>();
        foreach (var chunk in ids.Chunk(1000))
            printable.UnionWith(await db.Certificates.AsNoTracking()
                .Where(c => chunk.Contains(c.Id) && c.ReplacedAt == null && c.RevokedAt == null).Select(c => c.Id).ToListAsync(ct));
        return ids.Where(printable.Contains).Distinct().ToList();
    }

    /// <summary>Each certificate rendered in its own language, in the order of <paramref name="ids"/>; skips any revoked or replaced meanwhile.</summary>
    public async IAsyncEnumerable<Pdf> RenderAsync(IReadOnlyList<int> ids, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in ids.Chunk(Batch))
        {
            var certificates = await db.Certificates.AsNoTracking()
                .Where(c => chunk.Contains(c.Id) && c.ReplacedAt == null && c.RevokedAt == null)
                .Select(c => new { Certificate = c, c.Employee!.EmployeeNumber })
                .ToDictionaryAsync(c => c.Certificate.Id, ct);
            foreach (var id in chunk)
            {
                if (!certificates.TryGetValue(id, out var c)) continue;
                var bytes = Languages.In(c.Certificate.Language,
                    () => renderer.Render(c.Certificate, DownloadModel.VerificationUrl(app.Value, c.Certificate.Code)));
                yield return new Pdf(id, FileName(c.EmployeeNumber, c.Certificate.Code), bytes);
            }
        }
    }

    /// <summary>"MO-0102_ABCD-EFGH-JKMN-PQRS-TVWX.pdf": the employee number reduced to letters, digits and - _, then the code.</summary>
    public static string FileName(string employeeNumber, string code) => $"{Safe(employeeNumber, 40)}_{Safe(code, 32)}.pdf";

    /// <summary>Letters and digits (ASCII), '-' and '_'; everything else becomes '_'. Never empty, never a path.</summary>
    public static string Safe(string? text, int max)
    {
        var sb = new StringBuilder();
        foreach (var ch in text ?? "")
        {
            if (sb.Length == max) break;
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_');
        }
        return sb.Length == 0 ? "_" : sb.ToString();
    }

    /// <summary>Adds one file to a ZIP.</summary>
    public static async Task AddAsync(ZipArchive zip, string name, byte[] bytes, DateTimeOffset modified, CancellationToken ct = default)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = modified;
        await using var stream = await entry.OpenAsync(ct);
        await stream.WriteAsync(bytes, ct);
    }
}

/// <summary>
/// Lets a <see cref="ZipArchive"/> (which still writes some headers synchronously) stream into an HTTP response, where
/// synchronous writes are refused: it collects what the archive writes and hands it on asynchronously at
/// <see cref="DrainAsync"/>, called after each entry. It holds at most one compressed entry at a time.
/// Not seekable, so the archive writes sizes after each entry's data instead of going back.
/// </summary>
public sealed class SpoolStream(Stream destination) : Stream
{
    readonly MemoryStream _pending = new();
    long _written;

    public async Task DrainAsync(CancellationToken ct = default)
    {
        if (_pending.Length == 0) return;
        await destination.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        await destination.FlushAsync(ct);
        _pending.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) { _pending.Write(buffer, offset, count); _written += count; }
    public override void Write(ReadOnlySpan<byte> buffer) { _pending.Write(buffer); _written += buffer.Length; }
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) { Write(buffer, offset, count); return Task.CompletedTask; }
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { Write(buffer.Span); return ValueTask.CompletedTask; }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
