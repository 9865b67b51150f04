using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ServicePromise.Web.Infrastructure;

namespace ServicePromise.Web.Certificates;

/// <summary>
/// The certificate PDFs this instance has drawn, kept for downloading again: a certificate's printed fields are copied at
/// issue time and never change, so neither does its PDF. Keyed by everything that is printed, so a PDF is only ever
/// served for exactly the fields it shows; who may download it is decided before asking here.
/// </summary>
public sealed class CertificatePdfs(IOptions<AppOptions> app) : IDisposable
{
    /// <summary>Bytes of PDF kept at most (a certificate is about 40 KB).</summary>
    public const long KeptBytes = 32 * 1024 * 1024;

    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = KeptBytes });

    /// <summary>What a certificate's PDF shows; two certificates with equal fields print the same PDF.</summary>
    sealed record Printed(int Id, string Code, string Language, string HolderName, string JobTitle, string Company, int EditionNumber,
        DateTime EditionPublishedAt, DateTime IssuedAt, string PillarTitles, DateOnly? ExpiresOn, string VerificationUrl);

    /// <summary>The PDF of <paramref name="certificate"/>, in the language it was issued in; drawn by <paramref name="renderer"/> the first time.</summary>
    public byte[] Of(Certificate certificate, CertificateRenderer renderer)
    {
        var url = DownloadModel.VerificationUrl(app.Value, certificate.Code);
        var key = new Printed(certificate.Id, certificate.Code, certificate.Language, certificate.HolderName, certificate.JobTitle, certificate.Company,
            certificate.EditionNumber, certificate.EditionPublishedAt, certificate.IssuedAt, certificate.PillarTitles, certificate.ExpiresOn, url);
        if (_cache.TryGetValue(key, out byte[]? known) && known is not null) return known;
        var pdf = Languages.In(certificate.Language, () => renderer.Render(certificate, url));
        _cache.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return pdf;
    }

    public void Dispose() => _cache.Dispose();
}
