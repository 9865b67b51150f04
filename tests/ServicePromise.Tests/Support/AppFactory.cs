using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ServicePromise.Web.Data;

namespace ServicePromise.Tests.Support;

/// <summary>
/// The real app in process, on its own SQLite file and mail folder, with the demo organisation
/// (Development) unless told otherwise.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("sp-app-").FullName;
    public string MailFolder => Path.Combine(Folder, "mail");
    public string ContentPath { get; set; } = Repo.Content;
    public string Environment { get; set; } = "Development";
    public string? DatabaseFile { get; set; }
    /// <summary>Extra configuration for this app, e.g. ["Learning:ReviewRequired"] = "true".</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabaseFile ?? Path.Combine(Folder, "app.db") }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("App:PublicBaseUrl", "https://promesa.test");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
