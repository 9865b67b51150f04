using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Certificates;

/// <summary>A certificate's PDF is drawn once and kept (<see cref="ServicePromise.Web.Certificates.CertificatePdfs"/>) — only ever for what it prints, and only for who may read it.</summary>
public class CertificatePdfsTests
{
    [Fact]
    public async Task A_certificate_downloaded_again_is_the_same_file_and_each_certificate_prints_its_own_fields()
    {
        using var app = new AppFactory();
        var certificates = await app.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.ReplacedAt == null).OrderBy(c => c.Id).Take(2).ToListAsync());
        Assert.Equal(2, certificates.Count);
        var hr = app.Browser();
        await hr.SignedInAsync(Pages.Hr);
        var first = await hr.GetByteArrayAsync($"/certificates/{certificates[0].Id}/pdf");
        // Drawn again, a PDF differs (its creation time, its document id); kept, it is the same bytes.
        Assert.Equal(first, await hr.GetByteArrayAsync($"/certificates/{certificates[0].Id}/pdf"));

        var second = await hr.GetByteArrayAsync($"/certificates/{certificates[1].Id}/pdf");
        await CertificateAssertions.PdfAndVerificationPageAgreeAsync(app.CreateClient(), first, certificates[0]);
        await CertificateAssertions.PdfAndVerificationPageAgreeAsync(app.CreateClient(), second, certificates[1]);
        Assert.DoesNotContain(certificates[0].HolderName, Tools.PdfText(second));
    }

    [Fact]
    public async Task A_kept_pdf_is_still_refused_to_anyone_but_its_holder_and_hr()
    {
        using var app = new AppFactory();
        var (manuel, _) = await DemoCertificates.ManuelsAsync(app);
        var id = await app.WithDbAsync(db => db.Certificates.Where(c => c.EmployeeId == manuel && c.ReplacedAt == null).Select(c => c.Id).SingleAsync());
        var holder = app.Browser();
        await holder.SignedInAsync(Pages.OtherEmployee);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync($"/certificates/{id}/pdf")).StatusCode);

        var colleague = app.Browser();
        await colleague.SignedInAsync(Pages.Employee);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/certificates/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync($"/certificates/{id}/pdf")).StatusCode);
    }
}
