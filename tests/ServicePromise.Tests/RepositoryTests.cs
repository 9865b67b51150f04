using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ServicePromise.Tests.Support;

namespace ServicePromise.Tests;

/// <summary>What the README promises a new user stays true of the files that do the work.</summary>
public class RepositoryTests
{
    static string Read(string path) => File.ReadAllText(Path.Combine(Repo.Root, path));

    [Fact]
    public void The_dockerfile_publishes_with_the_readme_command()
    {
        var command = Regex.Match(Read("README.md"), @"^dotnet publish .+$", RegexOptions.Multiline).Value.Trim();
        Assert.StartsWith("dotnet publish src/ServicePromise.Web", command);
        Assert.Contains("RUN " + command + "\n", Read("Dockerfile"));
    }

    [Fact]
    public void A_published_build_is_ready_to_run_and_a_plain_build_stays_portable()
    {
        // The cold start of a published site (docs/benchmarks.md, issue 11) relies on it; the tests run the portable build.
        var project = System.Xml.Linq.XDocument.Parse(Read("src/ServicePromise.Web/ServicePromise.Web.csproj"));
        var publishing = Assert.Single(project.Root!.Elements("PropertyGroup"), g => (string?)g.Attribute("Condition") == "'$(_IsPublishing)' == 'true'");
        Assert.Equal("true", (string?)publishing.Element("PublishReadyToRun"));
        Assert.Equal("false", (string?)publishing.Element("SelfContained"));
        Assert.NotNull(publishing.Element("RuntimeIdentifier"));
        Assert.DoesNotContain(project.Root.Elements("PropertyGroup").Where(g => g != publishing), g => g.Element("RuntimeIdentifier") is not null || g.Element("PublishReadyToRun") is not null);
    }

    [Fact]
    public void Ci_runs_the_readme_test_command()
    {
        var readme = Read("README.md");
        Assert.Contains("```sh\nbash tests/run-all.sh\n```", readme);
        Assert.Contains("exec bash tests/run-all.sh", Read(".ci/run"));
        Assert.Contains("dotnet run --project src/ServicePromise.Web", readme);
    }

    [Fact]
    public void The_license_is_mit()
    {
        Assert.StartsWith("MIT License\n\nCopyright (c) 2026 ServicePromise contributors\n", Read("LICENSE"));
        Assert.Contains("## License\n\nMIT (see `LICENSE`)", Read("README.md"));
    }

    /// <summary>
    /// The MIT licence holds only while nothing the app ships is copyleft: PDFsharp 6.5 and later name the AGPL,
    /// so a version bump would quietly bring it back. Reads the licence each restored package declares.
    /// </summary>
    [Fact]
    public void No_package_the_app_ships_is_under_a_gpl()
    {
        using var assets = JsonDocument.Parse(Read("src/ServicePromise.Web/obj/project.assets.json"));
        var folders = assets.RootElement.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        var licences = new List<string>();
        foreach (var library in assets.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package") continue;
            var nuspec = library.Value.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).Single(f => f.EndsWith(".nuspec", StringComparison.Ordinal));
            var path = folders.Select(f => Path.Combine(f, library.Value.GetProperty("path").GetString()!, nuspec)).First(File.Exists);
            var metadata = XDocument.Load(path).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            var licence = string.Join(" ", metadata.Elements().Where(e => e.Name.LocalName is "license" or "licenseUrl").Select(e => e.Value));
            licences.Add($"{library.Name}: {licence}");
        }
        Assert.Contains(licences, l => l.StartsWith("PDFsharp/", StringComparison.Ordinal) && l.Contains("MIT", StringComparison.Ordinal));
        Assert.DoesNotContain(licences, l => l.Contains("GPL", StringComparison.OrdinalIgnoreCase));
    }
}
