using System.Diagnostics;

namespace ServicePromise.Tests.Support;

/// <summary>Runs the web app's own executable (from its build output), as an operator would from a shell.</summary>
public static class WebProcess
{
    public static (int ExitCode, string Output) Run(IDictionary<string, string> environment, params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var output = Path.Combine(Repo.Root, "src", "ServicePromise.Web", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(output, "ServicePromise.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not exit: " + stdout.Result + stderr.Result);
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
