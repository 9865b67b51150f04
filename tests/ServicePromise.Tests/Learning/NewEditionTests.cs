using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Learning;

namespace ServicePromise.Tests.Learning;

/// <summary>Restarting with changed content publishes edition 2 and assigns only what changed.</summary>
public class NewEditionTests
{
    static void Change(string content, string file, string declared, string extra)
    {
        var path = Path.Combine(content, file);
        var text = File.ReadAllText(path);
        var close = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        File.WriteAllText(path, text[..close] + $"\nchange: {declared}" + text[close..] + "\n" + extra + "\n");
    }

    /// <summary>Runs the app's own publish command on a folder and database, as a deployment would.</summary>
    static (int ExitCode, string Output) Publish(string content, string dbFile, string note) =>
        WebProcess.Run(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = content,
            ["ConnectionStrings__Default"] = $"Data Source={dbFile}",
        }, "publish-content", "--note", note);

    static void PublishWithCommand(string content, string dbFile)
    {
        var (exitCode, output) = Publish(content, dbFile, "Pilar 2 aclarado; erratas en el 4");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Published edition 2.", output);
    }

    [Fact]
    public async Task A_restart_with_changed_content_publishes_nothing_until_someone_decides()
    {
        var content = Repo.CopyContent();
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-edition-").FullName, "app.db");
        using (var first = new AppFactory { DatabaseFile = dbFile, ContentPath = content }) _ = first.Server;
        Change(content, "es/pillars/02-tell-the-truth.md", "substantive", "Nuevo párrafo.");
        using (var second = new AppFactory { DatabaseFile = dbFile, ContentPath = content })
        {
            _ = second.Server;
            Assert.Equal(1, await second.WithDbAsync(db => db.Editions.CountAsync()));
        }
        PublishWithCommand(content, dbFile);
        var (again, output) = Publish(content, dbFile, "otra vez");
        Assert.Equal(0, again);
        Assert.Contains("Nothing to publish", output);
    }

    [Fact]
    public async Task Edition_two_with_one_substantive_and_one_editorial_change_asks_only_for_the_substantive_pillar()
    {
        var content = Repo.CopyContent();
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-edition-").FullName, "app.db");
        int manuelsFirstCertificate;
        using (var first = new AppFactory { DatabaseFile = dbFile, ContentPath = content })
        {
            _ = first.Server;
            manuelsFirstCertificate = await first.WithDbAsync(db => db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").Select(c => c.Id).SingleAsync());
        }

        Change(content, "es/pillars/02-tell-the-truth.md", "substantive", "Nuevo: si no puedes dar una respuesta hoy, di cuándo la tendrás.");
        Change(content, "es/pillars/04-keep-our-word.md", "editorial", "Una errata corregida.");
        PublishWithCommand(content, dbFile);

        using var second = new AppFactory { DatabaseFile = dbFile, ContentPath = content };
        _ = second.Server;
        var (editions, changes) = await second.WithDbAsync(async db => (
            await db.Editions.CountAsync(),
            await db.Pillars.Where(p => p.Edition!.Number == 2).OrderBy(p => p.Order).Select(p => p.ChangeKind).ToListAsync()));
        Assert.Equal(2, editions);
        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Substantive, ChangeKind.Unchanged, ChangeKind.Editorial, ChangeKind.Unchanged], changes);

        // Manuel had completed edition 1: one pillar to redo, due 30 days after publication.
        var manuel = await second.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0102")
            .Select(e => new { e.CurrentAssignment!.Reason, e.CurrentAssignment.Edition!.Number, Keys = e.CurrentAssignment.Pillars.Select(p => p.Pillar!.Key).ToList() })
            .SingleAsync());
        Assert.Equal((AssignmentReason.NewEdition, 2), (manuel.Reason, manuel.Number));
        Assert.Equal(["tell-the-truth"], manuel.Keys);

        // Sergio was midway (listen and tell-the-truth done): he keeps listen, redoes tell-the-truth.
        var sergio = await second.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0104")
            .Select(e => new
            {
                e.CurrentAssignment!.Edition!.Number,
                Done = e.CurrentAssignment.Pillars.Where(p => p.ReflectedAt != null).Select(p => p.Pillar!.Key).ToList(),
                Total = e.CurrentAssignment.Pillars.Count,
                KeptText = db.Reflections.Any(r => r.AssignmentPillar!.AssignmentId == e.CurrentAssignmentId && r.AssignmentPillar.Pillar!.Key == "listen"),
                // The sent version comes along with the text: reviewers read sent versions only.
                KeptSent = db.ReflectionVersions.Where(v => v.Reflection!.AssignmentPillar!.AssignmentId == e.CurrentAssignmentId && v.Reflection.AssignmentPillar.Pillar!.Key == "listen")
                    .Select(v => v.Meaning).ToList(),
                FirstSent = db.ReflectionVersions.Where(v => v.Reflection!.AssignmentPillar!.Assignment!.EmployeeId == e.Id && v.Reflection.AssignmentPillar.Assignment.Edition!.Number == 1
                        && v.Reflection.AssignmentPillar.Pillar!.Key == "listen").OrderByDescending(v => v.Number).Select(v => v.Meaning).FirstOrDefault(),
            }).SingleAsync());
        Assert.NotNull(sergio.FirstSent);
        Assert.Equal([sergio.FirstSent], sergio.KeptSent);
        Assert.Equal(2, sergio.Number);
        Assert.Equal(["listen"], sergio.Done);
        Assert.Equal(5, sergio.Total);
        Assert.True(sergio.KeptText);

        // Manuel redoes the one pillar, gets a new certificate, and the old one says it is superseded.
        var client = second.Browser();
        await client.SignedInAsync(Pages.OtherEmployee);
        var home = await client.GetPageAsync("/");
        Assert.Contains("0 de 1 pilares completados", home.Text());
        Assert.Contains("Nueva edición 2", home.Text());
        await UserStories.CompletePillarAsync(client, "/pillars/tell-the-truth",
            "Como reponedor, cuando un cliente pregunta por un producto agotado le digo la verdad y cuándo volverá; mis clientes también son mis compañeros de caja.");
        Assert.Contains("¡Has completado la promesa!", (await client.GetPageAsync("/")).Text());

        var (oldCode, newCode, newPillars) = await second.WithDbAsync(async db =>
        {
            var old = await db.Certificates.SingleAsync(c => c.Id == manuelsFirstCertificate);
            var latest = await db.Certificates.Where(c => c.Employee!.EmployeeNumber == "MO-0102").OrderByDescending(c => c.IssuedAt).FirstAsync();
            return (old.Code, latest.Code, latest.PillarTitles.Split('\n').Length);
        });
        Assert.NotEqual(oldCode, newCode);
        Assert.Equal(5, newPillars);
        var oldPage = await second.Browser().GetPageAsync("/verify/" + oldCode);
        Assert.Contains("Certificado sustituido", oldPage.Text());
        Assert.NotNull(oldPage.QuerySelector($"a[href='/verify/{newCode}']"));
        Assert.Contains("Certificado válido", (await second.Browser().GetPageAsync("/verify/" + newCode)).Text());
    }

    [Fact]
    public async Task Someone_whose_remaining_pillars_are_removed_is_completed_and_certified()
    {
        var content = Repo.CopyContent();
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-edition-").FullName, "app.db");
        using (var first = new AppFactory { DatabaseFile = dbFile, ContentPath = content }) _ = first.Server;
        foreach (var language in new[] { "es", "en" })
            foreach (var file in new[] { "03-own-it.md", "04-keep-our-word.md", "05-internal-customer.md" })
                File.Delete(Path.Combine(content, language, "pillars", file));
        var (exitCode, output) = Publish(content, dbFile, "Tres pilares retirados");
        Assert.True(exitCode == 0, output);

        using var second = new AppFactory { DatabaseFile = dbFile, ContentPath = content };
        _ = second.Server;
        // Sergio had done listen and tell-the-truth, the two pillars that remain.
        var sergio = await second.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0104")
            .Select(e => new { e.CurrentAssignment!.Edition!.Number, e.CurrentAssignment.CompletedAt, Certificates = db.Certificates.Count(c => c.EmployeeId == e.Id) })
            .SingleAsync());
        Assert.Equal(2, sergio.Number);
        Assert.NotNull(sergio.CompletedAt);
        Assert.Equal(1, sergio.Certificates);
    }

    [Fact]
    public async Task An_edition_with_only_wording_changes_assigns_nothing()
    {
        var content = Repo.CopyContent();
        var dbFile = Path.Combine(Directory.CreateTempSubdirectory("sp-edition-").FullName, "app.db");
        int before;
        using (var first = new AppFactory { DatabaseFile = dbFile, ContentPath = content })
        {
            _ = first.Server;
            before = await first.WithDbAsync(db => db.Assignments.CountAsync());
        }
        Change(content, "es/pillars/01-listen.md", "editorial", "Una coma menos.");
        var (exitCode, output) = Publish(content, dbFile, "Erratas");
        Assert.True(exitCode == 0, output);
        using var second = new AppFactory { DatabaseFile = dbFile, ContentPath = content };
        _ = second.Server;
        Assert.Equal(2, await second.WithDbAsync(db => db.Editions.CountAsync()));
        // Only the people midway move to edition 2; nobody who completed is asked anything.
        var completedMoved = await second.WithDbAsync(db => db.Assignments.CountAsync(a => a.Reason == AssignmentReason.NewEdition));
        Assert.Equal(0, completedMoved);
        Assert.True(await second.WithDbAsync(db => db.Assignments.CountAsync()) >= before);
        Assert.Equal(HttpStatusCode.OK, (await second.Browser().GetAsync("/healthz")).StatusCode);
    }
}
