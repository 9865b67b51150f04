using System.Diagnostics;

namespace ServicePromise.Tests.Support;

/// <summary>Runs the command-line tools the tests read PDFs with (poppler's pdftotext, qpdf).</summary>
public static class Tools
{
    public static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var (code, stdout, stderr) = RunSplit(file, args);
        return (code, stdout + stderr);
    }

    static (int ExitCode, string StdOut, string StdErr) RunSplit(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException(file); }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>What the QR codes on the PDF's first page say: rendered by pdftoppm, read by zbarimg.</summary>
    public static string QrText(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("sp-qr-").FullName;
        try
        {
            var path = Path.Combine(folder, "c.pdf");
            File.WriteAllBytes(path, pdf);
            var (render, renderOutput) = Run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", path, Path.Combine(folder, "page"));
            Assert.True(render == 0, "pdftoppm failed: " + renderOutput);
            var (code, text, error) = RunSplit("zbarimg", "--raw", "-q", Directory.GetFiles(folder, "page*.png").Single());
            Assert.True(code == 0, "zbarimg found no QR code: " + error);
            return text.Trim();
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    public static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var (code, text) = Run("pdftotext", "-layout", path, "-");
            Assert.True(code == 0, "pdftotext failed: " + text);
            return text;
        }
        finally { File.Delete(path); }
    }

    public static (int ExitCode, string Output) QpdfCheck(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sp-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try { return Run("qpdf", "--check", path); }
        finally { File.Delete(path); }
    }
}
