using ServicePromise.Web.Content;

namespace ServicePromise.Tests.Content;

public class MarkdownRendererTests
{
    readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Raw_html_is_escaped_not_rendered()
    {
        var html = _renderer.ToHtml("Hola <script>alert(1)</script> y <b onclick=\"x()\">negrita</b>");
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b onclick", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Script_links_are_neutralised_but_normal_links_kept()
    {
        var html = _renderer.ToHtml("[mal](javascript:alert(1)) y [bien](https://example.com/x)");
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("href=\"https://example.com/x\"", html);
    }

    [Fact]
    public void Headings_get_anchors_for_linking_back_into_a_lesson()
    {
        Assert.Contains("<h2 id=\"en-tu-puesto\">", _renderer.ToHtml("## En tu puesto"));
    }
}
