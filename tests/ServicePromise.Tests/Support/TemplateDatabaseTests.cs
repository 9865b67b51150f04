using Microsoft.EntityFrameworkCore;

namespace ServicePromise.Tests.Support;

/// <summary>The template trick (TemplateDatabases) is invisible: a site started on a copy holds what a fresh start writes.</summary>
public class TemplateDatabaseTests
{
    [Fact]
    public async Task A_site_started_from_the_template_holds_what_its_own_first_start_would_have_written()
    {
        // A configuration of its own, so this test makes its template and then uses it.
        var probe = Guid.NewGuid().ToString("N");
        using var fresh = new AppFactory { Settings = { ["TemplateProbe"] = probe } };
        _ = fresh.Server;
        using var copied = new AppFactory { Settings = { ["TemplateProbe"] = probe } };
        _ = copied.Server;
        Assert.False(fresh.StartedFromTemplate);
        Assert.True(copied.StartedFromTemplate);

        Assert.Equal(await RowCountsAsync(fresh), await RowCountsAsync(copied));
        // The copy's start recorded nothing of its own (no "settings changed" for its new folders)...
        Assert.Equal(await AuditAsync(fresh), await AuditAsync(copied));
        var settings = await copied.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == ServicePromise.Web.Audit.AuditActions.SettingsChanged).Select(e => e.Details).SingleAsync());
        Assert.Contains(copied.Folder, settings);
        Assert.DoesNotContain(fresh.Folder, settings);
        // ...and its data-protection key is its own, as a fresh site's is.
        var keys = await Task.WhenAll(fresh.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()),
            copied.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()));
        Assert.NotEmpty(keys[1]);
        Assert.Empty(keys[0].Intersect(keys[1]));
        // The people can sign in on the copy as on a fresh site.
        await copied.Browser().SignedInAsync("irene.bravo@demo.mercadosolivo.es");
    }

    static Task<List<string>> AuditAsync(AppFactory app) =>
        app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action + " " + e.Subject).ToListAsync());

    static Task<Dictionary<string, long>> RowCountsAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    });
}
