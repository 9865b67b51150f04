namespace ServicePromise.Tests.Support;

public static class Repo
{
    /// <summary>The repository root, found from the test binaries by looking for the solution file.</summary>
    public static string Root { get; } = Find();

    public static string Content => Path.Combine(Root, "content");

    static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServicePromise.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ServicePromise.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies the repository's content to a temporary folder a test may break.</summary>
    public static string CopyContent()
    {
        var target = Directory.CreateTempSubdirectory("sp-content-").FullName;
        foreach (var file in Directory.GetFiles(Content, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
