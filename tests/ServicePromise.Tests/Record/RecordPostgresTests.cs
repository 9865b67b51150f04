using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests.Record;

/// <summary>The record, its PDF and colleagues' examples run the same queries on PostgreSQL.</summary>
public class RecordPostgresTests
{
    [Fact]
    public async Task The_record_its_pdf_and_examples_work_on_postgres()
    {
        using var database = new TestPostgres();
        using var app = new PostgresAppFactory(database.ConnectionString);
        var manuels = await app.WithDbAsync(async db =>
        {
            var r = await db.Reflections.SingleAsync(x => x.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0102" && x.AssignmentPillar.Pillar!.Key == "listen");
            foreach (var v in await db.ReflectionVersions.Where(v => v.ReflectionId == r.Id).ToListAsync()) v.SubmittedAt = v.SubmittedAt.AddDays(-1);
            r.ShareConsent = true;
            r.ShareAnonymously = true;
            r.FeaturedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return r.Meaning;
        });

        var client = app.Browser();
        await client.SignedInAsync(Pages.Employee);
        await UserStories.CompletePillarAsync(client, "/pillars/listen", "Atiendo a los clientes de la caja y a mis compañeras del turno; mi acción concreta será preguntar antes de responder desde mañana.");
        var pillar = await client.GetPageAsync("/pillars/listen");
        Assert.Contains(manuels, pillar.QuerySelector("#examples")!.TextContent);
        Assert.Contains("Anónimo", pillar.QuerySelector("#examples")!.TextContent);

        var record = (await client.GetPageAsync("/me/record")).Text();
        Assert.Contains("Lucía Romero Sánchez", record);
        Assert.Contains("Atiendo a los clientes de la caja", record);
        var pdf = await client.GetAsync("/me/record/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("Lucía Romero Sánchez", Tools.PdfText(await pdf.Content.ReadAsByteArrayAsync()));
    }
}
