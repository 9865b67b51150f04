using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ServicePromise.Tests.Support;

/// <summary>Runs the web app's own executable (from its build output), as an operator would from a shell.</summary>
public static class WebProcess
{
    public static (int ExitCode, string Output) Run(IDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not exit: " + stdout.Result + stderr.Result);
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Starts the site and leaves it running; <see cref="RunningSite.ListeningAsync"/> says where, once it serves.</summary>
    public static RunningSite Start(IDictionary<string, string> environment, params string[] args) =>
        new(Process.Start(StartInfo(environment, args))!);

    static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var output = Path.Combine(Repo.Root, "src", "ServicePromise.Web", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(output, "ServicePromise.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        HostStarts.Record("process", string.Join(' ', args));
        return start;
    }
}

/// <summary>A site process started by <see cref="WebProcess.Start"/>; disposing it kills it.</summary>
public sealed partial class RunningSite : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();
    readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RunningSite(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) =>
        {
            _process.WaitForExit(); // the output events have all arrived
            _listening.TrySetException(new InvalidOperationException($"The site exited ({_process.ExitCode}) before serving:\n{Output}"));
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The address the site listens on, or an exception with its output if it stopped first.</summary>
    public async Task<Uri> ListeningAsync() => await _listening.Task.WaitAsync(TimeSpan.FromMinutes(3));

    void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } m) _listening.TrySetResult(new Uri(m.Groups[1].Value));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
