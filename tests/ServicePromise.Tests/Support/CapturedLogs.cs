using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ServicePromise.Tests.Support;

/// <summary>
/// One log entry as the app wrote it: category, level, message and exception, and the request it was written in
/// (<see cref="RequestId"/> and <see cref="RequestPath"/> from ASP.NET Core's request scope; null outside a request).
/// </summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, string? RequestId = null, string? RequestPath = null)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " — " + Exception.GetType().Name + ": " + Exception.Message)}";
}

/// <summary>Keeps every entry the app logs, after the app's own filters (appsettings levels), for tests about what is logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    readonly ConcurrentQueue<LogEntry> _entries = new();
    IExternalScopeProvider? _scopes;
    public IReadOnlyList<LogEntry> Entries => _entries.ToList();
    public IReadOnlyList<LogEntry> Errors => Entries.Where(e => e.Level >= LogLevel.Error).ToList();

    /// <summary>The entries written while serving the request with that id (see <see cref="LogEntry.RequestId"/>).</summary>
    public IReadOnlyList<LogEntry> OfRequest(string requestId) => Entries.Where(e => e.RequestId == requestId).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
    public void Dispose() { }

    sealed class Logger(string category, CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes?.Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? requestId = null, requestPath = null;
            provider._scopes?.ForEachScope((scope, _) =>
            {
                if (scope is not IEnumerable<KeyValuePair<string, object?>> values) return;
                foreach (var (key, value) in values)
                {
                    if (key == "RequestId") requestId = value?.ToString();
                    else if (key == "RequestPath") requestPath = value?.ToString();
                }
            }, (object?)null);
            provider._entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, requestId, requestPath));
        }
    }
}

/// <summary>The site with its logs captured (<see cref="Logs"/>), at the levels its configuration sets.</summary>
public sealed class LoggedAppFactory : AppFactory
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>The SQL one request ran, read from EF's command log (the factory must log <c>Database.Command</c> at Information).</summary>
public static class RequestCommands
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    /// <summary>
    /// GETs <paramref name="path"/> (which must answer 200) and returns the commands EF ran while serving that request —
    /// not the background jobs', not another request's — except the session check (<c>SecurityStamp</c>), which is cached
    /// for a few seconds and so runs or not by the clock.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CommandsOfGetAsync(this LoggedAppFactory app, HttpClient client, string path)
    {
        var before = app.Logs.Entries.Select(e => e.RequestId).OfType<string>().ToHashSet();
        var response = await client.GetAsync(path);
        Xunit.Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return app.Logs.Entries
            .Where(e => e.Category == Category && e.RequestPath == path && e.RequestId is not null && !before.Contains(e.RequestId))
            .Select(e => e.Message)
            .Where(sql => !sql.Contains("\"SecurityStamp\"", StringComparison.Ordinal))
            .ToList();
    }
}
