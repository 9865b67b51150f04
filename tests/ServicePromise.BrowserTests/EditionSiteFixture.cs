namespace ServicePromise.BrowserTests;

/// <summary>A site of its own on a copy of the content, which a test may change and publish as a new edition.</summary>
public sealed class EditionSiteFixture : SiteFixture
{
    public string Content { get; } = Directory.CreateTempSubdirectory("sp-site-content-").FullName;

    protected override string ContentPath(string root)
    {
        var source = Path.Combine(root, "content");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Content, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return Content;
    }

    /// <summary>Declares a change on a pillar's Spanish file and adds a sentence to its lesson.</summary>
    public void Change(string file, string kind, string sentence)
    {
        var path = Path.Combine(Content, file);
        var text = File.ReadAllText(path);
        var key = text.IndexOf("\norder:", StringComparison.Ordinal);
        var lineEnd = text.IndexOf('\n', key + 1);
        File.WriteAllText(path, text[..lineEnd] + $"\nchange: {kind}" + text[lineEnd..] + "\n" + sentence + "\n");
    }
}
