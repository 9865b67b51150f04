using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ServicePromise.Web.Content;

/// <summary>
/// One Markdig pipeline for the whole app, built once. Raw HTML is escaped, not passed through, and
/// links may only use http, https or mailto, so lesson text can never run script in a reader's browser.
/// </summary>
public sealed class MarkdownRenderer
{
    readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    /// <param name="idPrefix">
    /// Put before every heading id (and the text's own links to them), for a page that shows several texts at once —
    /// the admin's preview of all lessons — where two lessons' "Por qué importa" would otherwise share an id.
    /// </param>
    public string ToHtml(string markdown, string? idPrefix = null)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        if (idPrefix is not null) PrefixIds(document, idPrefix);
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { } url && !IsSafeUrl(url))
                link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!link.IsEmail && !IsSafeUrl(link.Url))
                link.Url = "#";
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The anchors of the body's headings, as rendered, so content can point a reader back to a part.</summary>
    public IReadOnlySet<string> HeadingIds(string markdown) => Headings(markdown).Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The body's headings by anchor, with their words, so a page can name the part a question points back to.</summary>
    public IReadOnlyDictionary<string, string> Headings(string markdown)
    {
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var heading in Markdown.Parse(markdown, _pipeline).Descendants<HeadingBlock>())
            if (heading.GetAttributes().Id is { } id)
                headings.TryAdd(id, string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []));
        return headings;
    }

    static void PrefixIds(MarkdownDocument document, string prefix)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            if (attributes.Id is not { } id) continue;
            ids.Add(id);
            attributes.Id = prefix + id;
        }
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { } url && url.StartsWith('#') && ids.Contains(url[1..]))
                link.Url = "#" + prefix + url[1..];
    }

    static bool IsSafeUrl(string url)
    {
        var trimmed = url.Trim();
        // "//host/path" (and "/\host") leave the site although they look relative.
        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("/\\", StringComparison.Ordinal) || trimmed.StartsWith('\\')) return false;
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !trimmed.StartsWith('/'))
            return uri.Scheme is "http" or "https" or "mailto";
        // Relative links (a path, a fragment) are fine; anything with a scheme we did not allow is not.
        return !trimmed.Split(['/', '?', '#'], 2)[0].Contains(':');
    }
}
