using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ServicePromise.BrowserTests;

/// <summary>
/// Checks every document the browser tests show against axe-core's WCAG 2.1 A and AA rules. Each page a fixture
/// hands out carries axe in every document it loads: once a document of the site has loaded, it runs axe on
/// itself and reports back. A navigation that would leave a document waits until that document has reported, and
/// a test, when it ends, waits for the documents still open; it then fails with every violation found on them.
/// (Playwright cannot evaluate in a page while its navigation is held, so the page runs axe itself.)
/// The same run also lists every element that lies outside the viewport's width — on a 375 px phone, content out of
/// sight — and a test fails on those as on a violation.
/// </summary>
public sealed class Accessibility(string axeScript, string origin)
{
    /// <summary>WCAG 2.0 and 2.1, levels A and AA: what the site promises.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>The repository's own copy, installed by tests/run-all.sh (npm ci in tests/ServicePromise.BrowserTests).</summary>
    public static string DefaultScript(string root) =>
        Path.Combine(root, "tests", "ServicePromise.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>axe.min.js from SP_AXE, else the default; a clear failure when it is not there — never a skip.</summary>
    public static string FindScript(string root)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SP_AXE");
        var path = fromEnvironment is { Length: > 0 } ? Path.GetFullPath(fromEnvironment) : DefaultScript(root);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"axe-core is missing: no file at {path}{(fromEnvironment is { Length: > 0 } ? " (from SP_AXE)" : "")}. " +
                "The browser tests check every page with it. Install it with `npm ci --no-audit --no-fund` in " +
                "tests/ServicePromise.BrowserTests (tests/run-all.sh does), or point SP_AXE at an axe.min.js.", path);
        return path;
    }

    /// <summary>How long a document may take to load and be checked before the test fails on it.</summary>
    static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(60);

    // Runs in every document before its own scripts. A document of the site announces itself at once and, after
    // its load event (and the page's own load handlers), runs axe and reports the violations.
    const string Runner = """
        (() => {
            if (window !== window.top || location.origin !== __ORIGIN__) return;
            const id = Date.now().toString(36) + Math.random().toString(36).slice(2);
            const call = (name, ...args) => typeof window[name] === 'function'
                ? window[name](...args)
                : setTimeout(() => call(name, ...args), 0);
            call('__spAxeStarted', JSON.stringify({ id, url: location.href }));
            // Every element drawn (partly) outside the viewport's width, the page's own sideways scroll included:
            // on a phone that is content out of sight. Inside a box that scrolls sideways it counts too (nothing
            // says it is there); inside one that clips it, only what shows; clipped on purpose (visually hidden) not at all.
            const outside = () => {
                const width = document.documentElement.clientWidth;
                const found = [];
                const name = el => {
                    const text = (el.innerText ?? el.textContent).trim().replace(/\s+/g, ' ');
                    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map(c => '.' + c).join('')
                        + (text ? ' "' + text.slice(0, 40) + '"' : '');
                };
                const clippedOnPurpose = el => {
                    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
                        const style = getComputedStyle(e);
                        if (style.clipPath !== 'none' || (style.clip && style.clip !== 'auto')) return true;
                    }
                    return false;
                };
                for (const el of document.body.querySelectorAll('*')) {
                    const box = el.getBoundingClientRect();
                    if (box.width === 0 || box.height === 0) continue;
                    let left = box.left + window.scrollX, right = box.right + window.scrollX;
                    if (left >= -0.5 && right <= width + 0.5) continue;
                    for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
                        if (!/hidden|clip/.test(getComputedStyle(e).overflowX)) continue;
                        const clip = e.getBoundingClientRect();
                        left = Math.max(left, clip.left + window.scrollX);
                        right = Math.min(right, clip.right + window.scrollX);
                    }
                    if (right - left <= 0.5 || (left >= -0.5 && right <= width + 0.5) || clippedOnPurpose(el)) continue;
                    // The outermost element only: its contents go with it.
                    if (found.some(f => f.el.contains(el))) continue;
                    found.push({ el, text: name(el) + ' at ' + Math.round(left) + '–' + Math.round(right) + ' px' });
                }
                const page = document.documentElement.scrollWidth;
                const lines = found.slice(0, 12).map(f => f.text);
                if (found.length > 12) lines.push('… and ' + (found.length - 12) + ' more');
                if (page > width + 1) lines.unshift('the page itself scrolls sideways: ' + page + ' px wide');
                return lines;
            };
            const run = async () => {
                await new Promise(resolve => setTimeout(resolve, 0));
                try {
                    const result = await axe.run(document, { runOnly: { type: 'tag', values: __TAGS__ }, resultTypes: ['violations'] });
                    call('__spAxeReport', JSON.stringify({
                        id,
                        url: location.href,
                        lang: document.documentElement.lang,
                        width: document.documentElement.clientWidth,
                        outside: outside(),
                        violations: result.violations.map(v => ({
                            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                            nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
                        })),
                    }));
                } catch (e) {
                    call('__spAxeReport', JSON.stringify({ id, url: location.href, lang: '', error: String(e && e.stack || e), width: 0, outside: [], violations: [] }));
                }
            };
            if (document.readyState === 'complete') run(); else window.addEventListener('load', run, { once: true });
        })();
        """;

    sealed record Node(string Target, string? Summary);
    sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, Node[] Nodes);
    sealed record Started(string Id, string Url);
    sealed record Report(string Id, string Url, string Lang, string? Error, int Width, string[]? Outside, Violation[] Violations);
    sealed record Document(string Url)
    {
        public TaskCompletionSource Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
    sealed class Watched
    {
        public readonly Dictionary<string, Document> Documents = [];
    }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly string _runner = Runner.Replace("__ORIGIN__", JsonSerializer.Serialize(origin)).Replace("__TAGS__", JsonSerializer.Serialize(Tags));
    readonly string _axe = File.ReadAllText(axeScript);
    readonly List<Watched> _pages = [];
    readonly List<string> _findings = [];
    readonly HashSet<string> _reported = [];
    readonly List<string> _checked = [];

    /// <summary>The addresses of the documents checked so far, in order (each document once).</summary>
    public IReadOnlyList<string> Checked { get { lock (_checked) return [.. _checked]; } }

    /// <summary>Watches a page for the rest of its life: every document of the site it shows is checked.</summary>
    public async Task WatchAsync(IPage page)
    {
        // Each navigation of the page waits for the check of the document it leaves (see the route below), for up to
        // ReportTimeout: the page's own actions must be given longer than that, or a check slowed by a loaded machine
        // fails the action that happened to leave the page instead of being reported as what it is.
        var timeout = (float)(ReportTimeout + TimeSpan.FromSeconds(30)).TotalMilliseconds;
        page.SetDefaultTimeout(timeout);
        page.SetDefaultNavigationTimeout(timeout);
        var watched = new Watched();
        lock (_pages) _pages.Add(watched);
        page.Close += (_, _) => { lock (_pages) _pages.Remove(watched); };
        await page.ExposeBindingAsync("__spAxeStarted", (BindingSource _, string json) =>
        {
            var started = JsonSerializer.Deserialize<Started>(json, Json)!;
            lock (watched.Documents)
            {
                // A new document in the page means the ones before it are gone: one left before its load event (a
                // navigation begun while it still loaded, such as a form's redirect overtaken by the test's next
                // GotoAsync) can never report, and waiting on it would hold every later navigation for a minute.
                foreach (var gone in watched.Documents.Values) gone.Reported.TrySetResult();
                watched.Documents.TryAdd(started.Id, new Document(started.Url));
            }
        });
        await page.ExposeBindingAsync("__spAxeReport", (BindingSource _, string json) =>
        {
            var report = JsonSerializer.Deserialize<Report>(json, Json)!;
            Document? document;
            lock (watched.Documents) watched.Documents.TryGetValue(report.Id, out document);
            Record(report);
            document?.Reported.TrySetResult();
        });
        await page.AddInitScriptAsync(_axe + "\n;\n" + _runner);
        await page.RouteAsync("**/*", async route =>
        {
            try
            {
                if (route.Request.IsNavigationRequest && route.Request.Frame == page.MainFrame) await WaitForReportsAsync(watched);
            }
            finally
            {
                // The navigation may have been given up meanwhile (a newer one, a closed page): nothing to continue.
                try { await route.ContinueAsync(); } catch (PlaywrightException) { }
            }
        });
    }

    async Task WaitForReportsAsync(Watched watched)
    {
        Document[] pending;
        lock (watched.Documents) pending = [.. watched.Documents.Values.Where(d => !d.Reported.Task.IsCompleted)];
        foreach (var document in pending)
        {
            try
            {
                await document.Reported.Task.WaitAsync(ReportTimeout);
            }
            catch (TimeoutException)
            {
                if (document.Reported.TrySetResult())
                    Add($"could not check {document.Url}: axe did not report within {ReportTimeout.TotalSeconds} s of the page loading");
            }
        }
    }

    void Record(Report report)
    {
        lock (_checked) _checked.Add(report.Url);
        if (report.Error is { } error) Add($"could not check {report.Url}: axe failed: {error}");
        if (report.Outside is { Length: > 0 } outside)
            Add($"outside the viewport ({report.Width} px wide) on {report.Url}:\n    - " + string.Join("\n    - ", outside));
        foreach (var v in report.Violations)
        {
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{v.Id} ({v.Impact}): {v.Help}\n    on {report.Url} (lang=\"{report.Lang}\")\n    {v.HelpUrl}");
            foreach (var node in v.Nodes)
                text.Append(CultureInfo.InvariantCulture, $"\n    - {node.Target}").Append(node.Summary is { Length: > 0 } s ? "\n      " + s.ReplaceLineEndings("\n      ") : "");
            Add(text.ToString());
        }
    }

    void Add(string finding)
    {
        lock (_findings)
            if (_reported.Add(finding)) _findings.Add(finding);
    }

    /// <summary>Waits until the documents the watched pages show now have been checked.</summary>
    public async Task SettleAsync()
    {
        Watched[] open;
        lock (_pages) open = [.. _pages];
        foreach (var watched in open) await WaitForReportsAsync(watched);
    }

    /// <summary>Waits for the documents the watched pages show now, then fails with every violation found since the last call.</summary>
    public async Task AssertNoViolationsAsync()
    {
        await SettleAsync();
        string[] findings;
        lock (_findings)
        {
            findings = [.. _findings];
            _findings.Clear();
        }
        if (findings.Length > 0)
            throw new Xunit.Sdk.XunitException(
                $"axe-core found {findings.Length} WCAG 2.1 A/AA violation(s), element(s) outside the viewport or unchecked page(s):\n" + string.Join("\n", findings));
    }
}

/// <summary>
/// A browser test on one of the site fixtures: when it ends, the pages it visited are checked with axe-core and
/// it fails on any WCAG 2.1 A/AA violation. Every browser test class derives from it.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected abstract SiteFixture Site { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Site.Accessibility.AssertNoViolationsAsync();
}
