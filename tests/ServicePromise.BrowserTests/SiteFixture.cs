using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// The real site, started from its build output on Kestrel at 127.0.0.1 with a fresh SQLite file and the
/// demo organisation, and Debian's Chromium driven by Playwright. SP_CHROMIUM overrides the browser path.
/// Every page it hands out is checked with axe-core (see <see cref="Accessibility"/>); SP_AXE overrides its path.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    readonly string _folder = Directory.CreateTempSubdirectory("sp-site-").FullName;
    Process? _site;
    readonly System.Text.StringBuilder _log = new();
    IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string Log { get { lock (_log) return _log.ToString(); } }
    public Accessibility Accessibility { get; private set; } = null!;
    /// <summary>Where the site drops the mail it sends, as .eml files.</summary>
    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>The content folder the site reads; a subclass may give it a copy to change.</summary>
    protected virtual string ContentPath(string root) => Path.Combine(root, "content");

    /// <summary>Settings for this site beyond the defaults (environment variables, <c>Section__Key</c>); a subclass may add some.</summary>
    protected virtual void Configure(IDictionary<string, string?> environment) { }

    public async Task InitializeAsync()
    {
        var root = RepoRoot();
        var axe = Accessibility.FindScript(root);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var webOutput = Path.Combine(root, "src", "ServicePromise.Web", "bin", configuration, "net10.0");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Accessibility = new Accessibility(axe, BaseUrl);

        var start = new ProcessStartInfo("dotnet", [Path.Combine(webOutput, "ServicePromise.Web.dll")])
        {
            WorkingDirectory = webOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_folder, "site.db")}";
        start.Environment["Content__Path"] = ContentPath(root);
        start.Environment["Mail__PickupDirectory"] = MailFolder;
        start.Environment["Evidence__Path"] = Path.Combine(_folder, "evidence");
        start.Environment["App__PublicBaseUrl"] = BaseUrl;
        // The demo's service audits send Sevilla Centro a targeted refresher, which changes what its people see; the
        // tests that are about measurement bring their own results (a subclass may turn them back on in Configure).
        start.Environment["App__SeedDemoAudits"] = "false";
        // Every test signs in from 127.0.0.1, often as the same people: not a burst to throttle here.
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "ForgotPasswordPerAddress", "ForgotPasswordPerEmail", "VerifyPerAddress" })
            start.Environment[$"Throttling__{limit}__Permits"] = "1000000";
        Configure(start.Environment);
        _command = start;
        _site = Process.Start(start) ?? throw new InvalidOperationException("Could not start the site");
        _site.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _site.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _site.BeginOutputReadLine();
        _site.BeginErrorReadLine();
        await WaitUntilHealthyAsync();

        // The tests run beside the unit tests on a shared machine: a page that takes a few seconds is slow, not wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    ProcessStartInfo? _command;

    /// <summary>
    /// One of the site's commands (ServicePromise.Web.dll COMMAND ARGS) on the running site's database, content and settings,
    /// as an operator would run it beside the site; fails the test with its output when it does not succeed.
    /// </summary>
    public async Task<string> RunCommandAsync(params string[] args)
    {
        var site = _command ?? throw new InvalidOperationException("The site has not started");
        var start = new ProcessStartInfo("dotnet", [site.ArgumentList[0], .. args])
        {
            WorkingDirectory = site.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in site.Environment) start.Environment[key] = value;
        start.Environment.Remove("ASPNETCORE_URLS");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the command");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            AcceptDownloads = true,
            Locale = "es-ES",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await Accessibility.WatchAsync(page);
        return page;
    }

    async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_site!.HasExited) throw new InvalidOperationException("The site exited during start-up:\n" + Log);
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The site did not become healthy within 90 s:\n" + Log);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServicePromise.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ServicePromise.sln not found");
    }

    public async Task DisposeAsync()
    {
        // A test class that does not derive from BrowserTest would leave its violations here: fail on them now.
        Exception? unreported = null;
        if (Accessibility is not null && Browser is not null)
        {
            try { await Accessibility.AssertNoViolationsAsync(); }
            catch (Exception ex) { unreported = ex; }
        }
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_site is { HasExited: false })
        {
            _site.Kill(entireProcessTree: true);
            await _site.WaitForExitAsync();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        if (unreported is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(unreported);
    }
}
