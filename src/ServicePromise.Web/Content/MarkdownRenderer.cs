using Markdig;
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

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { } url && !IsSafeUrl(url))
                link.Url = "#";
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    static bool IsSafeUrl(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#') || trimmed.StartsWith('/')) return true;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            ? uri.Scheme is "http" or "https" or "mailto"
            : !trimmed.Contains(':');
    }
}
