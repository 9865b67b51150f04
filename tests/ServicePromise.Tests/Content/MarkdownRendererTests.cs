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

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("[fuera](//evil.example/x)")]
    [InlineData("[fuera](/\\evil.example/x)")]
    [InlineData("[datos](data:text/html;base64,PHNjcmlwdD4=)")]
    public void Links_that_run_script_or_leave_the_site_unannounced_are_neutralised(string markdown)
    {
        var html = _renderer.ToHtml(markdown);
        Assert.Contains("href=\"#\"", html);
    }

    [Theory]
    [InlineData("[pilar](/pillars/listen)", "/pillars/listen")]
    [InlineData("[arriba](#en-tu-puesto)", "#en-tu-puesto")]
    [InlineData("<https://example.com>", "https://example.com")]
    [InlineData("[correo](mailto:personas@example.com)", "mailto:personas@example.com")]
    public void Ordinary_links_are_kept(string markdown, string href)
    {
        Assert.Contains($"href=\"{href}\"", _renderer.ToHtml(markdown));
    }

    [Fact]
    public void Headings_get_anchors_for_linking_back_into_a_lesson()
    {
        Assert.Contains("<h2 id=\"en-tu-puesto\">", _renderer.ToHtml("## En tu puesto"));
    }
}
