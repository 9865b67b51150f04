using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Staff;

namespace ServicePromise.Tests.Data;

/// <summary>The backup command of the app's executable, run against a site that is busy saving, and the copy restored.</summary>
public class BackupTests
{
    // Not started in the demo: each can write the first pillar's reflection.
    static readonly string[] Writers = ["teresa.marin", "patricia.flores", "lucia.romero", "alberto.garrido", "jorge.pena"];
    const string Link = "/pillars/listen";

    sealed record Writer(string Name, HttpClient Client, string Token, CookieContainer Cookies)
    {
        public int Revision;
        /// <summary>The last revision the site acknowledged before the backup began.</summary>
        public int AcknowledgedBeforeBackup;
    }

    static string Text(string name, int revision) => $"Lo que escribe {name} en su revisión {revision} sobre escuchar a los clientes";

    [Fact]
    public async Task A_backup_taken_during_a_burst_of_saves_restores_every_acknowledged_write_and_the_sessions()
    {
        using var app = new AppFactory();
        var writers = new List<Writer>();
        foreach (var name in Writers)
        {
            var cookies = new CookieContainer();
            var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
            await client.SignedInAsync($"{name}@{DemoOrganisation.EmailDomain}");
            var page = await UserStories.ReadLessonAsync(client, Link);
            var token = page.QuerySelector("form[data-autosave] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            writers.Add(new Writer(name, client, token, cookies));
        }
        var evidence = Path.Combine(app.Folder, "evidence");
        Directory.CreateDirectory(evidence);
        await File.WriteAllTextAsync(Path.Combine(evidence, "pack-1.zip"), "a built pack");

        var backupStarted = false;
        var backupDone = false;
        async Task SaveAsync(Writer w)
        {
            var revision = w.Revision;
            var response = await w.Client.PostAsync(Link + "/reflection?handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = w.Token, ["Revision"] = revision.ToString(CultureInfo.InvariantCulture),
                ["Meaning"] = Text(w.Name, revision + 1), ["Customers"] = "", ["Action"] = "",
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            w.Revision = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("revision").GetInt32();
            if (!Volatile.Read(ref backupStarted)) w.AcknowledgedBeforeBackup = w.Revision;
        }
        async Task BurstAsync(Writer w)
        {
            while (!Volatile.Read(ref backupDone)) await SaveAsync(w);
        }

        // Some saves before, then the backup while every writer keeps saving.
        foreach (var w in writers) for (var i = 0; i < 3; i++) await SaveAsync(w);
        var burst = writers.Select(w => Task.Run(() => BurstAsync(w))).ToList();
        await Task.Delay(200);
        var target = Path.Combine(Directory.CreateTempSubdirectory("sp-backup-").FullName, "copy.db");
        Volatile.Write(ref backupStarted, true);
        var (exitCode, output) = await Task.Run(() => WebProcess.Run(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = Repo.Content,
            ["ConnectionStrings__Default"] = app.ConnectionString,
            ["Evidence__Path"] = evidence,
        }, "backup", target));
        Volatile.Write(ref backupDone, true);
        await Task.WhenAll(burst);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Backed up the database", output);
        Assert.True(File.Exists(Path.Combine(target + ".evidence", "pack-1.zip")));
        Assert.All(writers, w => Assert.True(w.Revision > w.AcknowledgedBeforeBackup, $"{w.Name} saved nothing during the backup"));

        // A fresh site on the restored copy: the sessions from before the backup still open private pages
        // (the data-protection keys are in the database), and every save acknowledged before the backup is there.
        var restoredFolder = Directory.CreateTempSubdirectory("sp-restored-").FullName;
        var restoredFile = Path.Combine(restoredFolder, "restored.db");
        File.Copy(target, restoredFile);
        using var restored = new AppFactory { DatabaseFile = restoredFile };
        var stored = await restored.WithDbAsync(db => db.Reflections.AsNoTracking()
            .Where(r => r.AssignmentPillar!.Pillar!.Key == "listen")
            .Select(r => new { Email = db.Users.Where(u => u.Id == r.AssignmentPillar!.Assignment!.Employee!.UserId).Select(u => u.Email).Single(), r.Revision, r.Meaning })
            .ToListAsync());
        foreach (var w in writers)
        {
            var mine = Assert.Single(stored, r => r.Email?.StartsWith(w.Name + "@", StringComparison.Ordinal) == true); // demo people without email have none
            Assert.True(mine.Revision >= w.AcknowledgedBeforeBackup, $"{w.Name}: revision {w.AcknowledgedBeforeBackup} was acknowledged before the backup; the copy has {mine.Revision}");
            Assert.Equal(Text(w.Name, mine.Revision), mine.Meaning);

            var client = restored.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.Add("Cookie", w.Cookies.GetCookieHeader(new Uri("http://localhost")));
            var home = await client.GetAsync(Link);
            Assert.True(home.StatusCode == HttpStatusCode.OK, $"{w.Name}'s session from before the backup: {(int)home.StatusCode} {home.Headers.Location}");
        }
        Directory.Delete(Path.GetDirectoryName(target)!, recursive: true);
    }

    [Fact]
    public void On_PostgreSQL_the_backup_command_gives_the_pg_dump_recipe_and_writes_nothing()
    {
        using var database = new TestPostgres();
        var target = Path.Combine(Directory.CreateTempSubdirectory("sp-backup-").FullName, "copy.db");
        var (exitCode, output) = WebProcess.Run(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Content__Path"] = Repo.Content,
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Default"] = database.ConnectionString,
        }, "backup", target);
        Assert.Equal(2, exitCode);
        Assert.Contains("pg_dump --format=custom", output);
        Assert.Contains("pg_restore", output);
        Assert.False(File.Exists(target));
    }
}
