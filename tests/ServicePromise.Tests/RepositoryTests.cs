using System.Text.RegularExpressions;
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
    public void The_license_is_the_agpl_that_pdfsharp_requires()
    {
        Assert.StartsWith("GNU AFFERO GENERAL PUBLIC LICENSE", Read("LICENSE"));
        Assert.Contains("AGPL-3.0-or-later", Read("README.md"));
    }
}
