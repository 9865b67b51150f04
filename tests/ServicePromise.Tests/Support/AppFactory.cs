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
    /// <summary>The setting that adds the demo's service audits to the demo organisation; off unless a test sets it.</summary>
    public const string DemoAudits = "App:SeedDemoAudits";

    public string Folder { get; } = Directory.CreateTempSubdirectory("sp-app-").FullName;
    public string MailFolder => Path.Combine(Folder, "mail");
    public string ContentPath { get; set; } = Repo.Content;
    public string Environment { get; set; } = "Development";
    public string? DatabaseFile { get; set; }
    /// <summary>Extra configuration for this site (e.g. <c>Reflections:ReviewRequired</c>), applied after the defaults above.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabaseFile ?? Path.Combine(Folder, "app.db") }.ToString();

    bool _started;
    string? _templateKey;

    /// <summary>Whether this site started on a copy of the run's template database rather than an empty file.</summary>
    public bool StartedFromTemplate { get; private set; }

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        Microsoft.Extensions.Hosting.IHost host;
        try
        {
            host = base.CreateHost(builder);
        }
        catch when (_templateKey is not null && !StartedFromTemplate)
        {
            TemplateDatabases.Abandon(_templateKey);
            throw;
        }
        HostStarts.Record(StartedFromTemplate ? "app-from-template" : "app", GetType().Name, elapsed);
        _started = true; // only a site that started has employees to check
        if (_templateKey is not null && !StartedFromTemplate) TemplateDatabases.Keep(_templateKey, DatabaseFile ?? Path.Combine(Folder, "app.db"), Folder);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // A second site of the same configuration starts on a copy of the first one's freshly started database
        // (TemplateDatabases): the same rows, without migrating and seeding the demo organisation again.
        _templateKey = TemplateKey();
        if (_templateKey is not null && TemplateDatabases.CopyTo(_templateKey, Path.Combine(Folder, "app.db"), Folder)) StartedFromTemplate = true;
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("App:PublicBaseUrl", "https://promesa.test");
        // Reminders run on a timer; tests that are about them run the sender themselves.
        builder.UseSetting("Reminders:Enabled", "false");
        // Check-in emails likewise: the tests about them run the mailer themselves.
        builder.UseSetting("CheckIns:MailEnabled", "false");
        builder.UseSetting("Evidence:Path", Path.Combine(Folder, "evidence"));
        // Invitations go out in the background after an import; tests send them themselves (SendInvitationsAsync).
        builder.UseSetting("Invitations:Enabled", "false");
        // The weekly questions are made on a timer; the tests about them make them themselves.
        builder.UseSetting("Practice:Scheduled", "false");
        builder.UseSetting("Practice:MailEnabled", "false");
        // HR's knowledge kept is counted again on every visit: the tests answer and read at once.
        builder.UseSetting("Practice:KnowledgeMaxAgeMinutes", "0");
        // The demo's audits send Sevilla Centro a refresher; the tests about measurement ask for them (DemoAudits).
        builder.UseSetting(DemoAudits, "false");
        // Tests sign in hundreds of times from one address; the throttling tests set low limits of their own.
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "ForgotPasswordPerAddress", "ForgotPasswordPerEmail", "VerifyPerAddress", "LetterCodePerAddress", "SsoCallbackPerAddress" })
            builder.UseSetting($"Throttling:{limit}:Permits", "1000000");
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>());
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>
    /// What makes two sites' first start write the same rows, or null when this site may not share a template: its
    /// own database file, a subclass that configures more than <see cref="Settings"/> (services, a clock), or a site
    /// derived with WithWebHostBuilder. A subclass whose extra configuration does not change the first start can
    /// opt in by overriding <see cref="StartsLikeItsSettings"/>.
    /// </summary>
    string? TemplateKey() =>
        StartsLikeItsSettings && DatabaseFile is null && Factories.Count == 0 && TemplateDatabases.Enabled
            ? string.Join("\n", new[] { Environment, Path.GetFullPath(ContentPath) }
                .Concat(Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")))
            : null;

    /// <summary>True when this site's first start depends only on Environment, ContentPath and Settings.</summary>
    protected virtual bool StartsLikeItsSettings => GetType() == typeof(AppFactory) || GetType() == typeof(ReviewAppFactory);

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Sends the invitations imports have queued, as the background sender would.</summary>
    public async Task<int> SendInvitationsAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ServicePromise.Web.Staff.Import.InvitationSender>().RunOnceAsync();
    }

    /// <summary>Every mail the site has written so far, decoded (quoted-printable bodies joined back into lines).</summary>
    public IReadOnlyList<string> Mails() =>
        Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml").Select(f => Mail.Decode(File.ReadAllText(f))).ToList() : [];

    protected override void Dispose(bool disposing)
    {
        // Whatever a test did, the data's invariants must still hold (Support/Invariants.cs).
        var violations = disposing && _started && File.Exists(DatabaseFile ?? Path.Combine(Folder, "app.db"))
            ? WithDbAsync(db => Invariants.ViolationsAsync(db)).GetAwaiter().GetResult()
            : [];
        _started = false; // the base class disposes through here again
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        if (violations.Count > 0)
            throw new InvalidOperationException("The data breaks its invariants:\n" + string.Join("\n", violations));
    }
}

/// <summary>The site with reviews on: a sent reflection counts once its reviewer approves it.</summary>
public sealed class ReviewAppFactory : AppFactory
{
    public ReviewAppFactory() => Settings["Reflections:ReviewRequired"] = "true";
}
