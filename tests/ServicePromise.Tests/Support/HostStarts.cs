using System.Diagnostics;

namespace ServicePromise.Tests.Support;

/// <summary>
/// Counts the sites the tests start (in process and as processes), for measuring the suite: with
/// <c>SP_TEST_HOST_LOG</c> set to a file, each start appends one line (kind, type, milliseconds).
/// </summary>
public static class HostStarts
{
    static readonly string? LogFile = System.Environment.GetEnvironmentVariable("SP_TEST_HOST_LOG");
    static readonly Lock Gate = new();

    public static void Record(string kind, string type, Stopwatch? elapsed = null)
    {
        if (string.IsNullOrEmpty(LogFile)) return;
        lock (Gate)
            File.AppendAllText(LogFile, $"{kind}\t{type}\t{elapsed?.ElapsedMilliseconds ?? 0}{System.Environment.NewLine}");
    }
}
