using ServicePromise.Web.Content;

namespace ServicePromise.Tests.Content;

public class TextDiffTests
{
    static string Show(IEnumerable<DiffLine> diff) =>
        string.Join("|", diff.Select(d => (d.Kind switch { DiffKind.Removed => "-", DiffKind.Added => "+", _ => " " }) + d.Text));

    [Fact]
    public void Identical_texts_have_only_same_lines()
    {
        Assert.Equal(" a| b", Show(TextDiff.Lines("a\n\nb", "a\r\n\r\nb\n")));
    }

    [Fact]
    public void A_changed_paragraph_shows_as_removed_then_added_between_unchanged_ones()
    {
        Assert.Equal(" ## Título|-Texto viejo.|+Texto nuevo.| Final.", Show(TextDiff.Lines("## Título\nTexto viejo.\nFinal.", "## Título\nTexto nuevo.\nFinal.")));
    }

    [Fact]
    public void Added_and_removed_paragraphs_are_found_at_either_end()
    {
        Assert.Equal("-Primero.| Medio.|+Último.", Show(TextDiff.Lines("Primero.\nMedio.", "Medio.\nÚltimo.")));
    }

    [Fact]
    public void Empty_texts_compare()
    {
        Assert.Equal("+a", Show(TextDiff.Lines("", "a")));
        Assert.Equal("-a", Show(TextDiff.Lines("a", "")));
    }
}
